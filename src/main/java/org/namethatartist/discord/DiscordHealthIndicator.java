package org.namethatartist.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.namethatartist.game.HeldGame;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health contributor {@code discord}, present only when Discord is on: UP when every shard of this
 * process is connected; otherwise DOWN, saying why (the token refused, Discord unreachable and when the
 * next attempt is, or which shards are not connected). Details:
 * <ul>
 * <li>each shard's status, gateway ping and servers, and {@code guilds}: the servers of all of them;</li>
 * <li>{@code heldGames}: games whose next round waits for their shard, and why (see {@code RoundGate});</li>
 * <li>{@code rest}: requests sent in the last minute and in total, and {@code rateLimited} with the last
 * 429 when Discord rate limited the bot in the last minute (JDA then waits, and messages come late).</li>
 * </ul>
 */
class DiscordHealthIndicator extends AbstractHealthIndicator {

	/** Held games listed one by one in health; beyond, only counted. */
	static final int HELD_LISTED = 20;

	private final DiscordConnection connection;

	private final Supplier<RestTraffic.Snapshot> traffic;

	private final Supplier<List<HeldGame>> held;

	DiscordHealthIndicator(DiscordConnection connection) {
		this(connection, () -> null, List::of);
	}

	DiscordHealthIndicator(DiscordConnection connection, Supplier<RestTraffic.Snapshot> traffic,
			Supplier<List<HeldGame>> held) {
		super("Health check of Discord failed");
		this.connection = connection;
		this.traffic = traffic;
		this.held = held;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		DiscordConnection.Status status = this.connection.status();
		if (status.allConnected()) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("state", status.state().name());
		if (status.problem() != null) {
			builder.withDetail("error", status.problem());
		}
		if (status.nextAttempt() != null) {
			builder.withDetail("nextAttempt", status.nextAttempt().toString());
		}
		if (status.state() == DiscordConnection.State.LOGGED_IN) {
			Map<String, Object> shards = new LinkedHashMap<>();
			for (DiscordConnection.Shard shard : status.shards()) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("status", shard.status().name());
				details.put("gatewayPing", shard.gatewayPing());
				details.put("guilds", shard.guilds());
				shards.put(String.valueOf(shard.id()), details);
			}
			builder.withDetail("shards", shards);
			builder.withDetail("guilds", status.guilds());
			if (status.shardsQueued() > 0) {
				builder.withDetail("shardsQueued", status.shardsQueued());
			}
		}
		heldGames(builder);
		rest(builder);
	}

	private void heldGames(Health.Builder builder) {
		List<HeldGame> games = this.held.get();
		if (games.isEmpty()) {
			return;
		}
		builder.withDetail("heldGames", games.size());
		builder.withDetail("held", games.stream().limit(HELD_LISTED).map((game) -> {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("game", game.gameId());
			one.put("channel", game.channelId());
			one.put("round", game.round());
			one.put("reason", game.reason());
			one.put("since", game.since().toString());
			return one;
		}).toList());
	}

	private void rest(Health.Builder builder) {
		RestTraffic.Snapshot rest = this.traffic.get();
		if (rest == null) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("requestsLastMinute", rest.lastMinute());
		details.put("requestsTotal", rest.total());
		details.put("rateLimited", rest.rateLimited());
		details.put("rateLimitedTotal", rest.limitedTotal());
		if (rest.rateLimited()) {
			RestTraffic.Limit limit = rest.recentLimit();
			details.put("lastRateLimit", Map.of("at", limit.at().toString(), "global", limit.global(), "route",
					limit.route(), "retryAfterSeconds", limit.retryAfterSeconds()));
			builder.withDetail("warning", limit.global()
					? "Discord rate limited the whole bot in the last minute: game messages come late"
					: "Discord rate limited a route in the last minute: some messages come late");
		}
		builder.withDetail("rest", details);
	}

}
