package org.namethatartist.storage.postgres;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code storage} in the health endpoint on PostgreSQL: UP with the database, the schema version and the
 * row counts while the database answers; DOWN, with the driver's first line, when it does not (after the
 * pool's connection timeout). The log says once when it goes DOWN and once when it is back, rather than
 * a stack trace at every probe. It replaces Boot's own {@code db} indicator, which the application
 * excludes so the database is not checked twice.
 */
class PostgresHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(PostgresHealthIndicator.class);

	private final PostgresStorage storage;

	private volatile boolean down;

	PostgresHealthIndicator(PostgresStorage storage) {
		this.storage = storage;
	}

	@Override
	public Health health() {
		PostgresStorage.Status status;
		try {
			status = this.storage.status();
		}
		catch (RuntimeException ex) {
			String problem = PostgresStorage.firstLine(ex);
			if (!this.down) {
				this.down = true;
				logger.warn("PostgreSQL storage is DOWN: {}", problem);
			}
			return Health.down().withDetail("backend", "postgres").withDetail("error", problem).build();
		}
		if (this.down) {
			this.down = false;
			logger.info("PostgreSQL storage is back UP");
		}
		Health.Builder builder = Health.up()
			.withDetail("backend", status.backend())
			.withDetail("database", status.database())
			.withDetail("serverVersion", status.serverVersion())
			.withDetail("schemaVersion", String.valueOf(status.schemaVersion()));
		for (Map.Entry<String, Long> table : status.rows().entrySet()) {
			builder.withDetail(table.getKey(), table.getValue());
		}
		if (status.pool() != null) {
			builder.withDetail("pool", status.pool());
		}
		return builder.build();
	}

}
