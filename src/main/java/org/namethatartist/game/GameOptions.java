package org.namethatartist.game;

import java.time.Duration;

import org.namethatartist.artwork.Difficulty;

/**
 * What the starter of a game asked for; a null member takes its default from {@code game.*}.
 */
public record GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime, Difficulty difficulty,
		AnswerMode answers) {

	/** The options of a game that leaves difficulty and answer mode to the defaults. */
	public GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime) {
		this(rounds, roundTime, betweenRoundTime, null, null);
	}

	/** Every option at its default. */
	public static GameOptions defaults() {
		return new GameOptions(null, null, null);
	}

}
