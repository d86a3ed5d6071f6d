package org.namethatartist.storage.postgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.NameThatArtistApplication;
import org.namethatartist.StorageException;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameService;
import org.namethatartist.game.Player;
import org.namethatartist.game.StartOutcome;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole application on PostgreSQL while the database goes away and comes back: health turns DOWN,
 * the {@code storage} endpoint answers 503, a new game is refused with a message and a result is not
 * acknowledged; once the database is back, all of it works again and nothing was half-written. A wrong
 * password at start-up stops it with one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresOutageTests {

	private static final GameOptions OPTIONS = new GameOptions(5, Duration.ofSeconds(15), Duration.ofSeconds(5));

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void whileTheDatabaseIsAwayHealthIsDownAndNewGamesAreRefusedThenAllComesBack() throws Exception {
		String url = TestDatabases.newDatabaseUrl();
		try (ConfigurableApplicationContext context = start(url)) {
			int management = context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
			PlayerRepository players = context.getBean(PlayerRepository.class);
			GameService games = context.getBean(GameService.class);
			players.recordResult(result("g1", 100));
			JsonNode up = getJson(management, "/actuator/health");
			assertThat(up.path("status").asString()).isEqualTo("UP");
			assertThat(up.path("components").has("db")).as("Boot's own db indicator is excluded").isFalse();
			JsonNode storage = up.path("components").path("storage");
			assertThat(storage.path("status").asString()).isEqualTo("UP");
			assertThat(storage.path("details").path("players").asLong()).isEqualTo(1);
			HttpResponse<String> endpoint = get(management, "/actuator/storage");
			assertThat(endpoint.statusCode()).isEqualTo(200);
			JsonNode status = this.json.readTree(endpoint.body());
			assertThat(status.path("backend").asString()).isEqualTo("postgres");
			assertThat(status.path("schemaVersion").asString()).isEqualTo("8");
			assertThat(status.path("rows").path("results").asLong()).isEqualTo(1);
			assertThat(status.path("pool").path("maximum").asInt()).isPositive();

			TestDatabases.refuseConnections(url);
			try {
				HttpResponse<String> down = get(management, "/actuator/health");
				assertThat(down.statusCode()).isEqualTo(503);
				JsonNode health = this.json.readTree(down.body()).path("components").path("storage");
				assertThat(health.path("status").asString()).isEqualTo("DOWN");
				// The first check may meet a pooled connection the server just closed; later ones find no way in.
				assertThat(health.path("details").path("error").asString()).contains("FATAL");
				HttpResponse<String> away = get(management, "/actuator/storage");
				assertThat(away.statusCode()).isEqualTo(503);
				assertThat(this.json.readTree(away.body()).path("error").asString())
					.startsWith("PostgreSQL does not answer: FATAL: ")
					.doesNotContain("\n");

				StartOutcome refused = games.start("c1", "guild-1", new Player("u1", "Ann"), OPTIONS);
				assertThat(refused).isInstanceOfSatisfying(StartOutcome.Unavailable.class,
						(unavailable) -> assertThat(unavailable.reason())
							.startsWith("The game could not be saved, so it did not start")
							.doesNotContain("\tat ")
							.doesNotContain("password"));
				assertThat(games.findByChannel("c1")).isEmpty();
				assertThatThrownBy(() -> players.recordResult(result("g2", 50))).isInstanceOf(StorageException.class)
					.hasMessageContaining("nothing was recorded");
			}
			finally {
				TestDatabases.allowConnections(url);
			}

			// A pooled connection the server closed fails once and is dropped; within seconds the pool has new ones.
			JsonNode back = getJson(management, "/actuator/health");
			for (int attempt = 0; attempt < 20 && !"UP".equals(back.path("status").asString()); attempt++) {
				Thread.sleep(250);
				back = getJson(management, "/actuator/health");
			}
			assertThat(back.path("status").asString()).as(back.toString()).isEqualTo("UP");
			assertThat(players.find("u1").orElseThrow().totalScore()).isEqualTo(100);
			assertThat(players.find("u1").orElseThrow().totalGames()).isEqualTo(1);
			assertThat(players.recordResult(result("g2", 50)).totalScore()).isEqualTo(150);
			assertThat(games.start("c1", "guild-1", new Player("u1", "Ann"), OPTIONS))
				.isInstanceOf(StartOutcome.Started.class);
			games.stop("c1", new Player("u1", "Ann"), false);
		}
	}

	@Test
	void aWrongPasswordStopsStartUpWithOneLine(CapturedOutput output) throws IOException {
		String url = TestDatabases.newDatabaseUrl();
		JdbcClient admin = JdbcClient.create(TestDatabases.server().getPostgresDatabase());
		String role = "nta_password_test";
		admin.sql("CREATE ROLE " + role + " LOGIN PASSWORD 'the-right-one'").update();
		// Password checks for this role only; the other tests' connections keep trust.
		Path hba = Path.of(admin.sql("SHOW hba_file").query(String.class).single());
		String before = Files.readString(hba);
		Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role
				+ " ::1/128 scram-sha-256\n" + before);
		admin.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
		String plainUrl = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		try {
			assertThatThrownBy(() -> start(plainUrl, "--spring.datasource.username=" + role,
					"--spring.datasource.password=not-the-right-one"))
				.isInstanceOf(RuntimeException.class);
			List<String> report = output.getAll().lines().filter((line) -> line.startsWith("Storage could not start")).toList();
			assertThat(report).hasSize(1);
			assertThat(report.get(0)).isEqualTo("Storage could not start: PostgreSQL at " + plainUrl
					+ " could not be opened: FATAL: password authentication failed for user \"" + role + "\"");
			assertThat(output.getAll()).doesNotContain("not-the-right-one");

			// A password written into the URL instead is not shown either.
			assertThatThrownBy(() -> start(plainUrl + "?user=" + role + "&password=in-the-url-and-wrong"))
				.isInstanceOf(RuntimeException.class);
			assertThat(output.getAll().lines().filter((line) -> line.startsWith("Storage could not start")).toList())
				.last()
				.isEqualTo("Storage could not start: PostgreSQL at " + plainUrl + "?user=" + role
						+ "&password=(hidden) could not be opened: FATAL: password authentication failed for user \""
						+ role + "\"");
			assertThat(output.getAll()).doesNotContain("in-the-url-and-wrong");
		}
		finally {
			Files.writeString(hba, before);
			admin.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
		}
	}

	private ConfigurableApplicationContext start(String url, String... more) {
		List<String> args = new ArrayList<>(List.of("--storage.backend=postgres", "--spring.datasource.url=" + url,
				"--spring.datasource.hikari.connection-timeout=1s",
				"--storage.data-dir=" + this.dataDir, "--artwork.source=demo", "--server.port=0",
				"--server.address=127.0.0.1", "--management.server.port=0", "--management.server.address=127.0.0.1",
				"--management.endpoints.web.exposure.include=health,storage",
				"--management.endpoint.health.show-details=always"));
		args.addAll(List.of(more));
		if (args.stream().noneMatch((arg) -> arg.startsWith("--spring.datasource.username="))) {
			args.add("--spring.datasource.username=postgres");
		}
		return new SpringApplicationBuilder(NameThatArtistApplication.class)
			.properties(Map.of("spring.main.banner-mode", "off"))
			.run(args.toArray(String[]::new));
	}

	private static GameResult result(String game, int score) {
		return new GameResult(game, "u1", "Ann", "guild-1", score, true, 1, 0, Instant.parse("2026-11-27T10:00:00Z"));
	}

	private JsonNode getJson(int port, String path) throws IOException, InterruptedException {
		return this.json.readTree(get(port, path).body());
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
