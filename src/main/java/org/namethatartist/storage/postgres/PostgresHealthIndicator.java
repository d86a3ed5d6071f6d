package org.namethatartist.storage.postgres;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code storage} in the health endpoint on PostgreSQL: UP with the schema version and the row counts
 * while the database answers, DOWN (with the driver's message) when it does not.
 */
class PostgresHealthIndicator extends AbstractHealthIndicator {

	private final PostgresStorage storage;

	PostgresHealthIndicator(PostgresStorage storage) {
		super("Health check of the PostgreSQL storage failed");
		this.storage = storage;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		JdbcClient jdbc = this.storage.jdbc();
		builder.up()
			.withDetail("backend", "postgres")
			.withDetail("database", jdbc.sql("SELECT current_database()").query(String.class).single())
			.withDetail("schemaVersion", String.valueOf(this.storage.schemaVersion()));
		for (String table : new String[] { "players", "guild_players", "results", "game_state", "tokens" }) {
			builder.withDetail(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
	}

}
