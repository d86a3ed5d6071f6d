package org.namethatartist.discord;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health contributor {@code discord}, present only when Discord is on: UP when every shard of this
 * process is connected; otherwise DOWN, saying why (the token refused, Discord unreachable and when the
 * next attempt is, or which shards are not connected). Details: each shard's status and gateway ping.
 */
class DiscordHealthIndicator extends AbstractHealthIndicator {

	private final DiscordConnection connection;

	DiscordHealthIndicator(DiscordConnection connection) {
		super("Health check of Discord failed");
		this.connection = connection;
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
				shards.put(String.valueOf(shard.id()), details);
			}
			builder.withDetail("shards", shards);
			if (status.shardsQueued() > 0) {
				builder.withDetail("shardsQueued", status.shardsQueued());
			}
		}
	}

}
