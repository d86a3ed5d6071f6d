package org.namethatartist.bench;

import java.nio.file.Path;

import org.namethatartist.storage.appendlog.AppendLogStores;

/**
 * Durable updates through {@code AppendLogStores.players().recordResult}, {@code fsync: always}:
 * one writer at 1k and 100k players ({@code update_1w_p50_us_1k}, {@code update_1w_p50_us},
 * {@code update_1w_p99_us}), and 64 writers at 100k players ({@code update_64w_per_s}). The 1M-player
 * figure is taken by {@link MillionPlayersBench} on its store.
 */
final class UpdateBench {

	static final int ONE_WRITER_UPDATES = 5000;

	static final int ONE_WRITER_WARM_UP = 500;

	static final int WRITERS = 64;

	static final int PER_WRITER = 1000;

	private final BenchData data;

	UpdateBench(BenchData data) {
		this.data = data;
	}

	void run(Results results) throws Exception {
		oneWriter(results, this.data.players1k(), 1_000, "update_1w_p50_us_1k");
		try (AppendLogStores stores = StoreUnderTest.open(this.data.players100k())) {
			results.measure("update_1w_p50_us", () -> Writers
				.oneWriter(stores.players()::recordResult, 100_000, ONE_WRITER_WARM_UP, ONE_WRITER_UPDATES)
				.percentileMicros(50));
			results.measure("update_1w_p99_us", () -> Writers
				.oneWriter(stores.players()::recordResult, 100_000, ONE_WRITER_WARM_UP, ONE_WRITER_UPDATES)
				.percentileMicros(99));
			results.measure("update_64w_per_s",
					() -> Writers.manyWriters(stores.players()::recordResult, 100_000, WRITERS, PER_WRITER));
		}
		results.note("`update_1w_*`: `recordResult` on `AppendLogStores.players()`, `fsync: always`, one thread, "
				+ ONE_WRITER_UPDATES + " timed updates after " + ONE_WRITER_WARM_UP + " untimed ones per run, a new "
				+ "game id each (none skipped as already counted), players spread over the population, no guild "
				+ "id (one durable record per update; a Discord result with a guild id is two). Players start "
				+ "with 5 games each. JSON files rewritten as in production (at most once a second, at least "
				+ "ten times their last rewrite's duration apart), so some updates share the disk with a "
				+ "rewrite of `players.json`. p50 and p99 come from separate runs.");
		results.note("`update_64w_per_s`: " + WRITERS + " threads × " + PER_WRITER + " updates, same work, started "
				+ "together on the 100k-player store; total updates over wall time.");
	}

	private void oneWriter(Results results, Path dir, int players, String key) throws Exception {
		try (AppendLogStores stores = StoreUnderTest.open(dir)) {
			results.measure(key, () -> Writers
				.oneWriter(stores.players()::recordResult, players, ONE_WRITER_WARM_UP, ONE_WRITER_UPDATES)
				.percentileMicros(50));
		}
	}

}
