package org.namethatartist.game;

/** What {@link GameService#answer} did with one answer. */
public sealed interface AnswerOutcome {

	/** Right, and durable: {@code points} for this round, {@code totalScore} in this game. */
	record Correct(int round, int points, int totalScore) implements AnswerOutcome {
	}

	/** Wrong, and durable as an incorrect answer. */
	record Wrong(int round, int totalScore) implements AnswerOutcome {
	}

	/** This player already answered this round; the first answer stands. */
	record AlreadyAnswered(int round, int choice) implements AnswerOutcome {
	}

	/** The round answered is not open (it ended, or the game is between rounds or ending). */
	record RoundOver(int round) implements AnswerOutcome {
	}

	/** The choice is not one of the round's buttons. */
	record InvalidChoice(int choice, int choices) implements AnswerOutcome {
	}

	/** No game by that id is running. */
	record NoGame() implements AnswerOutcome {
	}

	/** The answer could not be made durable (storage down), so it does not count. */
	record Unavailable(String reason) implements AnswerOutcome {
	}

}
