package org.namethatartist.storage.postgres;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.namethatartist.storage.appendlog.GameSnapshotJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three repositories on one data source, migrated by Flyway: what the Spring configuration and the
 * tests both build.
 */
public final class PostgresStorage {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final PlayerRows rows = new PlayerRows(this.mapper);

	private final PostgresPlayerRepository players;

	private final PostgresGameStateRepository gameStates;

	private final PostgresTokenCache tokens;

	private PostgresStorage(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.players = new PostgresPlayerRepository(this.jdbc, this.transactions, this.rows);
		this.gameStates = new PostgresGameStateRepository(this.jdbc, new GameSnapshotJson(this.mapper), this.mapper);
		this.tokens = new PostgresTokenCache(this.jdbc, this.mapper);
	}

	/** Migrates the database to this version's schema, then opens the repositories on it. */
	public static PostgresStorage open(DataSource dataSource) {
		migrate(dataSource);
		return new PostgresStorage(dataSource);
	}

	static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	/** The schema version Flyway applied last, or null before any migration. */
	public String schemaVersion() {
		MigrationInfo current = Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration")
			.load()
			.info()
			.current();
		return (current != null) ? current.getVersion().getVersion() : null;
	}

	public PostgresPlayerRepository players() {
		return this.players;
	}

	public PostgresGameStateRepository gameStates() {
		return this.gameStates;
	}

	public PostgresTokenCache tokens() {
		return this.tokens;
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
