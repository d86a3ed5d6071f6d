package org.namethatartist.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Writes {@code results.json} (exactly the keys of issue 7, each the median of its runs) and
 * {@code results.md} (figure, measured, target, met, plus the machine, the date, the command and how
 * each figure was taken). {@code results.md} also shows figures outside issue 7, without a target,
 * such as {@code postgres_update_1w_p50_us}; they stay out of {@code results.json}.
 */
final class Report {

	/** The keys of {@code results.json}, in order; a key not measured is left out. */
	static final List<String> KEYS = List.of("fsync_floor_p50_us", "fsync_floor_prealloc_p50_us",
			"fsync_floor_zeros_p50_us", "update_1w_p50_us", "update_1w_p99_us",
			"update_1w_p50_us_1k", "update_1w_p50_us_1m", "update_64w_per_s", "sqlite_update_1w_p50_us",
			"sqlite_update_64w_per_s", "postgres_update_64w_per_s", "replay_1m_records_ms",
			"startup_100k_players_ms", "compaction_max_write_rate_mb_s", "compaction_1m_players_ms",
			"writer_p99_us_baseline", "writer_p99_us_during_compaction", "writer_max_stall_ms_during_compaction",
			"compaction_unpaced_1m_players_ms", "writer_p99_us_during_unpaced_compaction",
			"writer_max_stall_ms_during_unpaced_compaction",
			"leaderboard_top10_1m_p50_us", "heap_bytes_per_player", "period_heap_bytes_per_active_player",
			"period_disk_bytes_per_active_player", "discord_ack_p50_ms", "discord_ack_p99_ms",
			"discord_requests_per_round", "discord_heap_mb_10_guilds", "discord_heap_mb_10k_guilds");

	private record Row(String key, String figure, String target, Predicate<Results> met, String absent) {
	}

	private final Results results;

	private final Path dataDisk;

	private final String loadAtStart;

	Report(Results results, Path dataDisk, String loadAtStart) {
		this.results = results;
		this.dataDisk = dataDisk;
		this.loadAtStart = loadAtStart;
	}

	private List<Row> rows() {
		Results r = this.results;
		double floor = r.has("fsync_floor_p50_us") ? r.get("fsync_floor_p50_us") : Double.NaN;
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("fsync_floor_p50_us", "disk floor: append 200 B + fdatasync, p50 (µs)", "–", null, null));
		rows.add(new Row("fsync_floor_prealloc_p50_us",
				"disk floor: 200 B + fdatasync into sparse preallocated space, p50 (µs)", "–", null, null));
		rows.add(new Row("fsync_floor_zeros_p50_us",
				"disk floor: 200 B + fdatasync into written zeros, p50 (µs)", "–", null, null));
		rows.add(new Row("update_1w_p50_us", "durable update, 1 writer, 100k players, p50 (µs)",
				"≤ 1.5 × floor = " + format(1.5 * floor), (x) -> x.get("update_1w_p50_us") <= 1.5 * floor, null));
		rows.add(new Row("update_1w_p99_us", "durable update, 1 writer, 100k players, p99 (µs)", "–", null, null));
		rows.add(new Row("update_1w_p50_us_1k", "durable update, 1 writer, 1k players, p50 (µs)",
				"≤ 1.5 × floor = " + format(1.5 * floor), (x) -> x.get("update_1w_p50_us_1k") <= 1.5 * floor, null));
		rows.add(new Row("update_1w_p50_us_1m", "durable update, 1 writer, 1M players, p50 (µs)",
				"≤ 1.5 × floor, and flat: ≤ 1.25 × the 1k figure",
				(x) -> x.get("update_1w_p50_us_1m") <= 1.5 * floor
						&& x.get("update_1w_p50_us_1m") <= 1.25 * x.get("update_1w_p50_us_1k"),
				null));
		rows.add(new Row("update_64w_per_s", "durable updates, 64 writers (/s)", "≥ 20,000",
				(x) -> x.get("update_64w_per_s") >= 20_000, null));
		rows.add(new Row("sqlite_update_1w_p50_us", "SQLite, same work, 1 writer, p50 (µs)",
				"ours lower (" + formatKey("update_1w_p50_us") + ")",
				(x) -> x.get("update_1w_p50_us") < x.get("sqlite_update_1w_p50_us"), null));
		rows.add(new Row("sqlite_update_64w_per_s", "SQLite, same work, 64 writers (/s)",
				"ours higher (" + formatKey("update_64w_per_s") + ")",
				(x) -> x.get("update_64w_per_s") > x.get("sqlite_update_64w_per_s"), null));
		rows.add(new Row("postgres_update_1w_p50_us", "PostgreSQL, same work, 1 writer, p50 (µs)",
				beside("update_1w_p50_us", "postgres_update_1w_p50_us"), null, null));
		rows.add(new Row("postgres_update_64w_per_s", "PostgreSQL, same work, 64 writers (/s)",
				beside("update_64w_per_s", "postgres_update_64w_per_s"), null, null));
		rows.add(new Row("replay_1m_records_ms", "replay of 1M records (ms)", "≤ 2,000",
				(x) -> x.get("replay_1m_records_ms") <= 2000, null));
		rows.add(new Row("startup_100k_players_ms", "start-up, Spring context to ready, 100k players (ms)",
				"≤ 5,000", (x) -> x.get("startup_100k_players_ms") <= 5000, null));
		rows.add(new Row("compaction_max_write_rate_mb_s", "storage.compaction.max-write-rate in force (MB/s)", "–",
				null, null));
		rows.add(new Row("compaction_1m_players_ms", "compaction of 1M players, paced (ms)", "–", null, null));
		rows.add(new Row("writer_p99_us_baseline", "writers' p99 without compaction (µs)", "–", null, null));
		rows.add(new Row("writer_p99_us_during_compaction", "writers' p99 during compaction (µs)",
				"≤ 2 × baseline = " + formatTimes("writer_p99_us_baseline", 2),
				(x) -> x.get("writer_p99_us_during_compaction") <= 2 * x.get("writer_p99_us_baseline"), null));
		rows.add(new Row("writer_max_stall_ms_during_compaction", "longest write during compaction (ms)", "≤ 50",
				(x) -> x.get("writer_max_stall_ms_during_compaction") <= 50, null));
		rows.add(new Row("compaction_unpaced_1m_players_ms", "the same compaction, unpaced (ms)", "–", null, null));
		rows.add(new Row("writer_p99_us_during_unpaced_compaction", "writers' p99 during the unpaced one (µs)", "–",
				null, null));
		rows.add(new Row("writer_max_stall_ms_during_unpaced_compaction", "longest write during the unpaced one (ms)",
				"–", null, null));
		rows.add(new Row("leaderboard_top10_1m_p50_us", "leaderboard top 10 of 1M, worst of 7 keys, p50 (µs)",
				"≤ 1,000", (x) -> x.get("leaderboard_top10_1m_p50_us") <= 1000, null));
		rows.add(new Row("heap_bytes_per_player", "retained heap per player, 1M players × 5 games (bytes)", "–",
				null, null));
		rows.add(new Row("period_heap_bytes_per_active_player",
				"week and month boards: heap per active player, 4 entries each (bytes)", "–", null, null));
		rows.add(new Row("period_disk_bytes_per_active_player",
				"week and month boards: disk per active player, log and JSON (bytes)", "–", null, null));
		rows.add(new Row("discord_ack_p50_ms", "Discord: INTERACTION_CREATE to callback, 200 clicks, p50 (ms)", "–",
				null, null));
		rows.add(new Row("discord_ack_p99_ms", "Discord: INTERACTION_CREATE to callback, 200 clicks, p99 (ms)",
				"< 500", (x) -> x.get("discord_ack_p99_ms") < 500, null));
		rows.add(new Row("discord_requests_per_round", "Discord: the bot's REST requests per round", "≤ 2",
				(x) -> x.get("discord_requests_per_round") <= 2, null));
		rows.add(new Row("discord_heap_mb_10_guilds", "Discord: heap with 10 servers × 50 channels (MB)", "–", null,
				null));
		rows.add(new Row("discord_heap_mb_10k_guilds", "Discord: heap with 10,000 servers × 50 channels, 10 shards (MB)",
				"< 300", (x) -> x.get("discord_heap_mb_10k_guilds") < 300, null));
		return rows;
	}

	void write(Path out, String command, String elapsed) throws IOException {
		Files.writeString(out.resolve("results.json"), json(), StandardCharsets.UTF_8);
		Files.writeString(out.resolve("results.md"), markdown(command, elapsed), StandardCharsets.UTF_8);
	}

	String json() {
		StringBuilder json = new StringBuilder("{\n");
		for (String key : KEYS) {
			if (this.results.has(key)) {
				json.append("  \"").append(key).append("\": ")
					.append(String.format(Locale.ROOT, "%.1f", this.results.get(key)))
					.append(",\n");
			}
		}
		if (json.length() > 2) {
			json.setLength(json.length() - 2);
		}
		return json.append("\n}\n").toString();
	}

	String markdown(String command, String elapsed) {
		StringBuilder md = new StringBuilder();
		md.append("# Store benchmark\n\n");
		md.append("Each figure is the median of ").append(Results.RUNS).append(" runs (the runs are in the last column).\n\n");
		md.append("| figure | key | measured | target | met? | runs |\n|---|---|---:|---|---|---|\n");
		for (Row row : rows()) {
			md.append("| ").append(row.figure()).append(" | `").append(row.key()).append("` | ");
			if (!this.results.has(row.key())) {
				md.append("– | ").append(row.target()).append(" | ")
					.append((row.absent() != null) ? row.absent() : "not measured").append(" | |\n");
				continue;
			}
			String met = "";
			if (row.met() != null) {
				try {
					met = row.met().test(this.results) ? "yes" : "**no**";
				}
				catch (IllegalStateException ex) {
					met = "? (" + ex.getMessage() + ")";
				}
			}
			md.append(format(this.results.get(row.key()))).append(" | ").append(row.target()).append(" | ")
				.append(met).append(" | ").append(formatRuns(this.results.runs(row.key()))).append(" |\n");
		}
		md.append("\n## Machine and run\n\n");
		md.append("- date: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.append('\n');
		md.append("- command: `").append(command).append("` (").append(elapsed).append(")\n");
		md.append("- cores: ").append(Runtime.getRuntime().availableProcessors()).append(", JDK: ")
			.append(System.getProperty("java.vm.name")).append(' ').append(Runtime.version()).append(", max heap ")
			.append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB, OS: ").append(System.getProperty("os.name"))
			.append(' ').append(System.getProperty("os.version")).append('\n');
		md.append("- the benchmark's JVM: `")
			.append(String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()))
			.append("`, GC ")
			.append(java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().get(0).getName())
			.append('\n');
		md.append("- load average (1, 5, 15 min) at the start: ").append(this.loadAtStart).append(", at the end: ")
			.append(loadAverage())
			.append(" (2 cores: above 2, other work was waiting for the CPU too)\n");
		md.append("- disk (`df -hT ").append(this.dataDisk).append("`):\n\n```\n").append(df()).append("```\n");
		md.append("\n## How each figure was taken\n\n");
		for (String note : this.results.notes()) {
			md.append("- ").append(note).append('\n');
		}
		return md.toString();
	}

	private String formatKey(String key) {
		return this.results.has(key) ? format(this.results.get(key)) : "?";
	}

	/** No target, our figure beside it, as a multiple of this one: "– (ours 12,871 = 3.2 × this)". */
	private String beside(String oursKey, String key) {
		if (!this.results.has(oursKey)) {
			return "– (ours not measured)";
		}
		String ours = "– (ours " + format(this.results.get(oursKey));
		if (!this.results.has(key)) {
			return ours + ")";
		}
		return ours + " = " + String.format(Locale.ROOT, "%.1f", this.results.get(oursKey) / this.results.get(key))
				+ " × this)";
	}

	private String formatTimes(String key, double factor) {
		return this.results.has(key) ? format(factor * this.results.get(key)) : "?";
	}

	private String df() {
		try {
			Process df = new ProcessBuilder("df", "-hT", this.dataDisk.toString()).redirectErrorStream(true).start();
			String text = new String(df.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			df.waitFor();
			return text;
		}
		catch (IOException ex) {
			return "df failed: " + ex + "\n";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted\n";
		}
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	static String format(double value) {
		if (Double.isNaN(value)) {
			return "?";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String formatRuns(double[] values) {
		StringBuilder text = new StringBuilder();
		for (double value : values) {
			text.append((text.length() == 0) ? "" : ", ").append(format(value));
		}
		return text.toString();
	}

}
