package org.namethatartist.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The store benchmark, run by {@code ./mvnw -B -Pbench verify}: the figures of issue 7 against the
 * targets of DESIGN.md ("Performance targets"). Each figure is the median of {@value Results#RUNS}
 * runs; everything runs in this process except what needs a fresh JVM ({@link StartupBench}).
 * Writes {@code results.json} and {@code results.md} into the folder given as the first argument.
 * Figures only: nothing here passes or fails on time.
 *
 * <p>{@code -Dbench.only=startup,update,sqlite,million,postgres,periods,discord,images} runs some parts only (while working on
 * one figure); the report then holds only those figures. {@code -Dbench.only=replay} runs the replay's
 * figures alone (they are also in {@code startup}); see {@link StartupBench} for its options.
 */
public final class StoreBenchmark {

	private static final List<String> PARTS = List.of("startup", "update", "sqlite", "million", "postgres",
			"periods", "discord", "images");

	private StoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Bench.quietLogs();
		long started = System.nanoTime();
		String loadAtStart = Report.loadAverage();
		Path out = Path.of((args.length > 0) ? args[0] : "target/bench").toAbsolutePath();
		Files.createDirectories(out);
		Path work = Files.createTempDirectory(out, "work");
		List<String> only = Arrays.asList(System.getProperty("bench.only", String.join(",", PARTS)).split(","));
		Results results = new Results();
		try {
			System.out.println("Store benchmark: " + only + ", data in " + work);
			BenchData data = new BenchData(work);
			long t = System.nanoTime();
			// The periods and discord parts make their own data.
			if (!only.stream().allMatch((part) -> part.equals("periods") || part.equals("discord"))) {
				data.write();
				System.out.printf("  data written in %.1f s%n", Bench.millisSince(t) / 1000);
			}
			FsyncFloorBench floor = new FsyncFloorBench(work);
			try (MillionStore million = new MillionStore(data)) {
				for (String part : only) {
					t = System.nanoTime();
					System.out.println(part + ":");
					switch (part) {
						case "startup" -> new StartupBench(data).run(results);
						// The replay's figures alone (also in startup): not in the default parts.
						case "replay" -> new StartupBench(data).replay(results);
						case "update" -> new UpdateBench(data, million, floor).run(results);
						case "sqlite" -> new SqliteBench(work).run(results);
						case "million" -> new MillionPlayersBench(million).run(results);
						case "postgres" -> new PostgresBench(work).run(results);
						case "periods" -> new PeriodsBench(work).run(results);
						case "discord" -> new DiscordBench(work).run(results);
						case "images" -> new ImagesBench(work).run(results);
						default -> throw new IllegalArgumentException(
								"bench.only: unknown part " + part + "; parts: " + PARTS + ", replay");
					}
					System.out.printf("  (%s took %.1f s)%n", part, Bench.millisSince(t) / 1000);
				}
			}
			floor.finish(results);
		}
		finally {
			Bench.deleteTree(work);
		}
		String elapsed = String.format(Locale.ROOT, "%.1f min in the benchmark's JVM",
				Bench.millisSince(started) / 60_000);
		Report report = new Report(results, out, loadAtStart);
		// The command that gives these figures again: with the parts, when not all of them ran.
		String command = System.getProperty("bench.command", "./mvnw -B -Pbench verify"
				+ (only.equals(PARTS) ? "" : " -Dbench.only=" + String.join(",", only)));
		report.write(out, command, elapsed);
		System.out.println();
		System.out.print(report.markdown(command, elapsed));
		System.out.println("Written to " + out.resolve("results.md") + " and " + out.resolve("results.json"));
	}

}
