package org.namethatartist.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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

/**
 * Whole games played over HTTP with rounds of two seconds: starting, following, answering (right,
 * wrong, twice, too late), the points rule, the end and its winners, stopping, and the stats and
 * leaderboard afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebGameTests {

	private static final Duration ROUND_TIME = Duration.ofSeconds(2);

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
	void aWholeGameOverHttp() {
		Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		HttpResponse<String> started = this.api.post("/api/games",
				"{\"rounds\": 2, \"roundTime\": 2, \"betweenRoundTime\": 1, \"player\": \"Ann\"}");
		Instant answered = Instant.now();
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		JsonNode game = json(started);
		String gameId = game.path("gameId").asString();
		assertThat(started.headers().firstValue("Location")).hasValue("/api/games/" + gameId);
		assertThat(game.propertyNames()).containsExactly("gameId", "status", "round", "scores", "winners",
				"totalRounds", "roundTime", "betweenRoundTime", "phaseEndsAt", "lastRound", "stopped", "serverTime",
				"difficulty", "answers");
		assertThat(game.path("status").asString()).isEqualTo("STARTING");
		assertThat(game.path("round").isNull()).isTrue();
		assertThat(game.path("lastRound").isNull()).isTrue();
		assertThat(game.path("totalRounds").asInt()).isEqualTo(2);
		assertThat(game.path("roundTime").asInt()).isEqualTo(2);
		assertThat(game.path("betweenRoundTime").asInt()).isEqualTo(1);
		assertThat(game.path("scores").isEmpty()).isTrue();
		// The server's clock while it answered (same machine, same clock).
		assertThat(Instant.parse(game.path("serverTime").asString())).isBetween(sent, answered);
		String answers = "/api/games/" + gameId + "/answers";

		// Round 1: Ann right at once, then again; Bob wrong.
		JsonNode round = awaitRound(gameId, 1).path("round");
		// No title and no source address during the round: both can name the artist (fair play).
		assertThat(round.propertyNames()).containsExactly("number", "total", "imageUrl", "choices", "endsAt");
		assertThat(round.path("total").asInt()).isEqualTo(2);
		assertThat(round.path("imageUrl").asString()).isEqualTo("/api/games/" + gameId + "/rounds/1/image");
		assertThat(round.toString()).doesNotContain("http", "wikimedia", ".jpg");
		assertThat(round.path("choices").valueStream().map((c) -> c.path("label").asString()))
			.containsExactly("1\uFE0F\u20E3", "2\uFE0F\u20E3", "3\uFE0F\u20E3", "4\uFE0F\u20E3");
		assertThat(round.path("choices").get(0).propertyNames()).containsExactly("number", "label", "artist");
		int right = correctChoice(gameId);
		Instant endsAt = Instant.parse(round.path("endsAt").asString());
		Instant before = Instant.now();
		JsonNode ann = answer(answers, "Ann", right, 1);
		Instant after = Instant.now();
		assertThat(ann.propertyNames()).containsExactly("correct", "points", "totalScore");
		assertThat(ann.path("correct").asBoolean()).isTrue();
		// round(100 × remaining / roundTime), the remaining time taken between sending and answering.
		int points = ann.path("points").asInt();
		assertThat(points).isBetween(points(endsAt, after), points(endsAt, before)).isGreaterThan(50);
		assertThat(ann.path("totalScore").asInt()).isEqualTo(points);
		assertThat(savedAnswers(gameId)).containsEntry("web:Ann", right);
		assertError(this.api.post(answers, "{\"player\": \"Ann\", \"choice\": " + other(right) + "}"), 409)
			.isEqualTo("You already answered round 1; the first answer stands.");
		JsonNode bob = answer(answers, " Bob ", other(right), null);
		assertThat(bob.path("correct").asBoolean()).isFalse();
		assertThat(bob.path("points").asInt()).isZero();
		assertThat(bob.path("totalScore").asInt()).isZero();

		// Between the rounds: the answer, the scores, and no answers taken.
		JsonNode between = awaitStatus(gameId, "BETWEEN_ROUNDS");
		assertThat(between.path("round").isNull()).isTrue();
		JsonNode last = between.path("lastRound");
		assertThat(last.propertyNames()).containsExactly("number", "tokenName", "imageUrl", "answer", "link", "answers",
				"correctAnswers");
		assertThat(last.path("number").asInt()).isEqualTo(1);
		assertThat(last.path("tokenName").asString()).isNotBlank();
		assertThat(last.path("imageUrl").asString()).isEqualTo("/api/games/" + gameId + "/rounds/1/image");
		assertThat(last.path("answer").path("number").asInt()).isEqualTo(right);
		assertThat(last.path("answer").path("artist").asString())
			.isEqualTo(round.path("choices").get(right - 1).path("artist").asString());
		assertThat(last.path("link").asString()).startsWith("https://");
		assertThat(last.path("answers").asInt()).isEqualTo(2);
		assertThat(last.path("correctAnswers").asInt()).isEqualTo(1);
		assertThat(scores(between)).containsExactly("web:Ann=Ann=" + points, "web:Bob=Bob=0");
		assertError(this.api.post(answers, "{\"player\": \"Cy\", \"choice\": 1}"), 409)
			.isEqualTo("Round 1 is not open for answers.");

		// Round 2: a late answer to round 1, then Ann wrong and Bob right.
		awaitRound(gameId, 2);
		int right2 = correctChoice(gameId);
		assertError(this.api.post(answers, "{\"player\": \"Ann\", \"choice\": 1, \"round\": 1}"), 409)
			.isEqualTo("Round 1 is not open for answers.");
		assertThat(answer(answers, "Ann", other(right2), 2).path("totalScore").asInt()).isEqualTo(points);
		JsonNode bob2 = answer(answers, "Bob", right2, 2);
		assertThat(bob2.path("correct").asBoolean()).isTrue();
		int bobPoints = bob2.path("points").asInt();

		// The end: winners are everyone on the top score.
		JsonNode over = awaitStatus(gameId, "OVER");
		assertThat(over.path("phaseEndsAt").isNull()).isTrue();
		assertThat(over.path("stopped").asBoolean()).isFalse();
		assertThat(over.path("lastRound").path("number").asInt()).isEqualTo(2);
		List<String> winners = over.path("winners").valueStream().map((w) -> w.path("username").asString()).toList();
		if (points > bobPoints) {
			assertThat(winners).containsExactly("Ann");
		}
		else if (bobPoints > points) {
			assertThat(winners).containsExactly("Bob");
		}
		else {
			assertThat(winners).containsExactlyInAnyOrder("Ann", "Bob");
		}
		assertError(this.api.post(answers, "{\"player\": \"Ann\", \"choice\": 1}"), 404)
			.isEqualTo("No game with this id is running.");
		assertError(this.api.delete("/api/games/" + gameId), 404)
			.isEqualTo("This game is over; there is nothing to stop.");

		// Stats and leaderboard, as recorded at the end.
		JsonNode annStats = json(this.api.get("/api/players/web:Ann"));
		assertThat(annStats.path("totalGames").asInt()).isEqualTo(1);
		assertThat(annStats.path("totalScore").asInt()).isEqualTo(points);
		assertThat(annStats.path("totalCorrectAnswers").asInt()).isEqualTo(1);
		assertThat(annStats.path("totalIncorrectAnswers").asInt()).isEqualTo(1);
		assertThat(annStats.path("totalWins").asInt()).isEqualTo(winners.contains("Ann") ? 1 : 0);
		assertThat(annStats.path("gamesHistory").get(0).path("gameId").asString()).isEqualTo(gameId);
		JsonNode board = json(this.api.get("/api/leaderboard?sort=totalCorrectAnswers"));
		assertThat(board.valueStream().map((row) -> row.path("userId").asString() + "=" + row.path("value").asInt()))
			.contains("web:Ann=1", "web:Bob=1");
	}

	@Test
	void stoppingAGameRecordsWhatWasPlayedBeforeAnswering204AndNobodyWins() {
		HttpResponse<String> started = this.api.post("/api/games",
				"{\"rounds\": 5, \"roundTime\": 30, \"player\": \"Cy\"}");
		String gameId = json(started).path("gameId").asString();
		awaitRound(gameId, 1);
		int points = answer("/api/games/" + gameId + "/answers", "Cy", correctChoice(gameId), 1).path("points").asInt();

		HttpResponse<String> stopped = this.api.delete("/api/games/" + gameId);
		assertThat(stopped.statusCode()).isEqualTo(204);
		assertThat(stopped.body()).isEmpty();
		// Durable before the 204: no waiting here.
		JsonNode stats = json(this.api.get("/api/players/web:Cy"));
		assertThat(stats.path("totalGames").asInt()).isEqualTo(1);
		assertThat(stats.path("totalScore").asInt()).isEqualTo(points);
		assertThat(stats.path("totalWins").asInt()).isZero();

		JsonNode game = json(this.api.get("/api/games/" + gameId));
		assertThat(game.path("status").asString()).isEqualTo("OVER");
		assertThat(game.path("stopped").asBoolean()).isTrue();
		assertThat(game.path("winners").isEmpty()).isTrue();
		assertThat(scores(game)).containsExactly("web:Cy=Cy=" + points);
		assertError(this.api.delete("/api/games/" + gameId), 404)
			.isEqualTo("This game is over; there is nothing to stop.");
	}

	private JsonNode answer(String path, String player, int choice, Integer round) {
		HttpResponse<String> response = this.api.post(path, "{\"player\": \"" + player + "\", \"choice\": " + choice
				+ ((round != null) ? ", \"round\": " + round : "") + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	private JsonNode awaitRound(String gameId, int number) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> json(this.api.get("/api/games/" + gameId)),
					(game) -> game.path("round").path("number").asInt() == number);
	}

	private JsonNode awaitStatus(String gameId, String status) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> json(this.api.get("/api/games/" + gameId)),
					(game) -> status.equals(game.path("status").asString()));
	}

	/** The round's right button, as the game saved it (the API never tells). */
	private int correctChoice(String gameId) {
		return snapshot(gameId).currentRound().correctChoice();
	}

	private Map<String, Integer> savedAnswers(String gameId) {
		return snapshot(gameId).currentRound().answers();
	}

	private GameSnapshot snapshot(String gameId) {
		String channelId = this.games.find(gameId).orElseThrow().channelId();
		return ((StoredGame.Resumable) this.states.find(channelId).orElseThrow()).snapshot();
	}

	private static int other(int choice) {
		return (choice % 4) + 1;
	}

	private static int points(Instant endsAt, Instant answeredAt) {
		long remaining = Math.max(0, Math.min(Duration.between(answeredAt, endsAt).toMillis(), ROUND_TIME.toMillis()));
		return (int) Math.round(100.0 * remaining / ROUND_TIME.toMillis());
	}

	private static List<String> scores(JsonNode game) {
		return game.path("scores")
			.valueStream()
			.map((s) -> s.path("userId").asString() + "=" + s.path("username").asString() + "="
					+ s.path("score").asInt())
			.toList();
	}

}
