package org.namethatartist.artwork.objkt;

import java.time.Duration;

/**
 * Keeps the client within {@code artwork.objkt.requests-per-second} as objkt.com sees it: each request
 * starts at least {@code 1/rate} after the one before it ended, so that however long a request took to
 * reach the server (a first connection, a TLS handshake), the next reaches it at least {@code 1/rate}
 * later, and no window of one second holds more than {@code rate} of them. Every attempt passes here,
 * retries included. Spacing rather than a bucket of tokens: a burst would be the first thing its rate
 * limiter refuses. One request at a time for the whole bot: the operator's wallets and servers' pools share
 * one pacer, and a request waits for the one in flight to end before its interval starts, whichever thread
 * sent it (found by {@code ObjktPoolsTests}: with two threads and spacing by start alone, a first request
 * slow to arrive let eleven reach the server within one second at ten a second).
 */
final class RequestPacer {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final long intervalNanos;

	private final Ticker ticker;

	private boolean started;

	private long nextStart;

	/** A request let through is not {@link #finished()} yet. */
	private boolean inFlight;

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
		while (this.inFlight) {
			wait();
		}
		long now = this.ticker.nanoTime();
		while (this.started && now - this.nextStart < 0) {
			this.ticker.sleep(Duration.ofNanos(this.nextStart - now));
			now = this.ticker.nanoTime();
		}
		this.started = true;
		this.nextStart = now + this.intervalNanos;
		this.inFlight = true;
	}

	/**
	 * Says that the request let through by {@link #acquire()} is over, answered or failed: the next one
	 * waits a whole interval from now.
	 */
	synchronized void finished() {
		this.started = true;
		this.nextStart = this.ticker.nanoTime() + this.intervalNanos;
		this.inFlight = false;
		notifyAll();
	}

	Duration interval() {
		return Duration.ofNanos(this.intervalNanos);
	}

}
