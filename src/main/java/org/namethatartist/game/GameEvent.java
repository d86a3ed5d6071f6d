package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened in a game, for the adapters that show it (Discord, web). Each carries the game as it
 * was right after the change; events of one game arrive in order.
 */
public sealed interface GameEvent {

	GameView game();

	/** A round is open: show the artwork and the buttons until {@code round.endsAt()}. */
	record RoundStarted(GameView game, RoundView round) implements GameEvent {
	}

	/** A round's time is up: the right answer, where to see the artwork, and the scores so far. */
	record RoundEnded(GameView game, RoundResult result, List<Standing> scores) implements GameEvent {
	}

	/** The last round is over and every result is durable. */
	record GameEnded(GameView game, List<Standing> scores, List<Standing> winners) implements GameEvent {
	}

	/** Stopped before its end by {@code by}; the results of what was played are durable. */
	record GameStopped(GameView game, Player by, List<Standing> scores) implements GameEvent {
	}

	/**
	 * A game found in progress at start-up goes on; {@code interrupted} is how long the bot was away and
	 * {@code nextRoundAt} when play resumes.
	 */
	record GameResumed(GameView game, Duration interrupted, Instant nextRoundAt, ShownRound shown)
			implements GameEvent {

		public GameResumed(GameView game, Duration interrupted, Instant nextRoundAt) {
			this(game, interrupted, nextRoundAt, null);
		}

		/**
		 * The round the restart interrupted, where it was shown: its message's buttons still look live, and
		 * are to be turned off before the round is shown again.
		 */
		public record ShownRound(int number, String messageId, List<Choice> choices) {
		}

	}

}
