package org.namethatartist.daily;

/** What answering a round of a day's challenge gives. */
public sealed interface AnswerOutcome {

	/**
	 * The answer was saved.
	 * @param round the round answered, to tell the right artist and the link
	 * @param totalScore the player's score so far today
	 * @param finished whether that was the last round
	 */
	record Answered(DailyRound round, boolean correct, int points, int totalScore, boolean finished)
			implements AnswerOutcome {
	}

	/** The round was answered before. */
	record AlreadyAnswered(int round) implements AnswerOutcome {
	}

	/** The round's time ran out before the answer; it scores 0. */
	record TooLate(int round) implements AnswerOutcome {
	}

	/** The round has not been opened (or the player has not started). */
	record NotOpen(int round) implements AnswerOutcome {
	}

	/** The round or the choice is out of range. */
	record Invalid(String message) implements AnswerOutcome {
	}

	/** The day asked for is not today. */
	record NotToday(java.time.LocalDate today) implements AnswerOutcome {
	}

}
