package org.namethatartist.discord.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.NameThatArtistApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the wire scenarios share: a {@link FakeDiscord}, the whole application started against it through
 * {@code discord.rest-url} on a fresh data directory (loopback and free ports only), its health, and
 * waiting for what the bot sends, bounded by {@link #PATIENCE}. Both are closed after each test.
 */
abstract class WireTestCase {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	/** View Channel and Send Messages: a player without any moderator permission. */
	static final long PLAYER = 1024 | 2048;

	@TempDir
	Path dataDir;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = JsonMapper.builder().build();

	FakeDiscord discord;

	ConfigurableApplicationContext context;

	@AfterEach
	void closeBotAndDiscord() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.discord != null) {
			this.discord.close();
		}
	}

	/** Starts a fake Discord and the application against it, and waits for health {@code discord} UP. */
	void startBot(String... args) throws Exception {
		startBot(null, args);
	}

	/** As {@link #startBot(String...)}, with every write to the stores taking {@code storeDelay} (null: none). */
	void startBot(Duration storeDelay, String... args) throws Exception {
		this.discord = new FakeDiscord();
		List<String> all = new ArrayList<>(List.of("--discord.token=fake-token",
				"--discord.rest-url=" + this.discord.restUrl()));
		all.addAll(List.of(args));
		this.context = start(storeDelay, all.toArray(String[]::new));
		await(() -> health().path("status").asString().equals("UP") ? Boolean.TRUE : null);
	}

	ConfigurableApplicationContext start(String... args) {
		return start(null, args);
	}

	ConfigurableApplicationContext start(Duration storeDelay, String... args) {
		return startApplication(this.dataDir, storeDelay, args);
	}

	/**
	 * The application on {@code dataDir}, on free loopback ports, health with its details; every write to the
	 * stores taking {@code storeDelay} (null: none).
	 */
	static ConfigurableApplicationContext startApplication(Path dataDir, Duration storeDelay, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--storage.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--server.port=0",
				"--server.address=127.0.0.1", "--management.server.port=0", "--management.server.address=127.0.0.1",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-details=always"));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(NameThatArtistApplication.class);
		if (storeDelay != null) {
			builder.initializers((context) -> context.getBeanFactory().addBeanPostProcessor(new SlowStore(storeDelay)));
		}
		return builder.run(all.toArray(String[]::new));
	}

	JsonNode health() throws Exception {
		return health(this.context, this.http, this.json);
	}

	/** {@code /actuator/health/discord} of a running application, as an admin reads it. */
	static JsonNode health(ConfigurableApplicationContext context, HttpClient http, JsonMapper json) throws Exception {
		String port = context.getEnvironment().getProperty("local.management.port");
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/discord")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	interface Probe<T> {

		T get() throws Exception;

	}

	/** The probe's first non-null answer, asked every 20 ms (Awaitility); fails after {@link #PATIENCE}. */
	<T> T await(Probe<T> probe) {
		try {
			return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(probe::get,
					Objects::nonNull);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("not within " + PATIENCE + "; the last REST requests: " + lastSent()
					+ "; refused: " + ((this.discord != null) ? this.discord.refusals() : "-"), ex);
		}
	}

	/** The interaction once the bot answered it (the fake refuses a callback after 3 s or a second one). */
	FakeDiscord.Interaction answered(String interaction) {
		return await(() -> {
			FakeDiscord.Interaction one = this.discord.interaction(interaction);
			return (one.answeredAt() != null) ? one : null;
		});
	}

	/** The first follow-up of an interaction (or the edit of its deferred answer), as the bot sent it. */
	JsonNode followUp(String interaction) {
		FakeDiscord.Sent sent = await(() -> this.discord.sent().stream()
			.filter((one) -> one.path().contains("/webhooks/") && one.path().contains("/token-" + interaction))
			.findFirst().orElse(null));
		return this.discord.body(sent);
	}

	/** The open message of a round (its buttons name that round, and are not all off), or null. */
	ObjectNode openRound(int round) {
		for (ObjectNode message : this.discord.messages()) {
			List<String> ids = customIds(message);
			if (!ids.isEmpty() && !allDisabled(message) && ids.get(0).matches("nta:(answer|type):[^:]+:" + round + "(:\\d+)?")) {
				return message;
			}
		}
		return null;
	}

	/** The buttons of a message, row after row. */
	static List<JsonNode> buttons(JsonNode message) {
		List<JsonNode> buttons = new ArrayList<>();
		for (JsonNode row : message.path("components")) {
			row.path("components").forEach(buttons::add);
		}
		return buttons;
	}

	static List<String> customIds(JsonNode message) {
		return buttons(message).stream().filter((button) -> button.has("custom_id"))
			.map((button) -> button.path("custom_id").asString()).toList();
	}

	static boolean allDisabled(JsonNode message) {
		List<JsonNode> buttons = buttons(message);
		return !buttons.isEmpty() && buttons.stream().allMatch((button) -> button.path("disabled").asBoolean(false));
	}

	/** The green (success) buttons: the right answer, once a round is over. */
	static List<JsonNode> greenButtons(JsonNode message) {
		return buttons(message).stream().filter((button) -> button.path("style").asInt() == 3).toList();
	}

	/** The last requests the bot sent, each cut to 300 characters: enough to see where a scenario stopped. */
	private String lastSent() {
		if (this.discord == null) {
			return "-";
		}
		List<FakeDiscord.Sent> sent = this.discord.sent();
		return sent.subList(Math.max(0, sent.size() - 12), sent.size()).stream()
			.map((one) -> one.method() + " " + one.path() + " " + one.body())
			.map((line) -> (line.length() > 300) ? line.substring(0, 300) + "…" : line)
			.toList()
			.toString();
	}

	static JsonNode find(JsonNode array, String name) {
		for (JsonNode node : array) {
			if (node.path("name").asString().equals(name)) {
				return node;
			}
		}
		throw new AssertionError("no " + name + " in " + array);
	}

}
