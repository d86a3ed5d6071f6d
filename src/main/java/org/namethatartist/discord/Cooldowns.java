package org.namethatartist.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How long each user, and each channel, still waits before using a command again
 * ({@code discord.cooldowns}). Held in memory: a restart forgets them, which costs nothing. Expired
 * entries are swept as uses come, so the map holds only recent users.
 */
final class Cooldowns {

	/** Uses between two sweeps of expired entries. */
	private static final int SWEEP_EVERY = 1024;

	private final DiscordProperties properties;

	private final Clock clock;

	private final Map<String, Instant> until = new HashMap<>();

	private int usesSinceSweep;

	Cooldowns(DiscordProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts one use of {@code command} by a user in a channel, unless one of them is still cooling down.
	 * @return the wait left (the use is not counted), or zero (the use is counted)
	 */
	synchronized Duration tryUse(String command, String userId, String channelId) {
		DiscordProperties.Cooldown cooldown = this.properties.cooldown(command);
		Instant now = this.clock.instant();
		sweep(now);
		String userKey = command + "/user/" + userId;
		String channelKey = command + "/channel/" + channelId;
		Duration wait = max(left(userKey, now), left(channelKey, now));
		if (!wait.isZero()) {
			return wait;
		}
		if (!cooldown.user().isZero() && !cooldown.user().isNegative()) {
			this.until.put(userKey, now.plus(cooldown.user()));
		}
		if (!cooldown.channel().isZero() && !cooldown.channel().isNegative()) {
			this.until.put(channelKey, now.plus(cooldown.channel()));
		}
		return Duration.ZERO;
	}

	synchronized int size() {
		return this.until.size();
	}

	private Duration left(String key, Instant now) {
		Instant end = this.until.get(key);
		return (end != null && end.isAfter(now)) ? Duration.between(now, end) : Duration.ZERO;
	}

	private void sweep(Instant now) {
		if (++this.usesSinceSweep >= SWEEP_EVERY) {
			this.usesSinceSweep = 0;
			this.until.values().removeIf((end) -> !end.isAfter(now));
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
