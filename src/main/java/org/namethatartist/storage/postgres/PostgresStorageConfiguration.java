package org.namethatartist.storage.postgres;

import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.namethatartist.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.namethatartist.StorageException;
import org.namethatartist.storage.StorageOperations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The postgres backend ({@code storage.backend: postgres}): a HikariCP pool on {@code spring.datasource.url},
 * {@code username} and {@code password}, migrated by Flyway at start-up, and the three repositories on
 * it. The application excludes Boot's own data source and Flyway auto-configuration, so the append-log
 * backend needs no database. With {@code storage.postgres.import-from}, an empty database is filled from
 * that append-log data directory at start-up. A missing URL or a database that cannot be reached or migrated stops
 * start-up with one line.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PostgresBackendCondition.class)
class PostgresStorageConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PostgresStorageConfiguration.class);

	static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(Environment environment) {
		Binder binder = Binder.get(environment);
		String url = binder.bind("spring.datasource.url", String.class).orElse("");
		if (url.isBlank()) {
			throw new InvalidConfigurationException("spring.datasource.url", url,
					"required when storage.backend is postgres, such as jdbc:postgresql://localhost:5432/namethatartist");
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("storage");
		pool.setJdbcUrl(url);
		binder.bind("spring.datasource.username", String.class).ifBound(pool::setUsername);
		binder.bind("spring.datasource.password", String.class).ifBound(pool::setPassword);
		binder.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).ifBound(pool::setMaximumPoolSize);
		// Hikari waits 30 s by default; a game's write, or a health probe, should learn sooner that the database is away.
		pool.setConnectionTimeout(binder.bind("spring.datasource.hikari.connection-timeout", Duration.class)
			.orElse(DEFAULT_CONNECTION_TIMEOUT)
			.toMillis());
		return pool;
	}

	/** What {@code /actuator/storage} reads and does on this backend. */
	@Bean
	StorageOperations postgresOperations(PostgresStorage storage) {
		return new PostgresOperations(storage);
	}

	@Bean
	PostgresStorage postgresStorage(HikariDataSource dataSource, Environment environment) {
		PostgresStorage storage = open(dataSource);
		Binder.get(environment).bind("storage.postgres.import-from", Path.class).ifBound((dataDir) -> {
			PostgresImport.Report report = PostgresImport.importIfEmpty(storage, dataDir);
			if (report.imported()) {
				logger.info("Imported {} into PostgreSQL: {} players, {} per-server entries, {} game states, {}, the settings of {} servers, {} week and month board entries",
						dataDir, report.players(), report.guildPlayers(), report.gameStates(),
						report.tokens() ? "the token cache" : "no token cache", report.guildSettings(),
						report.periodEntries());
			}
			else {
				logger.info("Not importing {}: the database has players already", dataDir);
			}
		});
		return storage;
	}

	private static PostgresStorage open(HikariDataSource dataSource) {
		try {
			return PostgresStorage.open(dataSource);
		}
		catch (RuntimeException ex) {
			throw new StorageException("PostgreSQL at " + PostgresStorage.displayUrl(dataSource.getJdbcUrl())
					+ " could not be opened: " + PostgresStorage.firstLine(ex), ex);
		}
	}

	/** Shown as {@code storage} in the health endpoint, as the append log's is. */
	@Bean
	HealthIndicator storageHealthContributor(PostgresStorage storage) {
		return new PostgresHealthIndicator(storage);
	}

}
