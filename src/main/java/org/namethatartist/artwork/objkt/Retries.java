package org.namethatartist.artwork.objkt;

import java.time.Duration;

/**
 * How often and how long the client tries again after a 429, a 5xx or an I/O error (a refused connection,
 * a timeout): at most {@code attempts} tries in all, waiting {@code firstBackoff}, then twice as long each
 * time up to {@code maxBackoff}; a {@code Retry-After} of the server replaces that wait, up to
 * {@code maxRetryAfter}.
 */
record Retries(int attempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/** Four tries over about 14 s of waiting: a brief outage passes, a long one fails the refresh. */
	static final Retries DEFAULT = new Retries(4, Duration.ofSeconds(2), Duration.ofSeconds(30),
			Duration.ofSeconds(60));

	Retries {
		if (attempts < 1) {
			throw new IllegalArgumentException("at least one attempt, not " + attempts);
		}
	}

	/** The wait after the {@code failed}-th failed attempt (1 for the first). */
	Duration backoff(int failed) {
		Duration wait = this.firstBackoff;
		for (int i = 1; i < failed && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

	/** The server's {@code Retry-After}, capped; backoff when the server gave none (or an HTTP date). */
	Duration afterFailure(int failed, String retryAfter) {
		if (retryAfter != null && retryAfter.strip().matches("\\d{1,9}")) {
			Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
			return (asked.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : asked;
		}
		return backoff(failed);
	}

}
