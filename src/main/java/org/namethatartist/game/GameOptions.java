package org.namethatartist.game;

import java.time.Duration;

import org.namethatartist.artwork.Difficulty;

/**
 * What the starter of a game asked for (or the server's settings, for what the starter left out); a null
 * member takes its default from {@code game.*}.
 *
 * @param choices buttons per round, 3 to 5
 * @param difficulty how alike the wrong artists are to the right one
 * @param answers buttons, or the artist's name typed
 */
public record GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime, Integer choices,
		Difficulty difficulty, AnswerMode answers) {

	/** The fewest and most buttons per round (Discord fits 5 in a row). */
	public static final IntRange CHOICES = new IntRange(3, 5);

	/** Rounds and times only: every other option at its default. */
	public GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime) {
		this(rounds, roundTime, betweenRoundTime, null, null, null);
	}

	/** Rounds, times and the number of choices; difficulty and answer mode at their defaults. */
	public GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime, Integer choices) {
		this(rounds, roundTime, betweenRoundTime, choices, null, null);
	}

	/** Rounds, times, difficulty and answer mode; the number of choices at its default. */
	public GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime, Difficulty difficulty,
			AnswerMode answers) {
		this(rounds, roundTime, betweenRoundTime, null, difficulty, answers);
	}

	/** Every option at its default. */
	public static GameOptions defaults() {
		return new GameOptions(null, null, null);
	}

}
