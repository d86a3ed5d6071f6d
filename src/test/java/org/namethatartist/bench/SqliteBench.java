package org.namethatartist.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sqlite_update_1w_p50_us} and {@code sqlite_update_64w_per_s}: {@link SqlitePlayers} loaded
 * with the same 100k players (5 games each) and driven by the same writers as our store.
 */
final class SqliteBench {

	/** Connections in the pool; see {@link SqlitePlayers} for why it is small. */
	static final int CONNECTIONS = Integer.getInteger("bench.sqlite.connections", 1);

	/** Fewer updates than for our store (SQLite commits one at a time), so the benchmark stays short. */
	static final int PER_WRITER = 50;

	static final int ONE_WRITER_UPDATES = 2000;

	static final int ONE_WRITER_WARM_UP = 200;

	private final Path work;

	SqliteBench(Path work) {
		this.work = work;
	}

	void run(Results results) throws Exception {
		Path dir = Files.createDirectories(this.work.resolve("sqlite"));
		try (SqlitePlayers sqlite = new SqlitePlayers(dir.resolve("players.db"), CONNECTIONS)) {
			sqlite.load(100_000, BenchData.GAMES);
			results.measure("sqlite_update_1w_p50_us", () -> Writers
				.oneWriter(sqlite::recordResult, 100_000, ONE_WRITER_WARM_UP, ONE_WRITER_UPDATES)
				.percentileMicros(50));
			results.measure("sqlite_update_64w_per_s",
					() -> Writers.manyWriters(sqlite::recordResult, 100_000, UpdateBench.WRITERS, PER_WRITER));
		}
		results.note("SQLite (`org.xerial:sqlite-jdbc`): one `player_stats` table (user id primary key, the 11 "
				+ "counters, the history as JSON text), `journal_mode=WAL`, `synchronous=FULL`, 100k players with "
				+ "5 games loaded; each update is one `INSERT … ON CONFLICT DO UPDATE` of the whole row, committed "
				+ "in its own transaction before it returns. The current stats are read from memory and a per-player "
				+ "lock serialises one player's updates, as in our store. " + CONNECTIONS + " connection(s) in the "
				+ "pool, prepared statements; same writers and workload as ours, fewer updates per run (one writer: "
				+ ONE_WRITER_UPDATES + " timed after " + ONE_WRITER_WARM_UP + "; 64 writers × " + PER_WRITER + ").");
	}

}
