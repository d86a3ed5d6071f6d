package org.namethatartist.web;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameService;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.Player;
import org.namethatartist.game.StartOutcome;
import org.namethatartist.game.StopOutcome;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.namethatartist.web.ApiClient.assertError;
import static org.namethatartist.web.ApiClient.json;

/**
 * The API on a real port: stats, leaderboards and the configuration as DESIGN.md shapes them, and every
 * kind of bad request answered 4xx with {@code {"error": …}} saying what is wrong, never a trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(WebApiTests.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
// Closed after the class, before JUnit deletes the temp data directory under its open stores.
@DirtiesContext
class WebApiTests {

	private static final String LEGACY_ID = "900000000000000001";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		// A players.json the original wrote before it counted answers: imported when the stores open.
		Files.writeString(dataDir.resolve("players.json"), """
				{
				  "%1$s": {
				    "userId": "%1$s", "username": "old_timer", "totalGames": 1, "totalWins": 1, "totalScore": 250,
				    "averageScore": 250, "bestScore": 250, "totalCorrectAnswers": 0, "totalIncorrectAnswers": 0,
				    "totalAnswers": 0, "accuracyRate": 0,
				    "gamesHistory": [ { "date": "2024-01-01T10:00:00.000Z", "score": 250, "isWinner": true } ]
				  }
				}
				""".formatted(LEGACY_ID));
		WebTestProperties.register(registry, dataDir);
	}

	@LocalServerPort
	int port;

	@Autowired
	PlayerRepository players;

	@Autowired
	GameService games;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
		this.players.recordResult(result("g1", "web:Ann", "Ann", "123", 180, true, 2, 0));
		this.players.recordResult(result("g1", "web:Bob", "Bob", "123", 40, false, 1, 1));
		this.players.recordResult(result("g2", "web:Bob", "Bob", null, 90, true, 1, 0));
	}

	// GET /api/players/{userId}

	@Test
	void playerStatsHaveThePlayersJsonShape() {
		HttpResponse<String> response = this.api.get("/api/players/web:Ann");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		JsonNode ann = json(response);
		assertThat(ann.propertyNames()).containsExactly("userId", "username", "totalGames", "totalWins", "totalScore",
				"averageScore", "bestScore", "totalCorrectAnswers", "totalIncorrectAnswers", "totalAnswers",
				"accuracyRate", "gamesHistory", "periods");
		assertThat(ann.path("userId").asString()).isEqualTo("web:Ann");
		assertThat(ann.path("username").asString()).isEqualTo("Ann");
		assertThat(ann.path("totalScore").asLong()).isEqualTo(180);
		assertThat(ann.path("accuracyRate").asInt()).isEqualTo(100);
		JsonNode game = ann.path("gamesHistory").get(0);
		assertThat(game.propertyNames()).containsExactly("date", "score", "isWinner", "correctAnswers",
				"incorrectAnswers", "gameId");
		assertThat(game.path("date").asString()).isEqualTo("2026-11-27T10:00:00.000Z");
		assertThat(game.path("isWinner").asBoolean()).isTrue();
		assertThat(game.path("correctAnswers").asInt()).isEqualTo(2);
		assertThat(game.path("gameId").asString()).isEqualTo("g1");
	}

	@Test
	void historyEntriesOfTheOriginalLeaveOutTheMembersTheyLack() {
		JsonNode old = json(this.api.get("/api/players/" + LEGACY_ID));
		assertThat(old.path("gamesHistory").get(0).propertyNames()).containsExactly("date", "score", "isWinner");
	}

	@Test
	void perServerStatsCountOnlyThatServersGames() {
		HttpResponse<String> response = this.api.get("/api/players/web:Bob?guild=123");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("totalGames").asInt()).isEqualTo(1);
		assertThat(json(this.api.get("/api/players/web:Bob")).path("totalGames").asInt()).isEqualTo(2);
		assertThat(json(this.api.get("/api/players/web:Bob?guild=")).path("totalGames").asInt()).isEqualTo(2);
		assertError(this.api.get("/api/players/web:Bob?guild=456"), 404)
			.isEqualTo("No stats for this player in this server: they have not finished a game there.");
		assertError(this.api.get("/api/players/web:Bob?guild=abc"), 400)
			.isEqualTo("guild must be a Discord server id (up to 20 digits), not 'abc'.");
	}

	@Test
	void unknownPlayersAre404() {
		assertError(this.api.get("/api/players/web:Nobody"), 404)
			.isEqualTo("No stats for this player: they have not finished a game.");
		assertError(this.api.get("/api/players/" + "x".repeat(101)), 404).isEqualTo("No player has an id that long.");
	}

	@Test
	void idsWithSpacesAndPunctuationAreFoundWhenEncoded() {
		String id = "web:a b;c?d%e#f é&g+h";
		this.players.recordResult(result("g3", id, id.substring(4), null, 5, true, 1, 0));
		String encoded = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
		HttpResponse<String> response = this.api.get("/api/players/" + encoded);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("userId").asString()).isEqualTo(id);
	}

	// GET /api/leaderboard

	@Test
	void leaderboardRanksByTotalScoreByDefault() {
		HttpResponse<String> response = this.api.get("/api/leaderboard");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode rows = json(response);
		assertThat(rows.get(0).propertyNames()).containsExactly("rank", "userId", "username", "value", "totalGames",
				"totalWins", "totalScore", "averageScore", "bestScore", "totalCorrectAnswers", "totalIncorrectAnswers",
				"totalAnswers", "accuracyRate");
		assertThat(rows.valueStream().map((row) -> row.path("userId").asString())).startsWith(LEGACY_ID, "web:Ann",
				"web:Bob");
		assertThat(rows.get(1).path("rank").asInt()).isEqualTo(2);
		assertThat(rows.get(1).path("value").asLong()).isEqualTo(180);
		assertThat(json(this.api.get("/api/leaderboard?sort=&limit=&guild=")).size()).isEqualTo(rows.size());
	}

	@Test
	void everySortKeyRanksByItsMember() {
		for (LeaderboardSort sort : LeaderboardSort.values()) {
			HttpResponse<String> response = this.api.get("/api/leaderboard?limit=100&sort=" + sort.key());
			assertThat(response.statusCode()).as(sort.key()).isEqualTo(200);
			for (JsonNode row : json(response)) {
				assertThat(row.path("value").asLong()).as(sort.key()).isEqualTo(row.path(sort.key()).asLong());
			}
		}
	}

	@Test
	void leaderboardTakesALimitAndAServer() {
		assertThat(json(this.api.get("/api/leaderboard?limit=1")).size()).isEqualTo(1);
		JsonNode server = json(this.api.get("/api/leaderboard?guild=123&sort=totalGames"));
		assertThat(server.valueStream().map((row) -> row.path("userId").asString())).containsExactly("web:Ann",
				"web:Bob");
		assertThat(json(this.api.get("/api/leaderboard?guild=999")).isEmpty()).isTrue();
	}

	@ParameterizedTest
	@MethodSource
	void badLeaderboardParametersAre400(String query, String message) {
		assertError(this.api.get("/api/leaderboard?" + query), 400).isEqualTo(message);
	}

	static Stream<Arguments> badLeaderboardParametersAre400() {
		String keys = "totalScore, totalWins, averageScore, bestScore, accuracyRate, totalGames, totalCorrectAnswers";
		String guild = "guild must be a Discord server id (up to 20 digits), not ";
		return Stream.of(Arguments.of("sort=points", "sort must be one of " + keys + ", not 'points'."),
				Arguments.of("sort=totalscore", "sort must be one of " + keys + ", not 'totalscore'."),
				Arguments.of("limit=0", "limit must be within 1..100, not 0."),
				Arguments.of("limit=101", "limit must be within 1..100, not 101."),
				Arguments.of("limit=-1", "limit must be within 1..100, not -1."),
				Arguments.of("limit=99999999999999999999", "limit must be within 1..100, not 99999999999999999999."),
				Arguments.of("limit=ten", "limit must be a whole number within 1..100, not 'ten'."),
				Arguments.of("limit=1.5", "limit must be a whole number within 1..100, not '1.5'."),
				Arguments.of("guild=my-server", guild + "'my-server'."),
				Arguments.of("guild=%E2%80%AE1", guild + "'\uFFFD1'."));
	}

	// GET /api/config

	@Test
	void configGivesTheBoundsInSeconds() {
		HttpResponse<String> response = this.api.get("/api/config");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"playEnabled\":true,\"rounds\":{\"min\":1,\"max\":50,\"default\":20},"
				+ "\"roundTime\":{\"min\":1,\"max\":60,\"default\":15},\"betweenRoundTime\":{\"min\":1,\"max\":60,"
				+ "\"default\":5},\"choices\":4,\"maxNameLength\":32}");
	}

	// POST /api/games: every bad body

	@ParameterizedTest
	@MethodSource
	void badGameBodiesAre400WithWhatIsWrong(String body, String message) {
		assertError(this.api.post("/api/games", body), 400).isEqualTo(message);
	}

	static Stream<Arguments> badGameBodiesAre400WithWhatIsWrong() {
		String allowed = "allowed: rounds, roundTime, betweenRoundTime, player, difficulty, answers.";
		String object = "The body must be a JSON object such as {\"rounds\": …, \"roundTime\": …, "
				+ "\"betweenRoundTime\": …, \"player\": …, \"difficulty\": …, \"answers\": …}, not ";
		String tooLong = "player must be at most 32 characters, not 33.";
		String forbidden = "player must not contain control or text-direction characters ";
		return Stream.of(Arguments.of("{", "The body is not valid JSON: it ends too early (line 1, column 2)."),
				Arguments.of("{\"rounds\": 5,}", "The body is not valid JSON: unexpected text (line 1, column 14)."),
				Arguments.of("{'rounds': 5}", "The body is not valid JSON: unexpected text (line 1, column 2)."),
				Arguments.of("{} {}", "The body is not valid JSON: something follows the object (line 1, column 4)."),
				Arguments.of("{\"rounds\": 5, \"rounds\": 6}",
						"The body is not valid JSON: a member is named twice (line 1, column 23)."),
				Arguments.of("[".repeat(2000),
						"The body is not valid JSON: it is nested too deeply or holds a value too long."),
				Arguments.of("[]", object + "an array."), Arguments.of("\"rounds\"", object + "a string."),
				Arguments.of("5", object + "5."), Arguments.of("null", object + "null."),
				Arguments.of("true", object + "true."),
				Arguments.of("{\"rounds\": \"5\"}", "rounds must be a whole number, not a string."),
				Arguments.of("{\"rounds\": 5.5}", "rounds must be a whole number, not 5.5."),
				Arguments.of("{\"rounds\": 5.0}", "rounds must be a whole number, not 5.0."),
				Arguments.of("{\"rounds\": 1e1}", "rounds must be a whole number, not 10.0."),
				Arguments.of("{\"rounds\": true}", "rounds must be a whole number, not true."),
				Arguments.of("{\"rounds\": null}", "rounds must be a whole number, not null."),
				Arguments.of("{\"rounds\": [5]}", "rounds must be a whole number, not an array."),
				Arguments.of("{\"roundTime\": {\"s\": 5}}", "roundTime must be a whole number, not an object."),
				Arguments.of("{\"rounds\": 5, \"colour\": \"red\"}", "Unknown member 'colour'; " + allowed),
				Arguments.of("{\"Rounds\": 5, \"time\": 5}", "Unknown members 'Rounds', 'time'; " + allowed),
				Arguments.of("{\"rounds\": 0}", "rounds must be within 1..50, not 0."),
				Arguments.of("{\"rounds\": 51}", "rounds must be within 1..50, not 51."),
				Arguments.of("{\"rounds\": 2147483648}", "rounds must be within 1..50, not 2147483648."),
				Arguments.of("{\"rounds\": 99999999999999999999999}",
						"rounds must be within 1..50, not 99999999999999999999999."),
				Arguments.of("{\"roundTime\": 0}", "roundTime must be within 1s..60s, not 0s."),
				Arguments.of("{\"roundTime\": 600}", "roundTime must be within 1s..60s, not 600s."),
				Arguments.of("{\"roundTime\": -9223372036854775809}",
						"roundTime must be within 1s..60s, not -9223372036854775809s."),
				Arguments.of("{\"betweenRoundTime\": 61}", "betweenRoundTime must be within 1s..60s, not 61s."),
				Arguments.of("{\"player\": 5}", "player must be a string, not 5."),
				Arguments.of("{\"player\": null}", "player must be a string, not null."),
				Arguments.of("{\"player\": \"\"}", "player must not be empty."),
				Arguments.of("{\"player\": \" \\t\\u3000 \"}", "player must not be empty."),
				Arguments.of("{\"player\": \"" + "a".repeat(33) + "\"}", tooLong),
				Arguments.of("{\"player\": \"" + "🎨".repeat(33) + "\"}", tooLong),
				Arguments.of("{\"player\": \"a\\u0000b\"}", forbidden + "(U+0000 at character 2)."),
				Arguments.of("{\"player\": \"a\\nb\"}", forbidden + "(U+000A at character 2)."),
				Arguments.of("{\"player\": \"abc\\u202Egpj.exe\"}", forbidden + "(U+202E at character 4)."),
				Arguments.of("{\"player\": \"\\u2067Ann\"}", forbidden + "(U+2067 at character 1)."),
				Arguments.of("{\"player\": \"a\\ud800b\"}", forbidden + "(U+D800 at character 2)."),
				Arguments.of("{\"player\": \"AC/DC\"}",
						"player must not contain / or \\: it is part of the player's web address."));
	}

	@Test
	void aNameOf32EmojiIsAcceptedAndAnEmptyBodyTakesTheDefaults() {
		HttpResponse<String> started = this.api.post("/api/games",
				"{\"player\": \"  " + "🎨".repeat(32) + "  \", \"rounds\": 1, \"roundTime\": 60}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		stop(json(started).path("gameId").asString());
		HttpResponse<String> defaults = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(defaults.statusCode()).as(defaults.body()).isEqualTo(201);
		JsonNode game = json(defaults);
		assertThat(game.path("totalRounds").asInt()).isEqualTo(20);
		assertThat(game.path("roundTime").asInt()).isEqualTo(15);
		assertThat(game.path("betweenRoundTime").asInt()).isEqualTo(5);
		stop(game.path("gameId").asString());
	}

	@Test
	void bodiesOverTheLimitAre413() throws IOException {
		String big = "{\"player\": \"" + "a".repeat(JsonBody.MAX_BYTES) + "\"}";
		assertError(this.api.post("/api/games", big), 413)
			.isEqualTo("The body is larger than 16 KB; this API's bodies are a few dozen bytes.");
		// Exactly at the limit is fine: this one gets as far as looking for the game.
		String padded = "{\"player\": \"Ann\", \"choice\": 1}";
		padded = padded + " ".repeat(JsonBody.MAX_BYTES - padded.length());
		assertError(this.api.post("/api/games/nosuchgame/answers", padded), 404).isEqualTo("No game with this id.");
	}

	@Test
	void anAnnouncedTenMegabyteBodyIsRefusedBeforeItIsSent() throws IOException {
		// The head announces 10 MB and only 1 KB follows: an answer means nobody waited for the rest.
		String answer = this.api.raw("POST /api/games HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 10485760\r\n\r\n", new byte[1024]);
		assertThat(answer).startsWith("HTTP/1.1 413 ")
			.contains("{\"error\":\"The body is larger than 16 KB; this API's bodies are a few dozen bytes.\"}");
	}

	@Test
	void aChunkedBodyIsCutAtTheLimitWithoutReadingTheRest() throws IOException {
		// 160 KB of chunks of a body that never ends: the answer comes while the client is still sending.
		byte[] chunks = ("2000\r\n" + " ".repeat(0x2000) + "\r\n").repeat(20).getBytes(StandardCharsets.US_ASCII);
		String answer = this.api.raw("POST /api/games HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n", chunks);
		assertThat(answer).startsWith("HTTP/1.1 413 ").contains("The body is larger than 16 KB");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/xml" })
	void bodiesThatAreNotJsonAre415(String contentType) {
		HttpResponse<String> response = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertError(response, 415).startsWith("Content-Type must be application/json, not ");
	}

	@Test
	void aBodyWithoutContentTypeOrInAnotherCharsetIs415() {
		HttpResponse<String> none = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"rounds\": 1}")));
		assertError(none, 415).isEqualTo("A request body needs the header Content-Type: application/json.");
		HttpResponse<String> latin = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games"))
			.header("Content-Type", "application/json; charset=ISO-8859-1")
			.POST(HttpRequest.BodyPublishers.ofString("{\"rounds\": 1}")));
		assertError(latin, 415).isEqualTo("The body must be UTF-8 JSON, not ISO-8859-1.");
		HttpResponse<String> garbage = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games"))
			.header("Content-Type", "???")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertError(garbage, 415).isEqualTo("Content-Type must be application/json, and this one does not parse.");
		HttpResponse<String> notUtf8 = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { '{', '"', (byte) 0xFF, '"', ':', '1', '}' })));
		assertError(notUtf8, 400).isEqualTo("The body is not valid JSON: it is not UTF-8 text (line 1, column 5).");
	}

	// Answers and stops: bad input and games that are not web games

	@Test
	void badAnswersAre400And404() {
		String gameId = startOneLongRound();
		String path = "/api/games/" + gameId + "/answers";
		assertError(this.api.post(path, "{\"player\": \"Ann\"}"), 400)
			.isEqualTo("choice is required: the number of the button, 1..4.");
		assertError(this.api.post(path, "{\"choice\": 1}"), 400)
			.isEqualTo("player is required: your name, 1 to 32 characters.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": \"1\"}"), 400)
			.isEqualTo("choice must be a whole number, not a string.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 1.5}"), 400)
			.isEqualTo("choice must be a whole number, not 1.5.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 5}"), 400)
			.isEqualTo("choice must be within 1..4, not 5.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 0}"), 400)
			.isEqualTo("choice must be within 1..4, not 0.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 99999999999}"), 400)
			.isEqualTo("choice must be within 1..4, not 99999999999.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 1, \"round\": 0}"), 400)
			.isEqualTo("round must be a round's number, 1 or more, not 0.");
		assertError(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 1, \"user\": \"x\"}"), 400)
			.isEqualTo("Unknown member 'user'; allowed: player, choice, round, text.");
		assertError(this.api.post(path, "{\"player\": \"\\u202EAnn\", \"choice\": 1}"), 400)
			.isEqualTo("player must not contain control or text-direction characters (U+202E at character 1).");
		assertError(this.api.post(path, "[1]"), 400).isEqualTo("The body must be a JSON object such as "
				+ "{\"player\": …, \"choice\": …, \"round\": …, \"text\": …}, not an array.");
		// None of these counted: the first real answer is taken.
		assertThat(this.api.post(path, "{\"player\": \"Ann\", \"choice\": 1}").statusCode()).isEqualTo(200);
		stop(gameId);
	}

	@Test
	void unknownGameIdsAre404() {
		assertError(this.api.get("/api/games/nosuchgame"), 404).isEqualTo("No game with this id.");
		assertError(this.api.get("/api/games/no.such:game"), 404).isEqualTo("No game with this id.");
		assertError(this.api.get("/api/games/" + "a".repeat(65)), 404).isEqualTo("No game with this id.");
		assertError(this.api.post("/api/games/nosuchgame/answers", "{\"player\": \"Ann\", \"choice\": 1}"), 404)
			.isEqualTo("No game with this id.");
		assertError(this.api.delete("/api/games/nosuchgame"), 404).isEqualTo("No game with this id.");
	}

	@Test
	void discordGamesCannotBeSeenAnsweredOrStoppedFromTheWeb() {
		StartOutcome outcome = this.games.start("discord-channel-1", "123", new Player("42", "Dee"),
				new GameOptions(1, Duration.ofSeconds(60), Duration.ofSeconds(1)));
		String gameId = ((StartOutcome.Started) outcome).game().gameId();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.games.find(gameId).orElseThrow().status() == GameStatus.ROUND);
		assertError(this.api.get("/api/games/" + gameId), 404).isEqualTo("No game with this id.");
		assertError(this.api.post("/api/games/" + gameId + "/answers", "{\"player\": \"Eve\", \"choice\": 1}"), 404)
			.isEqualTo("No game with this id.");
		assertError(this.api.delete("/api/games/" + gameId), 404).isEqualTo("No game with this id.");
		assertThat(this.games.find(gameId).orElseThrow().scores()).isEmpty();
		assertThat(this.games.stop("discord-channel-1", new Player("42", "Dee"), false))
			.isInstanceOf(StopOutcome.Stopped.class);
	}

	// Spring's errors, Tomcat's errors, /error

	@Test
	void wrongMethodsAre405WithTheAllowedOnes() {
		HttpResponse<String> put = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games"))
			.PUT(HttpRequest.BodyPublishers.ofString("{}")));
		assertError(put, 405).isEqualTo("Method PUT is not allowed on /api/games; allowed: POST.");
		assertThat(put.headers().firstValue("Allow")).hasValue("POST");
		assertThat(this.api.delete("/api/config").headers().allValues("Allow")).singleElement()
			.satisfies((allow) -> assertThat(allow.split(", ?")).containsExactlyInAnyOrder("GET", "HEAD"));
		assertError(this.api.delete("/api/leaderboard"), 405)
			.isEqualTo("Method DELETE is not allowed on /api/leaderboard; allowed: GET, HEAD.");
		assertError(this.api.send(HttpRequest.newBuilder(this.api.uri("/api/games/abc"))
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))), 405)
			.isEqualTo("Method PATCH is not allowed on /api/games/abc; allowed: DELETE, GET, HEAD.");
	}

	@Test
	void unknownApiPathsAre404Json() {
		assertError(this.api.get("/api/nope"), 404).isEqualTo("No API endpoint at GET /api/nope.");
		assertError(this.api.post("/api/nope", "{}"), 404).isEqualTo("No API endpoint at POST /api/nope.");
		assertError(this.api.get("/api"), 404).isEqualTo("No API endpoint at GET /api.");
		assertError(this.api.get("/api/leaderboard/"), 404).isEqualTo("No API endpoint at GET /api/leaderboard/.");
		assertError(this.api.delete("/api/players"), 404).isEqualTo("No API endpoint at DELETE /api/players.");
	}

	@Test
	void anAcceptHeaderWithoutJsonIs406Json() {
		HttpResponse<String> response = this.api.send(HttpRequest.newBuilder(this.api.uri("/api/leaderboard"))
			.header("Accept", "text/html"));
		assertError(response, 406)
			.isEqualTo("This API answers in application/json only; the Accept header must allow it.");
	}

	@Test
	void pathsTomcatRefusesAreAnswered400JsonUnderApiAndAsAPageElsewhere() throws IOException {
		String message = "{\"error\":\"Bad request: the path, the parameters or the headers are malformed.\"}";
		for (String path : List.of("/api/players/web:a%2Fb", "/api/players/web:a%5Cb", "/api/players/%zz",
				"/api/players/%")) {
			String answer = this.api.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
			assertThat(answer).as(path).startsWith("HTTP/1.1 400 ").contains("application/json").endsWith(message);
		}
		String page = this.api.raw("GET /a%2Fb.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				new byte[0]);
		assertThat(page).startsWith("HTTP/1.1 400 ").contains("text/html").contains("<h1>400 Bad Request</h1>");
		ApiClient.assertNoTrace(page);
	}

	@Test
	void unexpectedFailuresAre500WithoutDetailsAndLogged(CapturedOutput output) {
		assertError(this.api.get("/api/test/boom"), 500).isEqualTo("Internal error; it has been logged.");
		assertThat(output).contains("Unexpected error answering GET /api/test/boom")
			.contains("IllegalStateException: secret detail");
		// A filter's failure never reaches the controllers' advice: the container sends it to /error.
		assertError(this.api.get("/api/test/filter-boom"), 500).isEqualTo("Internal error; it has been logged.");
		assertThat(output).contains("Unexpected error answering GET /api/test/filter-boom");
	}

	@Test
	void theErrorPathItselfAndUnknownPagesAnswerAPlainPage() {
		for (String path : List.of("/error", "/nope.html", "/actuator/health")) {
			HttpResponse<String> response = this.api.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
			assertThat(response.body()).contains("There is no page here.");
			ApiClient.assertNoTrace(response.body());
		}
	}

	// Pages

	@Test
	void pagesAreServedWithAStrictContentSecurityPolicy() {
		for (String path : List.of("/", "/index.html", "/player.html", "/play.html", "/app.css", "/app.js",
				"/index.js", "/player.js", "/play.js")) {
			HttpResponse<String> response = this.api.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Security-Policy"))
				.hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		assertThat(this.api.get("/").body()).contains("<title>Leaderboard · Name That Artist</title>");
		assertThat(this.api.get("/api/config").headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void noPageScriptParsesTextAsHtml() {
		for (String script : List.of("/app.js", "/index.js", "/player.js", "/play.js")) {
			assertThat(this.api.get(script).body()).as(script)
				.doesNotContain("innerHTML")
				.doesNotContain("outerHTML")
				.doesNotContain("insertAdjacentHTML")
				.doesNotContain("document.write")
				.doesNotContain("eval(");
		}
		for (String page : List.of("/", "/player.html", "/play.html")) {
			assertThat(this.api.get(page).body()).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
				.doesNotContain("http://")
				.doesNotContain("https://");
		}
	}

	private String startOneLongRound() {
		HttpResponse<String> started = this.api.post("/api/games", "{\"rounds\": 1, \"roundTime\": 60}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		String gameId = json(started).path("gameId").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "ROUND".equals(json(this.api.get("/api/games/" + gameId)).path("status").asString()));
		return gameId;
	}

	private void stop(String gameId) {
		assertThat(this.api.delete("/api/games/" + gameId).statusCode()).isEqualTo(204);
	}

	private static GameResult result(String gameId, String userId, String name, String guild, int score, boolean won,
			int correct, int incorrect) {
		return new GameResult(gameId, userId, name, guild, score, won, correct, incorrect,
				Instant.parse("2026-11-27T10:00:00Z"));
	}

	/** A controller and a filter that fail as nothing in the application should. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

		@Bean
		FilterRegistrationBean<Filter> failingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				throw new IllegalStateException("secret filter detail");
			});
			registration.addUrlPatterns("/api/test/filter-boom");
			return registration;
		}

	}

	@RestController
	static class FailingController {

		@GetMapping("/api/test/boom")
		String boom() {
			throw new IllegalStateException("secret detail");
		}

	}

}
