package org.namethatartist.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;

import org.namethatartist.player.GameResult;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.FsyncPolicy;
import org.namethatartist.storage.log.LogOptions;

/**
 * What the week and month boards cost per active player on the append log: {@value #PLAYERS} players
 * each finish {@value #GAMES} games in one week (so four entries each: the week and the month, global
 * and their server), then the retained heap of the boards and the bytes of the {@code periods} files
 * (log and JSON, after closing) are divided by the players. Players who did not play cost nothing: they
 * have no entry. Run alone with {@code ./mvnw -B -Pbench verify -Dbench.only=periods}.
 */
final class PeriodsBench {

	static final int PLAYERS = 50_000;

	static final int GAMES = 5;

	/** A Wednesday: the week and the month hold every game. */
	private static final Instant WEDNESDAY = Instant.parse("2026-12-02T12:00:00Z");

	private final Path work;

	PeriodsBench(Path work) {
		this.work = work;
	}

	void run(Results results) throws Exception {
		double[] heap = new double[Results.RUNS];
		double[] disk = new double[Results.RUNS];
		for (int run = 0; run < Results.RUNS; run++) {
			Path dir = Files.createDirectories(this.work.resolve("periods-" + run));
			Random random = new Random(15L + run);
			System.out.println("  periods run " + run + ": seed " + (15L + run));
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			try (AppendLogStores stores = AppendLogStores.open(dir,
					LogOptions.defaults().withFsync(FsyncPolicy.NEVER).withSnapshotMaxDelay(StoreUnderTest.SNAPSHOT_DELAY))) {
				PeriodBoards boards = stores.periods();
				long before = settledHeap(memory);
				for (int game = 0; game < GAMES; game++) {
					for (int p = 0; p < PLAYERS; p++) {
						String user = String.valueOf(100_000_000_000_000_000L + p);
						String guild = String.valueOf(200_000_000_000_000_000L + (p % 500));
						boards.recordResult(new GameResult("game-" + game + "-" + (p / 4), user, "player" + p, guild,
								random.nextInt(1000), random.nextInt(4) == 0, random.nextInt(10), random.nextInt(10),
								WEDNESDAY.plusSeconds(game * 60L)));
					}
				}
				heap[run] = (double) (settledHeap(memory) - before) / PLAYERS;
				// Keep the boards reachable until measured.
				if (boards.leaderboard(org.namethatartist.player.Period.week(WEDNESDAY),
						org.namethatartist.player.PeriodSort.TOTAL_SCORE, 1, null).isEmpty()) {
					throw new IllegalStateException("no board after the writes");
				}
			}
			disk[run] = (double) periodBytes(dir) / PLAYERS;
			Bench.deleteTree(dir);
		}
		results.put("period_heap_bytes_per_active_player", heap);
		results.put("period_disk_bytes_per_active_player", disk);
		System.out.printf("  %-40s %12s   runs %s%n", "period_heap_bytes_per_active_player",
				Report.format(results.get("period_heap_bytes_per_active_player")), Report.formatRuns(heap));
		System.out.printf("  %-40s %12s   runs %s%n", "period_disk_bytes_per_active_player",
				Report.format(results.get("period_disk_bytes_per_active_player")), Report.formatRuns(disk));
		results.note("`period_*_per_active_player`: " + PLAYERS + " players × " + GAMES + " games in one week, in "
				+ "500 servers: four board entries per player (week and month, global and server). Heap: used heap "
				+ "after full GCs, after minus before the writes. Disk: the periods store's log and JSON file after "
				+ "closing (the log as written, not compacted).");
	}

	private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static long periodBytes(Path dir) throws IOException {
		long bytes = 0;
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(AppendLogStores.PERIODS))
				.toList()) {
				bytes += Files.size(file);
			}
		}
		return bytes;
	}

}
