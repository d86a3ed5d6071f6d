package org.namethatartist.discord.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.NameThatArtistApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application and the real JDA client against {@link FakeDiscord}, reached through
 * {@code discord.rest-url} only: the bot logs in over the gateway (zlib-stream), health says {@code UP},
 * and the commands Discord receives are the game's.
 */
class LoginWireTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private FakeDiscord discord;

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.discord != null) {
			this.discord.close();
		}
	}

	@Test
	void theBotLogsInHealthSaysUpAndTheCommandsAreRegistered() throws Exception {
		this.discord = new FakeDiscord();
		this.context = start("--discord.token=fake-token", "--discord.rest-url=" + this.discord.restUrl());

		JsonNode health = await(() -> {
			JsonNode node = health();
			return node.path("status").asString().equals("UP") ? node : null;
		});
		assertThat(health.path("status").asString()).isEqualTo("UP");

		// IDENTIFY carried the token and no privileged intent.
		JsonNode identify = await(() -> this.discord.gatewayReceived().stream()
			.filter((payload) -> payload.path("op").asInt() == 2).findFirst().orElse(null));
		assertThat(identify.path("d").path("token").asString()).isEqualTo("fake-token");

		FakeDiscord.Sent registration = await(() -> this.discord.sent().stream()
			.filter((sent) -> sent.method().equals("PUT") && sent.path().endsWith("/commands"))
			.findFirst().orElse(null));
		assertThat(registration.path()).isEqualTo("/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands");
		JsonNode commands = this.discord.body(registration);
		List<String> names = new ArrayList<>();
		commands.forEach((command) -> names.add(command.path("name").asString()));
		assertThat(names).containsExactlyInAnyOrder("namethatartist", "leaderboard", "stats", "alltime", "stopgame",
				"settings", "help", "ping", "precache");
		// /settings is offered by default only to members with Manage Server (permission bit 5).
		assertThat(find(commands, "settings").path("default_member_permissions").asString()).isEqualTo("32");
		JsonNode play = find(commands, "namethatartist");
		JsonNode rounds = find(play.path("options"), "rounds");
		assertThat(rounds.path("type").asInt()).as("rounds is an integer option").isEqualTo(4);
		assertThat(rounds.path("min_value").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(rounds.has("max_value")).isTrue();
		JsonNode sort = find(find(commands, "alltime").path("options"), "sort");
		assertThat(sort.path("type").asInt()).as("sort is a string option").isEqualTo(3);
		List<String> choices = new ArrayList<>();
		sort.path("choices").forEach((choice) -> choices.add(choice.path("value").asString()));
		assertThat(choices).contains("totalScore", "totalWins", "averageScore", "bestScore", "accuracyRate",
				"totalGames", "totalCorrectAnswers");
	}

	@Test
	void helpOverTheGatewayIsAnsweredByOneCallback() throws Exception {
		this.discord = new FakeDiscord();
		this.context = start("--discord.token=fake-token", "--discord.rest-url=" + this.discord.restUrl());
		await(() -> health().path("status").asString().equals("UP") ? Boolean.TRUE : null);

		String id = this.discord.slashCommand("help", FakeDiscord.snowflake(200), 1024);
		FakeDiscord.Sent callback = await(() -> this.discord.sent().stream()
			.filter((sent) -> sent.path().startsWith("/api/v10/interactions/" + id + "/")).findFirst().orElse(null));
		assertThat(callback.method()).isEqualTo("POST");
		assertThat(callback.path()).isEqualTo("/api/v10/interactions/" + id + "/token-" + id + "/callback");
		JsonNode body = this.discord.body(callback);
		assertThat(body.path("type").asInt()).as("a message in answer").isEqualTo(4);
		assertThat(body.path("data").toString()).contains("/namethatartist");
	}

	private static JsonNode find(JsonNode array, String name) {
		for (JsonNode node : array) {
			if (node.path("name").asString().equals(name)) {
				return node;
			}
		}
		throw new AssertionError("no " + name + " in " + array);
	}

	private ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--storage.data-dir=" + this.dataDir, "--spring.main.banner-mode=off", "--server.port=0",
				"--server.address=127.0.0.1", "--management.server.port=0", "--management.server.address=127.0.0.1",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-details=always"));
		return new SpringApplicationBuilder(NameThatArtistApplication.class).run(all.toArray(String[]::new));
	}

	private JsonNode health() throws Exception {
		String port = this.context.getEnvironment().getProperty("local.management.port");
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/discord")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

	private interface Probe<T> {

		T get() throws Exception;

	}

	private <T> T await(Probe<T> probe) throws Exception {
		Instant deadline = Instant.now().plus(PATIENCE);
		T found = null;
		while (found == null && Instant.now().isBefore(deadline)) {
			found = probe.get();
			if (found == null) {
				Thread.sleep(50);
			}
		}
		assertThat(found).as("within %s; REST sent: %s", PATIENCE, this.discord.sent()).isNotNull();
		return found;
	}

}
