package org.namethatartist.game;

/** What {@link GameService#start} did. */
public sealed interface StartOutcome {

	/**
	 * The game is announced; its first round starts at {@code game.phaseEndsAt()}.
	 * @param notice what the starter should know, or null: why the server's own artwork pool is not played
	 */
	record Started(GameView game, String notice) implements StartOutcome {

		public Started(GameView game) {
			this(game, null);
		}

	}

	/** This channel already has a game. */
	record AlreadyRunning(GameView game) implements StartOutcome {
	}

	/**
	 * An option outside its bounds.
	 * @param option {@code rounds}, {@code roundTime} or {@code betweenRoundTime}
	 * @param allowed the bounds, such as {@code 5..50} or {@code 10s..60s}
	 */
	record OutOfBounds(String option, String value, String allowed) implements StartOutcome {

		public String message() {
			return this.option + " must be within " + this.allowed + ", not " + this.value;
		}

	}

	/** The catalogue has fewer playable artworks than the rounds asked for. */
	record NotEnoughArtworks(int requested, int available) implements StartOutcome {

		public String message() {
			return (this.available == 0) ? "No artworks are available to play yet."
					: "Only " + this.available + " artworks are available, not enough for " + this.requested
							+ " rounds.";
		}

	}

	/** The game could not be saved (storage down): nothing started. */
	record Unavailable(String reason) implements StartOutcome {
	}

}
