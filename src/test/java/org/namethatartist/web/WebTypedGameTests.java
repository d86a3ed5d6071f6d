package org.namethatartist.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.game.GameService;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.StoredGame;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.namethatartist.web.ApiClient.assertError;
import static org.namethatartist.web.ApiClient.json;

/** Difficulty and typed answers over HTTP, on the demo catalogue and its bundled aliases. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebTypedGameTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		WebTestProperties.register(registry, dataDir);
	}

	@LocalServerPort
	int port;

	@Autowired
	GameService games;

	@Autowired
	GameStateRepository states;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void aTypedGameTakesTextAndSaysHowItMatched() {
		HttpResponse<String> started = this.api.post("/api/games",
				"{\"rounds\": 1, \"roundTime\": 30, \"difficulty\": \"hard\", \"answers\": \"typed\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		JsonNode game = json(started);
		assertThat(game.path("difficulty").asString()).isEqualTo("hard");
		assertThat(game.path("answers").asString()).isEqualTo("typed");
		String gameId = game.path("gameId").asString();
		JsonNode round = awaitRound(gameId);
		assertThat(round.path("round").path("choices").isEmpty()).as("no list of artists").isTrue();
		String path = "/api/games/" + gameId + "/answers";

		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 1}"), 400)
			.isEqualTo("This game is played by typing the artist's name: send text, not choice.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"text\": \" \"}"), 400)
			.startsWith("text is required");

		String artist = rightArtist(gameId);
		String name = this.games.find(gameId).orElseThrow().round().choices().stream()
			.filter((c) -> c.artistId().equals(artist)).findFirst().orElseThrow().artistName();
		HttpResponse<String> right = this.api.post(path, "{\"player\": \"Ann\", \"text\": \"" + name.toUpperCase() + "\"}");
		assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
		JsonNode answer = json(right);
		assertThat(answer.propertyNames()).containsExactly("correct", "points", "totalScore", "matched");
		assertThat(answer.path("correct").asBoolean()).isTrue();
		assertThat(answer.path("matched").asString()).isEqualTo("exact");
		// 1.5 × the buttons' points, which are at most 100.
		assertThat(answer.path("points").asInt()).isBetween(101, 150);

		JsonNode wrong = json(this.api.post(path, "{\"player\": \"Bob\", \"text\": \"Nobody At All\"}"));
		assertThat(wrong.path("correct").asBoolean()).isFalse();
		assertThat(wrong.path("matched").asString()).isEqualTo("none");
		assertError(this.api.post(path, "{\"player\": \"Bob\", \"text\": \"" + name + "\"}"), 409)
			.contains("already answered");
	}

	@Test
	void aButtonsGameRefusesTextAndBadOptionsAreNamed() {
		HttpResponse<String> started = this.api.post("/api/games", "{\"rounds\": 1, \"roundTime\": 30}");
		JsonNode game = json(started);
		assertThat(game.path("difficulty").asString()).isEqualTo("normal");
		assertThat(game.path("answers").asString()).isEqualTo("buttons");
		String gameId = game.path("gameId").asString();
		awaitRound(gameId);
		assertError(this.api.post("/api/games/" + gameId + "/answers", "{\"player\": \"Ann\", \"text\": \"x\"}"), 400)
			.isEqualTo("This game is played with buttons: send choice, the number of the button, not text.");
		assertError(this.api.post("/api/games", "{\"difficulty\": \"brutal\"}"), 400)
			.isEqualTo("difficulty must be one of easy, normal, hard, not brutal.");
		assertError(this.api.post("/api/games", "{\"answers\": \"voice\"}"), 400)
			.isEqualTo("answers must be one of buttons, typed, not voice.");
		assertError(this.api.post("/api/games", "{\"answers\": 2}"), 400).startsWith("answers must be a string");
	}

	private JsonNode awaitRound(String gameId) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> json(this.api.get("/api/games/" + gameId)), (g) -> g.path("round").path("number").asInt() == 1);
	}

	private String rightArtist(String gameId) {
		String channelId = this.games.find(gameId).orElseThrow().channelId();
		GameSnapshot.RoundSnapshot round = ((StoredGame.Resumable) this.states.find(channelId).orElseThrow()).snapshot()
			.currentRound();
		return round.choices().get(round.correctChoice() - 1);
	}

}
