package org.namethatartist.game;

import java.time.Duration;

/**
 * What the starter of a game asked for; a null member takes its default from {@code game.*}.
 */
public record GameOptions(Integer rounds, Duration roundTime, Duration betweenRoundTime) {

	/** Every option at its default. */
	public static GameOptions defaults() {
		return new GameOptions(null, null, null);
	}

}
