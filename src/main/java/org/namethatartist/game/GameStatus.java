package org.namethatartist.game;

/** Where a game is in its life. */
public enum GameStatus {

	/** Announced; the first round starts after {@code game.start-delay}. */
	STARTING,

	/** A round is open for answers. */
	ROUND,

	/** The pause after a round: its answer and the scores are shown. */
	BETWEEN_ROUNDS,

	/** The last round is over (or the game was stopped) and the results are being recorded. */
	ENDING,

	/** Every result is durable. */
	OVER

}
