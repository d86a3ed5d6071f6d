package org.namethatartist.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.namethatartist.player.GameResult;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.FsyncPolicy;
import org.namethatartist.storage.log.LogOptions;

/**
 * A first benchmark of the append-log store, run by {@code ./mvnw -B -Pbench verify}: the disk's raw
 * fsync, durable updates with one and with 64 writers, start-up and leaderboard reads. Each figure is
 * the median of {@value #RUNS} runs in this process, so the ratios compare runs on the same disk at
 * the same time. Prints a table and writes {@code target/bench/results.md} and {@code results.json}.
 * Figures only: nothing here passes or fails on time.
 */
public final class StoreBenchmark {

	private static final int RUNS = 3;

	private static final int WRITERS = 64;

	/** {@code -Dbench.snapshot-delay=3600s} shows what the JSON files' rewrites cost the writers. */
	private static final java.time.Duration SNAPSHOT_DELAY = java.time.Duration
		.parse("PT" + System.getProperty("bench.snapshot-delay", "1s"));

	private final Path work;

	private final Map<String, Double> results = new LinkedHashMap<>();

	private StoreBenchmark(Path work) {
		this.work = work;
	}

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
		Files.createDirectories(out);
		Path work = Files.createTempDirectory(out.toAbsolutePath(), "work");
		try {
			StoreBenchmark bench = new StoreBenchmark(work);
			bench.run();
			bench.report(out);
		}
		finally {
			deleteTree(work);
		}
	}

	private void run() throws Exception {
		median("fsync_floor_p50_us", this::fsyncFloorP50);
		for (int players : new int[] { 1_000, 100_000 }) {
			Path dir = this.work.resolve("players-" + players);
			fill(dir, players);
			String suffix = (players == 100_000) ? "" : "_1k";
			median("startup_" + players / 1000 + "k_players_ms", () -> openMillis(dir));
			List<double[]> oneWriter = repeat(() -> oneWriter(dir, players));
			this.results.put("update_1w_p50_us" + suffix, median(oneWriter, 0));
			if (suffix.isEmpty()) {
				this.results.put("update_1w_p99_us", median(oneWriter, 1));
				median("update_64w_per_s", () -> manyWriters(dir, players));
				median("leaderboard_top10_100k_p50_us", () -> leaderboardP50(dir));
			}
		}
	}

	private double fsyncFloorP50() throws IOException {
		Path file = this.work.resolve("floor");
		byte[] line = new byte[200];
		Arrays.fill(line, (byte) 'x');
		line[199] = '\n';
		long[] nanos = new long[2000];
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			long position = 0;
			for (int i = 0; i < nanos.length; i++) {
				long start = System.nanoTime();
				channel.write(ByteBuffer.wrap(line), position);
				channel.force(false);
				nanos[i] = System.nanoTime() - start;
				position += line.length;
			}
		}
		return percentile(nanos, 50) / 1000.0;
	}

	/** Players with one game each, written without forcing (set-up, not measured). */
	private static void fill(Path dir, int players) {
		try (AppendLogStores stores = AppendLogStores.open(dir, LogOptions.defaults().withFsync(FsyncPolicy.NEVER))) {
			for (int i = 0; i < players; i++) {
				stores.players().recordResult(result("fill", "u" + i, i % 1000));
			}
		}
	}

	private static double openMillis(Path dir) {
		long start = System.nanoTime();
		try (AppendLogStores stores = open(dir)) {
			return (System.nanoTime() - start) / 1e6;
		}
	}

	private static AppendLogStores open(Path dir) {
		AppendLogStores stores = AppendLogStores.open(dir, LogOptions.defaults().withSnapshotMaxDelay(SNAPSHOT_DELAY));
		// The JSON files are rewritten after recovery: done now, so it does not run during a measurement.
		stores.logs().forEach(AppendLog::writeSnapshot);
		return stores;
	}

	private static int game = 0;

	/** {p50, p99} in microseconds of 5,000 durable updates by one writer. */
	private static double[] oneWriter(Path dir, int players) {
		try (AppendLogStores stores = open(dir)) {
			long[] nanos = new long[5000];
			String gameId = "one-" + (game++);
			for (int i = 0; i < nanos.length; i++) {
				GameResult result = result(gameId + "-" + i, "u" + Math.floorMod(i * 7919, players), i % 1000);
				long start = System.nanoTime();
				stores.players().recordResult(result);
				nanos[i] = System.nanoTime() - start;
			}
			return new double[] { percentile(nanos, 50) / 1000.0, percentile(nanos, 99) / 1000.0 };
		}
	}

	private static double manyWriters(Path dir, int players) throws InterruptedException {
		int perWriter = 2000;
		String gameId = "many-" + (game++);
		try (AppendLogStores stores = open(dir)) {
			ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
			CountDownLatch done = new CountDownLatch(WRITERS);
			long start = System.nanoTime();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				pool.execute(() -> {
					for (int i = 0; i < perWriter; i++) {
						int player = Math.floorMod(writer * perWriter + i, players);
						stores.players().recordResult(result(gameId + "-" + writer + "-" + i, "u" + player, i % 1000));
					}
					done.countDown();
				});
			}
			done.await();
			double seconds = (System.nanoTime() - start) / 1e9;
			pool.shutdown();
			return WRITERS * perWriter / seconds;
		}
	}

	private static double leaderboardP50(Path dir) {
		try (AppendLogStores stores = open(dir)) {
			double worst = 0;
			for (LeaderboardSort sort : LeaderboardSort.values()) {
				long[] nanos = new long[20_000];
				for (int i = 0; i < nanos.length; i++) {
					long start = System.nanoTime();
					stores.players().leaderboard(sort, 10, null);
					nanos[i] = System.nanoTime() - start;
				}
				worst = Math.max(worst, percentile(nanos, 50) / 1000.0);
			}
			return worst;
		}
	}

	private static GameResult result(String gameId, String userId, int score) {
		return new GameResult(gameId, userId, "player " + userId, null, score, score > 500, score / 100, 3,
				Instant.now());
	}

	@FunctionalInterface
	private interface Measure {

		double run() throws Exception;

	}

	private void median(String key, Measure measure) throws Exception {
		double[] values = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			values[i] = measure.run();
		}
		Arrays.sort(values);
		this.results.put(key, values[RUNS / 2]);
	}

	private static List<double[]> repeat(Supplier<double[]> run) {
		List<double[]> all = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			all.add(run.get());
		}
		return all;
	}

	private static double median(List<double[]> runs, int index) {
		return runs.stream().mapToDouble((r) -> r[index]).sorted().toArray()[runs.size() / 2];
	}

	private static long percentile(long[] values, int p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
	}

	private void report(Path out) throws IOException {
		double floor = this.results.get("fsync_floor_p50_us");
		StringBuilder md = new StringBuilder();
		md.append("| figure | value | target | met |\n|---|---|---|---|\n");
		row(md, "fsync_floor_p50_us", "the disk's raw append + force", null);
		row(md, "update_1w_p50_us", "<= 1.5 x fsync floor (" + fmt(1.5 * floor) + ")",
				this.results.get("update_1w_p50_us") <= 1.5 * floor);
		row(md, "update_1w_p50_us_1k", "flat from 1k to 100k players", null);
		row(md, "update_1w_p99_us", "", null);
		row(md, "update_64w_per_s", ">= 20,000", this.results.get("update_64w_per_s") >= 20_000);
		row(md, "startup_1k_players_ms", "", null);
		row(md, "startup_100k_players_ms", "<= 5,000", this.results.get("startup_100k_players_ms") <= 5000);
		row(md, "leaderboard_top10_100k_p50_us", "<= 1,000 (worst of the 7 keys)",
				this.results.get("leaderboard_top10_100k_p50_us") <= 1000);
		StringBuilder json = new StringBuilder("{\n");
		this.results.forEach((key, value) -> json.append("  \"").append(key).append("\": ").append(fmt(value)).append(",\n"));
		json.setLength(json.length() - 2);
		json.append("\n}\n");
		Files.writeString(out.resolve("results.md"), md);
		Files.writeString(out.resolve("results.json"), json);
		System.out.println();
		System.out.println("Store benchmark, median of " + RUNS + " runs each, " + Runtime.getRuntime().availableProcessors()
				+ " cores, Java " + Runtime.version());
		System.out.print(md);
		System.out.println("Written to " + out.toAbsolutePath().resolve("results.md") + " and results.json");
	}

	private void row(StringBuilder md, String key, String target, Boolean met) {
		md.append("| ").append(key).append(" | ").append(fmt(this.results.get(key))).append(" | ").append(target)
			.append(" | ").append((met == null) ? "" : (met ? "yes" : "no")).append(" |\n");
	}

	private static String fmt(double value) {
		return (value >= 100) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
