package org.namethatartist.discord;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every REST request the bot sends Discord (an interceptor on JDA's HTTP client), to say in health
 * whether Discord is rate limiting the bot, and how many requests the last minute cost.
 * <p>
 * JDA respects Discord's limits by itself: it waits when a bucket is spent and retries after a 429. So a
 * rate-limited bot does not fail; it slows down, and game messages come late. That is what an admin wants
 * to see: a 429 in the last minute (and whether it was the bot-wide global limit, shared by every process
 * of the bot), and the requests per second against Discord's 50.
 */
final class RestTraffic implements Interceptor {

	private static final Logger logger = LoggerFactory.getLogger(RestTraffic.class);

	/** How far back health looks. */
	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final int SECONDS = (int) WINDOW.toSeconds();

	private final Clock clock;

	/** Requests per second of the last minute, as (epoch second, count) slots indexed by second modulo 60. */
	private final AtomicReferenceArray<long[]> perSecond = new AtomicReferenceArray<>(SECONDS);

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong limited = new AtomicLong();

	private final AtomicReference<Limit> last = new AtomicReference<>();

	/** A 429 Discord sent. */
	record Limit(Instant at, boolean global, String scope, String route, double retryAfterSeconds) {
	}

	/** What health shows: requests sent, in total and in the last minute, and the last 429 if recent. */
	record Snapshot(long total, long lastMinute, long limitedTotal, Limit recentLimit) {

		boolean rateLimited() {
			return this.recentLimit != null;
		}

	}

	RestTraffic(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		count(this.clock.instant());
		Response response = chain.proceed(chain.request());
		if (response.code() == 429) {
			boolean global = "true".equalsIgnoreCase(response.header("X-RateLimit-Global"));
			String scope = response.header("X-RateLimit-Scope");
			double retryAfter = parse(response.header("Retry-After"));
			String route = chain.request().method() + " " + route(chain.request().url().encodedPath());
			Limit limit = new Limit(this.clock.instant(), global, scope, route, retryAfter);
			this.limited.incrementAndGet();
			if (this.last.getAndSet(limit) == null || global) {
				logger.warn("Discord: rate limited ({}{}) on {}; retry after {} s. JDA waits and retries; game messages "
						+ "may come late", global ? "global" : "bucket", (scope != null) ? ", scope " + scope : "", route,
						retryAfter);
			}
		}
		return response;
	}

	private void count(Instant now) {
		long second = now.getEpochSecond();
		int slot = (int) Math.floorMod(second, (long) SECONDS);
		this.total.incrementAndGet();
		while (true) {
			long[] current = this.perSecond.get(slot);
			long[] next = (current != null && current[0] == second) ? new long[] { second, current[1] + 1 }
					: new long[] { second, 1 };
			if (this.perSecond.compareAndSet(slot, current, next)) {
				return;
			}
		}
	}

	Snapshot snapshot() {
		Instant now = this.clock.instant();
		long second = now.getEpochSecond();
		long lastMinute = 0;
		for (int i = 0; i < SECONDS; i++) {
			long[] slot = this.perSecond.get(i);
			if (slot != null && second - slot[0] < SECONDS && slot[0] <= second) {
				lastMinute += slot[1];
			}
		}
		Limit limit = this.last.get();
		Limit recent = (limit != null && Duration.between(limit.at(), now).compareTo(WINDOW) < 0) ? limit : null;
		return new Snapshot(this.total.get(), lastMinute, this.limited.get(), recent);
	}

	/** The path with its ids and tokens cut out: {@code /api/v10/channels/{id}/messages}. */
	static String route(String path) {
		StringBuilder out = new StringBuilder();
		for (String part : path.split("/")) {
			if (part.isEmpty()) {
				continue;
			}
			boolean secret = part.length() > 30 || part.chars().allMatch(Character::isDigit);
			out.append('/').append(secret ? "{id}" : part);
		}
		return out.toString();
	}

	private static double parse(String seconds) {
		try {
			return (seconds != null) ? Double.parseDouble(seconds) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
