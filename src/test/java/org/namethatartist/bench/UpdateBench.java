package org.namethatartist.bench;

import org.namethatartist.storage.appendlog.AppendLogStores;

/**
 * Durable updates through {@code AppendLogStores.players().recordResult}, {@code fsync: always}: one
 * writer at 1k, 100k and 1M players ({@code update_1w_p50_us_1k}, {@code update_1w_p50_us},
 * {@code update_1w_p99_us}, {@code update_1w_p50_us_1m}), and 64 writers at 100k players
 * ({@code update_64w_per_s}). The three stores are open together and measured in turn, round after
 * round, each round after a run of the fsync floor: on a shared disk whose speed drifts from minute to
 * minute, only figures taken side by side can be compared.
 */
final class UpdateBench {

	static final int ONE_WRITER_UPDATES = 5000;

	static final int ONE_WRITER_WARM_UP = 500;

	static final int WRITERS = 64;

	static final int PER_WRITER = 1000;

	private final BenchData data;

	private final MillionStore million;

	private final FsyncFloorBench floor;

	UpdateBench(BenchData data, MillionStore million, FsyncFloorBench floor) {
		this.data = data;
		this.million = million;
		this.floor = floor;
	}

	void run(Results results) throws Exception {
		AppendLogStores largest = this.million.get();
		double[] p50k = new double[Results.RUNS];
		double[] p50 = new double[Results.RUNS];
		double[] p99 = new double[Results.RUNS];
		double[] p50m = new double[Results.RUNS];
		try (AppendLogStores small = StoreUnderTest.open(this.data.players1k());
				AppendLogStores medium = StoreUnderTest.open(this.data.players100k())) {
			for (int round = 0; round < Results.RUNS; round++) {
				this.floor.sample();
				p50k[round] = oneWriter(small, 1_000).percentileMicros(50);
				Samples samples = oneWriter(medium, 100_000);
				p50[round] = samples.percentileMicros(50);
				p99[round] = samples.percentileMicros(99);
				p50m[round] = oneWriter(largest, MillionStore.PLAYERS).percentileMicros(50);
				System.out.printf("  round %d: 1 writer p50 %s µs at 1k, %s µs at 100k (p99 %s), %s µs at 1M%n", round + 1,
						Report.format(p50k[round]), Report.format(p50[round]), Report.format(p99[round]),
						Report.format(p50m[round]));
			}
			put(results, "update_1w_p50_us_1k", p50k);
			put(results, "update_1w_p50_us", p50);
			put(results, "update_1w_p99_us", p99);
			put(results, "update_1w_p50_us_1m", p50m);
			results.measure("update_64w_per_s",
					() -> Writers.manyWriters(medium.players()::recordResult, 100_000, WRITERS, PER_WRITER));
		}
		results.note("`update_1w_*`: `recordResult` on `AppendLogStores.players()`, `fsync: always`, one thread, "
				+ ONE_WRITER_UPDATES + " timed updates after " + ONE_WRITER_WARM_UP + " untimed ones per run, a new "
				+ "game id each (none skipped as already counted), players spread over the population, no guild "
				+ "id (one durable record per update; a Discord result with a guild id is two). Players start "
				+ "with 5 games each. The 1k, 100k and 1M stores are open together and measured in turn, three "
				+ "rounds, each after a run of the fsync floor; p50 and p99 of each run. JSON files rewritten as "
				+ "in production (at most once a second, at least ten times their last rewrite's duration apart), "
				+ "so some updates share the disk with a rewrite of `players.json`.");
		results.note("`update_64w_per_s`: " + WRITERS + " threads × " + PER_WRITER + " updates, same work, started "
				+ "together on the 100k-player store; total updates over wall time.");
	}

	private static Samples oneWriter(AppendLogStores stores, int players) {
		return Writers.oneWriter(stores.players()::recordResult, players, ONE_WRITER_WARM_UP, ONE_WRITER_UPDATES);
	}

	static void put(Results results, String key, double[] runs) {
		results.put(key, runs);
		System.out.printf("  %-40s %12s   runs %s%n", key, Report.format(results.get(key)), Report.formatRuns(runs));
	}

}
