package org.namethatartist.artwork.objkt;

import java.time.Duration;

/**
 * Keeps the client within {@code artwork.objkt.requests-per-second}: each request starts at least
 * {@code 1/rate} after the one before, so no window of one second, wherever it falls, holds more than
 * {@code rate} starts. Every attempt passes here, retries included. Spacing rather than a bucket of
 * tokens: objkt.com is asked one request at a time anyway, and a burst at the start would be the first
 * thing a rate limiter refuses.
 */
final class RequestPacer {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final long intervalNanos;

	private final Ticker ticker;

	private boolean started;

	private long nextStart;

	RequestPacer(int requestsPerSecond, Ticker ticker) {
		if (requestsPerSecond < 1) {
			throw new IllegalArgumentException("requests per second must be 1 or more, not " + requestsPerSecond);
		}
		// Rounded up: never a nanosecond early.
		this.intervalNanos = (NANOS_PER_SECOND + requestsPerSecond - 1) / requestsPerSecond;
		this.ticker = ticker;
	}

	/** Returns when the next request may start, sleeping until then if need be. */
	synchronized void acquire() throws InterruptedException {
		long now = this.ticker.nanoTime();
		while (this.started && now - this.nextStart < 0) {
			this.ticker.sleep(Duration.ofNanos(this.nextStart - now));
			now = this.ticker.nanoTime();
		}
		this.started = true;
		this.nextStart = now + this.intervalNanos;
	}

	Duration interval() {
		return Duration.ofNanos(this.intervalNanos);
	}

}
