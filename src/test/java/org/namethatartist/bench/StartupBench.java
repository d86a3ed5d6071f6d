package org.namethatartist.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures that need a fresh JVM, as a restarted bot is: {@code startup_100k_players_ms} (the whole
 * Spring application on 100k players), {@code replay_1m_records_ms} and {@code heap_bytes_per_player}
 * (the stores opened on 1M players). Each run is a child process ({@link StartupProbe}), which halts
 * after measuring, so the data directory is the same for every run.
 */
final class StartupBench {

	/** The replay's runs: {@value Results#RUNS}, or more with {@code -Dbench.replay.runs} (to compare options). */
	private static final int RUNS = Integer.getInteger("bench.replay.runs", Results.RUNS);

	private final BenchData data;

	private String failure;

	StartupBench(BenchData data) {
		this.data = data;
	}

	/** The part {@code startup}: the start-up figure, then the replay's. */
	void run(Results results) throws Exception {
		startup(results);
		replay(results);
	}

	private void startup(Results results) throws Exception {
		Map<String, Double> first = probe("spring", this.data.players100k(), "512m");
		if (!first.containsKey("spring_failed")) {
			results.measure("startup_100k_players_ms",
					() -> probe("spring", this.data.players100k(), "512m").get("startup_ms"));
			results.note("`startup_100k_players_ms`: a new JVM (-Xmx512m) runs "
					+ "`SpringApplicationBuilder(NameThatArtistApplication.class).run(...)` on a data directory of "
					+ "100k players (5 games each, one SET record per player), web server and Actuator on free "
					+ "ports; the time from the call until it returns (context refreshed, runners done, ready). "
					+ "JVM start before it is not counted. A first, unmeasured start checks that the context starts. "
					+ "The stores' JSON files are rewritten in the background `storage.snapshot.max-delay` (1 s) "
					+ "after they open, so on 100k players a ~130 MB `players.json` is written while the rest of "
					+ "the context starts: that work is inside the measured time.");
		}
		else {
			System.out.println("  the application's context cannot start on this branch (" + this.failure
					+ "); measuring AppendLogStores.open instead");
			results.measure("startup_100k_players_ms",
					() -> probe("stores", this.data.players100k(), "512m").get("startup_ms"));
			results.note("`startup_100k_players_ms`: **not the Spring context**: it cannot start on this branch ("
					+ this.failure + "), so this is `AppendLogStores.open` with the production defaults in a new JVM "
					+ "(-Xmx512m) on a data directory of 100k players (5 games each, one SET record per player): "
					+ "the stores' share of start-up.");
		}
	}

	/** The part {@code replay}: the replay's figures alone. */
	void replay(Results results) throws Exception {
		if (RUNS < Results.RUNS) {
			throw new IllegalArgumentException("bench.replay.runs must be at least " + Results.RUNS + ", not " + RUNS);
		}
		double[] replay = new double[RUNS];
		double[] heap = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			Map<String, Double> figures = probe("replay", this.data.players1m(), "6g", replayJvmArgs(i + 1));
			if (figures.get("records") != 1_000_000 || figures.get("players") != 1_000_000) {
				throw new IllegalStateException("expected 1M records and players, got " + figures);
			}
			replay[i] = figures.get("replay_ms");
			System.out.printf("  replay run %d %s: %.0f ms, process CPU %.0f ms, GC %.0f ms%n", i + 1,
					replayJvmArgs(i + 1), replay[i], figures.getOrDefault("replay_cpu_ms", -1.0),
					figures.getOrDefault("replay_gc_ms", -1.0));
			heap[i] = figures.get("heap_bytes") / figures.get("players");
		}
		results.put("replay_1m_records_ms", replay);
		results.put("heap_bytes_per_player", heap);
		System.out.printf("  %-40s %12s   runs %s%n", "replay_1m_records_ms", Report.format(results.get("replay_1m_records_ms")),
				Report.formatRuns(replay));
		System.out.printf("  %-40s %12s   runs %s%n", "heap_bytes_per_player",
				Report.format(results.get("heap_bytes_per_player")), Report.formatRuns(heap));
		double mb = this.data.bytes1m() / 1e6;
		results.note(String.format(Locale.ROOT, "`replay_1m_records_ms`: a new JVM (-Xmx6g, default GC) opens "
				+ "`AppendLogStores` on a `players.log` of 1,000,000 SET records (1M players × 5 games, %.0f MB, "
				+ "%.0f bytes a record), recovery in strict mode (every CRC checked): the time of "
				+ "`AppendLogStores.open`, leaderboard orders included. A cold JVM, as at a restart. Lines are "
				+ "decoded by one thread per available processor (%d here) in chunks of whole lines and applied "
				+ "in order by the opening thread; lines in the store's own shape are read by the store's fast "
				+ "path, others by Jackson.", mb,
				this.data.bytes1m() / 1_000_000.0, Runtime.getRuntime().availableProcessors()));
		results.note("`heap_bytes_per_player`: in the same JVM, used heap after three `System.gc()` (full, "
				+ "stop-the-world collections that leave only live objects) read from `MemoryMXBean`, the "
				+ "lowest of the three, before opening the stores and after; the difference over the players "
				+ "loaded. It counts everything the stores retain per player: the stats, their 5 history "
				+ "entries, the maps, the leaderboard index. Replay keeps one copy of each short string it reads "
				+ "again soon after (a key and the userId in its value, dates and game ids): the benchmark's "
				+ "players all share the same 5 dates and 5 game ids, which real players share only with the "
				+ "others of the same game, so a real store holds more per player than this.");
	}

	/**
	 * {@code -Dbench.replay.jvm-args="..."}: options added to the replay probes' JVMs, for profiling the
	 * replay (for instance {@code -XX:StartFlightRecording=filename=/tmp/replay-{run}.jfr}); {@code {run}}
	 * becomes the run's number, from 1. Alternatives separated by {@code |} are used
	 * by the runs in turn ({@code -XX:+UseParallelGC|} alternates that collector with the default), to
	 * compare options in the same minutes. None by default.
	 */
	private static List<String> replayJvmArgs(int run) {
		String all = System.getProperty("bench.replay.jvm-args", "");
		if (all.startsWith("${")) {
			return List.of();
		}
		String[] alternatives = all.split("\\|", -1);
		String args = alternatives[(run - 1) % alternatives.length].trim();
		if (args.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(args.split("\\s+")).map((arg) -> arg.replace("{run}", Integer.toString(run))).toList();
	}

	private Map<String, Double> probe(String mode, Path dir, String heap) throws IOException, InterruptedException {
		return probe(mode, dir, heap, List.of());
	}

	private Map<String, Double> probe(String mode, Path dir, String heap, List<String> jvmArgs)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.add("-Xmx" + heap);
		command.addAll(jvmArgs);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), mode,
				dir.toString()));
		Process child = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = child.waitFor();
		Map<String, Double> figures = new HashMap<>();
		for (String line : output.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0 && line.substring(0, eq).matches("[a-z_]+")) {
				try {
					figures.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1).trim()));
				}
				catch (NumberFormatException ex) {
					// not a figure
				}
			}
		}
		for (String line : output.split("\n")) {
			if (line.startsWith("reason: ")) {
				this.failure = line.substring("reason: ".length()).trim();
			}
		}
		if (exit != 0 || figures.isEmpty()) {
			throw new IllegalStateException("the " + mode + " probe failed (exit " + exit + "):\n" + output);
		}
		return figures;
	}

}
