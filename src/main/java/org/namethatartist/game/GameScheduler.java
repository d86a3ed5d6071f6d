package org.namethatartist.game;

import java.time.Instant;

/**
 * The clock and timer of every game: one scheduler drives all games, with no thread per game or per
 * round. Tests use a manual one and move time themselves.
 */
public interface GameScheduler {

	Instant now();

	/** Runs {@code task} at {@code at} (at once when that has passed); the handle cancels it. */
	Cancellable schedule(Instant at, Runnable task);

	/** A scheduled task that can still be cancelled. */
	@FunctionalInterface
	interface Cancellable {

		void cancel();

	}

}
