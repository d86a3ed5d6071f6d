package org.namethatartist.game;

import java.time.Duration;

/**
 * What the starter of a game asked for (or the server's settings, for what the starter left out); a null
 * member takes its default from {@code game.*}.
 *
 * @param choices buttons per round, 3 to 5
 */
public record GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime, Integer choices) {

	/** The fewest and most buttons per round (Discord fits 5 in a row). */
	public static final IntRange CHOICES = new IntRange(3, 5);

	/** Rounds and times only: the number of choices at its default. */
	public GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime) {
		this(rounds, roundTime, betweenRoundTime, null);
	}

	/** Every option at its default. */
	public static GameOptions defaults() {
		return new GameOptions(null, null, null);
	}

}
