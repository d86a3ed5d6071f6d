package org.namethatartist.artwork.objkt;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time the client paces and backs off by: the system's, or in tests one that moves only when asked
 * to sleep, so that waits of seconds take none.
 */
interface Ticker {

	/** The system's monotonic clock, and {@code Thread.sleep}. */
	Ticker SYSTEM = new Ticker() {

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void sleep(Duration duration) throws InterruptedException {
			TimeUnit.NANOSECONDS.sleep(duration.toNanos());
		}

	};

	/** A monotonic time in nanoseconds, meaningful only as a difference, like {@link System#nanoTime()}. */
	long nanoTime();

	void sleep(Duration duration) throws InterruptedException;

}
