package org.namethatartist.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.namethatartist.discord.wire.WireBench;

/**
 * The {@code discord} part: the whole application and the real JDA client against the test suite's fake
 * Discord on loopback (see {@link WireBench}). Three runs of each figure:
 * <ul>
 * <li>{@code discord_ack_p99_ms}: INTERACTION_CREATE to callback, p99 of 200 clicks over 20 games, 5 ms store;</li>
 * <li>{@code discord_requests_per_round}: the bot's REST requests per round in those games;</li>
 * <li>{@code discord_heap_mb_10k_guilds}: used heap after full collections, the application logged in to
 * 10,000 servers of 50 channels each over 10 shards; {@code discord_heap_mb_10_guilds} the same with 10
 * servers, for scale.</li>
 * </ul>
 * Run alone with {@code ./mvnw -B -Pbench verify -Dbench.only=discord}.
 */
final class DiscordBench {

	private final Path work;

	DiscordBench(Path work) {
		this.work = work;
	}

	void run(Results results) throws Exception {
		double[] ackP99 = new double[Results.RUNS];
		double[] ackP50 = new double[Results.RUNS];
		double[] requests = new double[Results.RUNS];
		for (int run = 0; run < Results.RUNS; run++) {
			long seed = 40L + run;
			WireBench.Clicks clicks = WireBench.clicks(Files.createDirectories(this.work.resolve("discord-" + run)), seed);
			System.out.println("  discord clicks run " + run + " (seed " + seed + "): " + clicks);
			if (clicks.refusals() > 0) {
				throw new IllegalStateException("the fake Discord refused " + clicks.refusals() + " requests");
			}
			ackP99[run] = clicks.ackP99Ms();
			ackP50[run] = clicks.ackP50Ms();
			requests[run] = clicks.requestsPerRound();
		}
		put(results, "discord_ack_p50_ms", ackP50);
		put(results, "discord_ack_p99_ms", ackP99);
		put(results, "discord_requests_per_round", requests);
		double[] small = new double[Results.RUNS];
		double[] large = new double[Results.RUNS];
		for (int run = 0; run < Results.RUNS; run++) {
			small[run] = WireBench.heapMegabytes(Files.createDirectories(this.work.resolve("heap-small-" + run)), 10, 10, 50);
			large[run] = WireBench.heapMegabytes(Files.createDirectories(this.work.resolve("heap-" + run)), 10, 10_000, 50);
		}
		put(results, "discord_heap_mb_10_guilds", small);
		put(results, "discord_heap_mb_10k_guilds", large);
		results.note("`discord_*`: the application (demo catalogue, append log) and JDA 6.5.0 against the test suite's "
				+ "fake Discord on loopback, in the benchmark's JVM. Clicks: 20 games in 20 channels, 2 rounds each, 5 "
				+ "players clicking each round as soon as its message shows, every store write delayed 5 ms; the time "
				+ "from the fake sending INTERACTION_CREATE to the bot's callback arriving. Heap: used heap after three "
				+ "System.gc(), with the fake's 10 shards × 1,000 servers × 50 text channels in JDA's cache.");
	}

	private static void put(Results results, String key, double[] runs) {
		results.put(key, runs);
		System.out.printf("  %-40s %12s   runs %s%n", key, Report.format(results.get(key)), Report.formatRuns(runs));
	}

}
