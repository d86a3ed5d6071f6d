package org.namethatartist.discord;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import net.dv8tion.jda.api.requests.RestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.NameThatArtistApplication;
import org.namethatartist.game.GameListener;
import org.namethatartist.game.GameService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole application with Discord on but unusable: a token Discord refuses, or Discord unreachable.
 * The application starts and serves, and health says why Discord is down. The "Discord" here is a local
 * fake (no test reaches the internet): an HTTP server answering 401 as Discord does to a bad token, or a
 * port where nothing listens.
 */
@ExtendWith(OutputCaptureExtension.class)
class DiscordStartupTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private HttpServer fakeDiscord;

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.fakeDiscord != null) {
			this.fakeDiscord.stop(0);
		}
	}

	@Test
	void aBadTokenLeavesTheApplicationRunningAndHealthSaysDiscordRefusedIt() throws Exception {
		String discord = startFakeDiscordRefusingEveryToken();
		Instant before = Instant.now();
		this.context = start(discord, "--discord.token=bad");
		assertThat(Duration.between(before, Instant.now())).isLessThan(PATIENCE);

		JsonNode health = awaitHealth((node) -> node.path("details").path("state").asString().equals("TOKEN_REFUSED"));
		assertThat(health.path("status").asString()).isEqualTo("DOWN");
		assertThat(health.path("details").path("error").asString())
			.startsWith("Discord refused the token (401 Unauthorized)");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(503);

		// The rest runs: the game service is there, and the web server answers.
		assertThat(this.context.getBean(GameService.class).running()).isZero();
		assertThat(this.context.getBeansOfType(GameListener.class)).containsKey("discordGameRenderer");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void discordRestUrlPointsTheBotAtAStandInDiscord() throws Exception {
		String discord = startFakeDiscordRefusingEveryToken();
		// No customizer: only the production setting leads the bot to the fake.
		this.context = start(null, "--discord.token=bad", "--discord.rest-url=" + discord);
		JsonNode health = awaitHealth((node) -> node.path("details").path("state").asString().equals("TOKEN_REFUSED"));
		assertThat(health.path("details").path("error").asString())
			.startsWith("Discord refused the token (401 Unauthorized)");
	}

	@Test
	void anUnreachableDiscordIsRetriedAndHealthSaysSo() throws Exception {
		// Port 1 on the loopback: nothing listens there, so connections are refused at once.
		this.context = start("http://127.0.0.1:1/api/v10/", "--discord.token=some-token");
		JsonNode health = awaitHealth((node) -> node.path("details").path("state").asString().equals("RETRYING"));
		assertThat(health.path("status").asString()).isEqualTo("DOWN");
		assertThat(health.path("details").path("error").asString()).startsWith("Discord could not be reached: ");
		assertThat(health.path("details").has("nextAttempt")).isTrue();
	}

	@Test
	void withoutATokenDiscordIsOffAndAbsentFromHealth(CapturedOutput output) throws Exception {
		this.context = start(null, "--discord.token=");
		assertThat(this.context.getBeansOfType(DiscordConnection.class)).isEmpty();
		assertThat(get("/actuator/health/discord").statusCode()).isEqualTo(404);
		JsonNode health = this.json.readTree(get("/actuator/health").body());
		assertThat(health.path("components").has("discord")).isFalse();
		assertThat(output).contains("Discord is off: discord.token (env DISCORD_TOKEN) is empty.");
	}

	@Test
	void aBadDiscordValueStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start(null, "--discord.token=", "--discord.shards.ids=3"))
			.isInstanceOf(RuntimeException.class);
		assertThat(output.getAll().lines().filter((line) -> line.contains("Invalid configuration")).map(String::trim))
			.containsExactly("Invalid configuration: discord.shards.ids = '[3]'; allowed only with "
					+ "discord.shards.total set, since ids are numbered 0 to total - 1");
	}

	@Test
	void closingTheApplicationClosesTheConnection() throws Exception {
		String discord = startFakeDiscordRefusingEveryToken();
		this.context = start(discord, "--discord.token=bad");
		DiscordConnection connection = this.context.getBean(DiscordConnection.class);
		this.context.close();
		assertThat(connection.isRunning()).isFalse();
		assertThat(connection.status().state()).isEqualTo(DiscordConnection.State.STOPPED);
	}

	private ConfigurableApplicationContext start(String discordUrl, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--storage.data-dir=" + this.dataDir, "--spring.main.banner-mode=off", "--server.port=0",
				"--management.server.port=0", "--management.server.address=127.0.0.1",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-details=always",
				"--management.endpoint.health.probes.enabled=true"));
		SpringApplicationBuilder application = new SpringApplicationBuilder(NameThatArtistApplication.class);
		if (discordUrl != null) {
			ShardManagerCustomizer fake = (builder) -> builder.setRestConfig(new RestConfig().setBaseUrl(discordUrl));
			application.initializers((context) -> context.getBeanFactory().registerSingleton("fakeDiscord", fake));
		}
		return application.run(all.toArray(String[]::new));
	}

	/** A fake Discord REST API that refuses every request as Discord refuses a bad token. */
	private String startFakeDiscordRefusingEveryToken() throws IOException {
		this.fakeDiscord = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.fakeDiscord.createContext("/", (exchange) -> {
			byte[] body = "{\"message\": \"401: Unauthorized\", \"code\": 0}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(401, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.fakeDiscord.start();
		return "http://127.0.0.1:" + this.fakeDiscord.getAddress().getPort() + "/api/v10/";
	}

	private JsonNode awaitHealth(Predicate<JsonNode> done) {
		HttpResponse<String> response = org.awaitility.Awaitility.await("Discord's health to settle")
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> get("/actuator/health/discord"), (answer) -> done.test(this.json.readTree(answer.body())));
		assertThat(response.statusCode()).isEqualTo(503);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		int management = Integer.parseInt(this.context.getEnvironment().getProperty("local.management.port",
				String.valueOf(port)));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
