package org.namethatartist.artwork.objkt;

import java.time.Duration;

/**
 * Keeps the client within {@code artwork.objkt.requests-per-second} as objkt.com sees it: each request
 * starts at least {@code 1/rate} after the one before it ended, so that however long a request took to
 * reach the server (a first connection, a TLS handshake), the next reaches it at least {@code 1/rate}
 * later, and no window of one second holds more than {@code rate} of them. Every attempt passes here,
 * retries included. Spacing rather than a bucket of tokens: objkt.com is asked one request at a time
 * anyway, and a burst would be the first thing its rate limiter refuses.
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

	/**
	 * Says that the request let through by {@link #acquire()} is over, answered or failed: the next one
	 * waits a whole interval from now.
	 */
	synchronized void finished() {
		this.started = true;
		this.nextStart = this.ticker.nanoTime() + this.intervalNanos;
	}

	Duration interval() {
		return Duration.ofNanos(this.intervalNanos);
	}

}
