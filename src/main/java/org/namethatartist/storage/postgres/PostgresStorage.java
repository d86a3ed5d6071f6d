package org.namethatartist.storage.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.flywaydb.core.Flyway;
import org.namethatartist.daily.DailyRepository;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.storage.StorageBackend;
import org.namethatartist.storage.GameSnapshotJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three repositories on one data source, migrated by Flyway: what the Spring configuration and the
 * tests both build.
 */
public final class PostgresStorage implements StorageBackend {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final PlayerRows rows = new PlayerRows(this.mapper);

	private final PostgresPlayerRepository players;

	private final PostgresGameStateRepository gameStates;

	private final PostgresTokenCache tokens;

	private final PostgresPeriodBoards periods;
	private final PostgresGuildSettingsRepository guildSettings;

	private final PostgresDailyRepository daily;

	private PostgresStorage(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.players = new PostgresPlayerRepository(this.jdbc, this.transactions, this.rows);
		this.gameStates = new PostgresGameStateRepository(this.jdbc, new GameSnapshotJson(this.mapper), this.mapper);
		this.tokens = new PostgresTokenCache(this.jdbc, this.mapper);
		this.periods = new PostgresPeriodBoards(this.jdbc, this.transactions);
		this.guildSettings = new PostgresGuildSettingsRepository(this.jdbc, this.transactions);
		this.daily = new PostgresDailyRepository(this.jdbc, this.mapper);
	}

	/** Migrates the database to this version's schema, then opens the repositories on it. */
	public static PostgresStorage open(DataSource dataSource) {
		migrate(dataSource);
		return new PostgresStorage(dataSource);
	}

	static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	/**
	 * The schema version Flyway applied last, or null before any migration; read from Flyway's history
	 * table, so a health check neither logs nor scans the migrations.
	 */
	public String schemaVersion() {
		return this.jdbc
			.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
					+ "ORDER BY installed_rank DESC LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** The deepest cause's message, first line only: what the driver said, without Spring's wrapping. */
	public static String firstLine(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	/** A JDBC URL as logs and endpoints show it: a password written into it is hidden. */
	static String displayUrl(String url) {
		return (url != null) ? url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1(hidden)") : null;
	}

	/** The tables {@link #status()} counts, in the order it shows them. */
	static final String[] TABLES = { "players", "guild_players", "results", "game_state", "tokens" };

	/**
	 * What the database holds now: the server, the schema version, exact row counts and the pool. Throws
	 * when the database does not answer (within the pool's connection timeout).
	 */
	public Status status() {
		String database = this.jdbc.sql("SELECT current_database()").query(String.class).single();
		String server = this.jdbc.sql("SHOW server_version").query(String.class).single();
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : TABLES) {
			rows.put(table, this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		Pool pool = null;
		String url = null;
		if (this.dataSource instanceof HikariDataSource hikari) {
			url = displayUrl(hikari.getJdbcUrl());
			HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
			if (bean != null) {
				pool = new Pool(hikari.getMaximumPoolSize(), bean.getActiveConnections(), bean.getIdleConnections(),
						bean.getThreadsAwaitingConnection());
			}
		}
		return new Status("postgres", url, database, server, schemaVersion(), rows, pool);
	}

	/**
	 * The {@code storage} endpoint's and health's view of the database.
	 *
	 * @param url the JDBC URL, any password in it hidden
	 * @param schemaVersion the Flyway version applied last
	 * @param rows exact row counts per table
	 * @param pool the connection pool, when it is HikariCP
	 */
	public record Status(String backend, String url, String database, String serverVersion, String schemaVersion,
			Map<String, Long> rows, Pool pool) {
	}

	/** The connection pool: its size, connections in use and idle, and threads waiting for one. */
	public record Pool(int maximum, int active, int idle, int waiting) {
	}

	@Override
	public PostgresPlayerRepository players() {
		return this.players;
	}

	@Override
	public GuildSettingsRepository guildSettings() {
		return this.guildSettings;
	}

	@Override
	public DailyRepository daily() {
		return this.daily;
	}

	@Override
	public PostgresGameStateRepository gameStates() {
		return this.gameStates;
	}

	@Override
	public PostgresTokenCache tokens() {
		return this.tokens;
	}

	@Override
	public PostgresPeriodBoards periods() {
		return this.periods;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

	TransactionTemplate transactions() {
		return this.transactions;
	}

	PlayerRows rows() {
		return this.rows;
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	GameSnapshotJson snapshotJson() {
		return new GameSnapshotJson(this.mapper);
	}

}
