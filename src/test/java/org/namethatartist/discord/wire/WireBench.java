package org.namethatartist.discord.wire;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code discord} part of the benchmark ({@code ./mvnw -B -Pbench verify -Dbench.only=discord}): the whole
 * application and the real JDA client against {@link FakeDiscord} on loopback. Figures only; nothing here
 * passes or fails on time.
 * <ul>
 * <li>{@link #clicks}: {@value #GAMES} games in {@value #GAMES} channels, {@value #ROUNDS} rounds each,
 * {@value #CLICKS_PER_ROUND} players clicking each round as soon as it shows ({@value #GAMES} × {@value #ROUNDS}
 * × {@value #CLICKS_PER_ROUND} = 200 clicks), with every store write taking 5 ms: the time from the
 * INTERACTION_CREATE the fake sent to the callback it received, and the bot's requests per round.</li>
 * <li>{@link #heapMegabytes}: the used heap, after full collections, of the running application logged in to
 * {@code guilds} servers of {@code channels} channels each over {@code shards} shards.</li>
 * </ul>
 */
public final class WireBench {

	static final int GAMES = 20;

	static final int ROUNDS = 2;

	static final int CLICKS_PER_ROUND = 5;

	private static final Duration STORE_DELAY = Duration.ofMillis(5);

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private WireBench() {
	}

	/** What one run of the clicks gave. */
	public record Clicks(double ackMinMs, double ackP50Ms, double ackP99Ms, double ackMaxMs, double requestsPerRound, int refusals) {
	}

	/** 200 clicks over 20 games with a 5 ms store; {@code seed} chooses the buttons. */
	public static Clicks clicks(Path dataDir, long seed) throws Exception {
		Random random = new Random(seed);
		try (FakeDiscord discord = new FakeDiscord(new FakeDiscord.Layout(1, 1, GAMES))) {
			ConfigurableApplicationContext context = WireTestCase.startApplication(dataDir, STORE_DELAY,
					"--discord.token=fake-token", "--discord.rest-url=" + discord.restUrl(), "--artwork.source=demo",
					"--game.limits.rounds=1..50", "--game.limits.round-time=2s..60s",
					"--game.limits.between-round-time=1s..60s", "--game.start-delay=0s");
			try {
				awaitUp(context);
				List<String> games = new ArrayList<>();
				for (int g = 0; g < GAMES; g++) {
					games.add(discord.slashCommand(FakeDiscord.channelId(0, g), "namethatartist",
							FakeDiscord.snowflake(500 + g), WireTestCase.PLAYER,
							Map.of("rounds", ROUNDS, "roundtime", 8, "betweenroundtime", 1)));
				}
				List<String> clicks = new ArrayList<>();
				for (int round = 1; round <= ROUNDS; round++) {
					List<String> clicked = new ArrayList<>();
					Instant deadline = Instant.now().plus(PATIENCE);
					while (clicked.size() < GAMES && Instant.now().isBefore(deadline)) {
						for (ObjectNode message : discord.messages()) {
							List<String> buttons = WireTestCase.customIds(message);
							String id = message.path("id").asString();
							if (buttons.isEmpty() || clicked.contains(id) || WireTestCase.allDisabled(message)
									|| !buttons.get(0).endsWith(":" + round + ":1")) {
								continue;
							}
							clicked.add(id);
							for (int p = 0; p < CLICKS_PER_ROUND; p++) {
								clicks.add(discord.click(id, buttons.get(random.nextInt(buttons.size())),
										FakeDiscord.snowflake(600 + p), WireTestCase.PLAYER));
							}
						}
						Thread.sleep(5);
					}
				}
				double[] acks = new double[clicks.size()];
				Instant deadline = Instant.now().plus(PATIENCE);
				for (int i = 0; i < clicks.size(); i++) {
					FakeDiscord.Interaction interaction = discord.interaction(clicks.get(i));
					while (interaction.answeredAt() == null && Instant.now().isBefore(deadline)) {
						Thread.sleep(5);
					}
					if (interaction.answeredAt() == null) {
						throw new IllegalStateException("click " + i + " was never answered");
					}
					acks[i] = Duration.between(interaction.dispatchedAt, interaction.answeredAt()).toNanos() / 1e6;
				}
				// Every round ended (its message edited) before counting the requests of rounds.
				while (discord.messages().stream().filter((m) -> !WireTestCase.customIds(m).isEmpty())
					.anyMatch((m) -> !WireTestCase.allDisabled(m)) && Instant.now().isBefore(deadline)) {
					Thread.sleep(20);
				}
				long roundRequests = discord.sent().stream()
					.filter((sent) -> sent.path().contains("/channels/") && sent.path().contains("/messages"))
					.filter((sent) -> sent.body().contains("nta:answer:"))
					.count();
				Arrays.sort(acks);
				return new Clicks(acks[0], percentile(acks, 0.50), percentile(acks, 0.99), acks[acks.length - 1],
						(double) roundRequests / (GAMES * ROUNDS), discord.refusals().size());
			}
			finally {
				context.close();
			}
		}
	}

	/**
	 * The used heap (MB, after full collections) of the application logged in to {@code guilds} servers of
	 * {@code channels} channels each over {@code shards} shards, once health counts them all.
	 */
	public static double heapMegabytes(Path dataDir, int shards, int guilds, int channels) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		HttpClient http = HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		try (FakeDiscord discord = new FakeDiscord(new FakeDiscord.Layout(shards, guilds, channels))) {
			ConfigurableApplicationContext context = WireTestCase.startApplication(dataDir, null,
					"--discord.token=fake-token", "--discord.rest-url=" + discord.restUrl(), "--artwork.source=demo");
			try {
				Instant deadline = Instant.now().plus(PATIENCE);
				JsonNode health = WireTestCase.health(context, http, json);
				while (!(health.path("status").asString().equals("UP") && health.path("details").path("guilds").asLong() == guilds)
						&& Instant.now().isBefore(deadline)) {
					Thread.sleep(100);
					health = WireTestCase.health(context, http, json);
				}
				if (health.path("details").path("guilds").asLong() != guilds) {
					throw new IllegalStateException("only " + health.path("details").path("guilds") + " of " + guilds
							+ " servers after " + PATIENCE + ": " + health);
				}
				for (int i = 0; i < 3; i++) {
					System.gc();
					Thread.sleep(200);
				}
				double used = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
				// -Dwire.bench.hold=60: time to take a class histogram (jcmd <pid> GC.class_histogram).
				if (Long.getLong("wire.bench.hold", 0) > 0) {
					System.out.println("holding: " + used + " MB");
					Thread.sleep(Long.getLong("wire.bench.hold", 0) * 1000);
				}
				return used;
			}
			finally {
				context.close();
			}
		}
	}

	private static void awaitUp(ConfigurableApplicationContext context) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		Instant deadline = Instant.now().plus(PATIENCE);
		while (!WireTestCase.health(context, http, json).path("status").asString().equals("UP")) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Discord not UP after " + PATIENCE);
			}
			Thread.sleep(50);
		}
	}

	private static double percentile(double[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/** For a quick look without the whole benchmark: {@code [clicks|heap] [guilds]}. */
	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("wire-bench");
		if (args.length == 0 || args[0].equals("clicks")) {
			System.out.println(clicks(dir.resolve("clicks"), 1));
		}
		if (args.length == 0 || args[0].equals("heap")) {
			int guilds = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
			System.out.println(heapMegabytes(dir.resolve("heap"), 10, guilds, 50) + " MB");
		}
	}

}
