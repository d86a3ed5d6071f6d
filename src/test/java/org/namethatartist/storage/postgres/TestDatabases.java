package org.namethatartist.storage.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded PostgreSQL server (a real PostgreSQL binary, no Docker) for the whole test JVM, stopped
 * at its exit; every test gets a database of its own, created empty.
 */
final class TestDatabases {

	private static EmbeddedPostgres server;

	private static final AtomicInteger counter = new AtomicInteger();

	private TestDatabases() {
	}

	static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				// Durability is PostgreSQL's own business; the tests check the SQL, so they spare the disk.
				server = EmbeddedPostgres.builder()
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			EmbeddedPostgres started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// the JVM is exiting
				}
			}));
		}
		return server;
	}

	/** The JDBC URL of a new, empty database. */
	static String newDatabaseUrl() {
		String name = "test_" + counter.incrementAndGet();
		JdbcClient.create(server().getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
		return server().getJdbcUrl("postgres", name);
	}

	/** A pool on a new database. */
	static HikariDataSource newDatabase(int poolSize) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(newDatabaseUrl());
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(poolSize);
		return pool;
	}

	static HikariDataSource pool(String url, int poolSize) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(poolSize);
		return pool;
	}

	/**
	 * The database of {@code url} "goes away": it refuses new connections and the open ones are closed, as
	 * when its server stops, while the other tests' databases carry on.
	 */
	static void refuseConnections(String url) {
		String name = databaseName(url);
		JdbcClient admin = JdbcClient.create(server().getPostgresDatabase());
		admin.sql("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false").update();
		admin.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	/** The database of {@code url} is back. */
	static void allowConnections(String url) {
		JdbcClient.create(server().getPostgresDatabase())
			.sql("ALTER DATABASE " + databaseName(url) + " ALLOW_CONNECTIONS true")
			.update();
	}

	static String databaseName(String url) {
		String path = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1);
		int query = path.indexOf('?');
		return (query < 0) ? path : path.substring(0, query);
	}

	static void close(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource pool) {
			pool.close();
		}
	}

}
