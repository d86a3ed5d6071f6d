package org.namethatartist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.CompactionReport;

/**
 * The figures taken on the store of 1M players (5 games each): leaderboard reads
 * ({@code leaderboard_top10_1m_p50_us}) and
 * compaction under load ({@code compaction_1m_players_ms}, {@code writer_p99_us_baseline},
 * {@code writer_p99_us_during_compaction}, {@code writer_max_stall_ms_during_compaction}).
 */
final class MillionPlayersBench {

	private static final int PLAYERS = MillionStore.PLAYERS;

	private static final int LEADERBOARD_READS = 20_000;

	/**
	 * Writers kept busy while compaction runs: a few games ending at once (4), or
	 * {@code -Dbench.compaction.writers=64} for the 64 writers of the update figures.
	 */
	static final int COMPACTION_WRITERS = Integer.getInteger("bench.compaction.writers", 4);

	/** How long the writers run without compaction, for the baseline. */
	private static final long BASELINE_NANOS = 5_000_000_000L;

	private final MillionStore million;

	MillionPlayersBench(MillionStore million) {
		if (COMPACTION_WRITERS < 1) {
			throw new IllegalArgumentException("bench.compaction.writers must be at least 1, not " + COMPACTION_WRITERS);
		}
		this.million = million;
	}

	void run(Results results) throws Exception {
		AppendLogStores stores = this.million.get();
		PlayerRepository players = stores.players();
		results.measure("leaderboard_top10_1m_p50_us", () -> worstLeaderboardP50(players));
		compaction(results, stores);
		results.note("`leaderboard_top10_1m_p50_us`: `leaderboard(sort, 10, null)` " + LEADERBOARD_READS
				+ " times for each of the 7 sort keys on the 1M-player store, after the updates; the p50 of "
				+ "the slowest key.");
		results.note("compaction: " + COMPACTION_WRITERS + " threads update players continuously (same work "
				+ "as above) on the 1M-player store. `writer_p99_us_baseline`: p99 of their updates over "
				+ BASELINE_NANOS / 1_000_000_000 + " s without compaction; then `AppendLog.compact()` of "
				+ "`players` runs (backup, CHECKPOINT of 1M players, switch) and `compaction_1m_players_ms` is its "
				+ "duration, `writer_p99_us_during_compaction` the p99 of the updates that started while it ran, "
				+ "`writer_max_stall_ms_during_compaction` the longest of them, at `storage.compaction.max-write-rate` "
				+ "(`compaction_max_write_rate_mb_s`); the `_unpaced_` keys the same for an unpaced compaction. "
				+ "Three rounds, each: baseline, paced compaction, baseline, unpaced compaction.");
	}

	private static double worstLeaderboardP50(PlayerRepository players) {
		double worst = 0;
		for (LeaderboardSort sort : LeaderboardSort.values()) {
			Samples samples = new Samples(LEADERBOARD_READS);
			for (int i = 0; i < LEADERBOARD_READS; i++) {
				long start = System.nanoTime();
				if (players.leaderboard(sort, 10, null).size() != 10) {
					throw new IllegalStateException("a top 10 of fewer than 10 players");
				}
				samples.add(System.nanoTime() - start);
			}
			worst = Math.max(worst, samples.percentileMicros(50));
		}
		return worst;
	}

	/**
	 * The pace the paced rounds use: {@code -Dbench.compaction.max-write-rate-mb} when above 0, else the
	 * default of {@code storage.compaction.max-write-rate}.
	 */
	static long maxWriteRateMb() {
		long asked = Long.getLong("bench.compaction.max-write-rate-mb", 0);
		return (asked > 0) ? asked : org.springframework.util.unit.DataSize
			.parse(org.namethatartist.storage.StorageProperties.Compaction.DEFAULT_MAX_WRITE_RATE).toMegabytes();
	}

	/**
	 * Three rounds, each: the writers alone (the baseline), a compaction at the pace in force, the writers
	 * alone again, an unpaced compaction. Paced and unpaced in the same run, on the same store and load.
	 */
	private static void compaction(Results results, AppendLogStores stores) throws Exception {
		AppendLog<?> log = stores.logs().stream()
			.filter((l) -> l.store().equals(AppendLogStores.PLAYERS))
			.findFirst()
			.orElseThrow();
		long rateMb = maxWriteRateMb();
		double[] millis = new double[Results.RUNS];
		double[] baseline = new double[Results.RUNS];
		double[] during = new double[Results.RUNS];
		double[] stall = new double[Results.RUNS];
		double[] unpacedMillis = new double[Results.RUNS];
		double[] unpacedDuring = new double[Results.RUNS];
		double[] unpacedStall = new double[Results.RUNS];
		for (int round = 0; round < Results.RUNS; round++) {
			for (boolean paced : new boolean[] { true, false }) {
				try (Load load = new Load(stores.players())) {
					Thread.sleep(1000);
					long quietFrom = System.nanoTime();
					Thread.sleep(BASELINE_NANOS / 1_000_000);
					long start = System.nanoTime();
					CompactionReport report = log.compact(paced ? rateMb << 20 : 0);
					long end = System.nanoTime();
					// Writes that started during the compaction and are still on their way finish meanwhile.
					Thread.sleep(500);
					Samples quiet = load.started(quietFrom, start);
					Samples busy = load.started(start, end);
					if (paced) {
						millis[round] = (end - start) / 1e6;
						baseline[round] = quiet.percentileMicros(99);
						during[round] = busy.percentileMicros(99);
						stall[round] = busy.maxMillis();
					}
					else {
						unpacedMillis[round] = (end - start) / 1e6;
						unpacedDuring[round] = busy.percentileMicros(99);
						unpacedStall[round] = busy.maxMillis();
					}
					System.out.printf("  compaction round %d %s: %.0f ms, %d -> %d bytes; writes %d quiet (p99 %.0f us), "
							+ "%d during (p99 %.0f us, max %.1f ms)%n", round + 1, paced ? "at " + rateMb + " MB/s" : "unpaced",
							(end - start) / 1e6, report.bytesBefore(), report.bytesAfter(), quiet.count(),
							quiet.percentileMicros(99), busy.count(), busy.percentileMicros(99), busy.maxMillis());
				}
			}
		}
		results.put("compaction_max_write_rate_mb_s", new double[] { rateMb, rateMb, rateMb });
		put(results, "compaction_1m_players_ms", millis);
		put(results, "writer_p99_us_baseline", baseline);
		put(results, "writer_p99_us_during_compaction", during);
		put(results, "writer_max_stall_ms_during_compaction", stall);
		put(results, "compaction_unpaced_1m_players_ms", unpacedMillis);
		put(results, "writer_p99_us_during_unpaced_compaction", unpacedDuring);
		put(results, "writer_max_stall_ms_during_unpaced_compaction", unpacedStall);
	}

	private static void put(Results results, String key, double[] runs) {
		results.put(key, runs);
		System.out.printf("  %-40s %12s   runs %s%n", key, Report.format(results.get(key)), Report.formatRuns(runs));
	}

	/**
	 * Writers updating players until closed, keeping when each update started and how long it took, so
	 * a write that straddles the end of a compaction counts as one made during it.
	 */
	private static final class Load implements AutoCloseable {

		private final AtomicBoolean stop = new AtomicBoolean();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private final List<Thread> threads = new ArrayList<>();

		private final List<long[]> starts = new ArrayList<>();

		private final List<long[]> latencies = new ArrayList<>();

		private final int[] counts = new int[COMPACTION_WRITERS];

		Load(PlayerRepository players) {
			Workload workload = new Workload(PLAYERS);
			for (int w = 0; w < COMPACTION_WRITERS; w++) {
				int writer = w;
				long[] start = new long[1 << 20];
				long[] latency = new long[1 << 20];
				this.starts.add(start);
				this.latencies.add(latency);
				Thread thread = new Thread(() -> {
					try {
						for (int i = 0; !this.stop.get() && i < start.length; i++) {
							var result = workload.result(writer, i);
							long t0 = System.nanoTime();
							players.recordResult(result);
							long t1 = System.nanoTime();
							start[i] = t0;
							latency[i] = t1 - t0;
							synchronized (this.counts) {
								this.counts[writer] = i + 1;
							}
						}
					}
					catch (Throwable ex) {
						this.failure.set(ex);
					}
				}, "compaction-load-" + w);
				this.threads.add(thread);
				thread.start();
			}
		}

		/** The latencies of the updates that started in [from, to) and have finished. */
		Samples started(long from, long to) {
			if (this.failure.get() != null) {
				throw new IllegalStateException("a writer failed", this.failure.get());
			}
			int[] done;
			synchronized (this.counts) {
				done = this.counts.clone();
			}
			Samples samples = new Samples(1 << 21);
			for (int w = 0; w < COMPACTION_WRITERS; w++) {
				long[] start = this.starts.get(w);
				long[] latency = this.latencies.get(w);
				for (int i = 0; i < done[w]; i++) {
					if (start[i] >= from && start[i] < to) {
						samples.add(latency[i]);
					}
				}
			}
			return samples;
		}

		@Override
		public void close() throws InterruptedException {
			this.stop.set(true);
			for (Thread thread : this.threads) {
				thread.join();
			}
		}

	}

}
