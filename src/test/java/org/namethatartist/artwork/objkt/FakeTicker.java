package org.namethatartist.artwork.objkt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that moves only when the client sleeps, and remembers every sleep: waits of seconds take none. */
final class FakeTicker implements Ticker {

	private long now = 1_000_000_000L;

	private final List<Duration> sleeps = new ArrayList<>();

	@Override
	public synchronized long nanoTime() {
		return this.now;
	}

	@Override
	public synchronized void sleep(Duration duration) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		this.sleeps.add(duration);
		this.now += duration.toNanos();
	}

	synchronized void advance(Duration duration) {
		this.now += duration.toNanos();
	}

	synchronized List<Duration> sleeps() {
		return List.copyOf(this.sleeps);
	}

}
