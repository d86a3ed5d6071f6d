package org.namethatartist.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.MutableClock;
import org.namethatartist.daily.DailyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.web.ApiClient.assertError;
import static org.namethatartist.web.ApiClient.json;

/**
 * The daily challenge over a real port on the demo artworks, "now" moved by hand from Saturday 2026-12-05
 * 09:00 UTC (challenge #5, the first day being 2026-12-01): today's challenge, next round, answers, a
 * player's day, their errors, and the day's board.
 */
@Import(DailyWebTests.HandClock.class)
class DailyWebTests extends WebAppOnRandomPort {

	static final Instant START = Instant.parse("2026-12-05T09:00:00Z");

	static final LocalDate TODAY = LocalDate.parse("2026-12-05");

	@TestConfiguration(proxyBeanMethods = false)
	static class HandClock {

		@Bean
		@Primary
		MutableClock movingClock() {
			return new MutableClock(START);
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	DailyRepository repository;

	@BeforeEach
	void startOfTheDay() {
		this.clock.set(START);
	}

	private String base(String player) {
		return "/api/daily/" + TODAY + "/players/" + player;
	}

	private int correct(int round) {
		return this.repository.challenge(TODAY).orElseThrow().round(round).correctChoice();
	}

	@Test
	void todaysChallengeSaysItsDayNumberRoundsAndRoundTime() {
		JsonNode today = json(this.api.get("/api/daily"));
		assertThat(today.toString()).isEqualTo("{\"day\":\"2026-12-05\",\"number\":5,\"rounds\":5,\"roundTime\":20}");
	}

	@Test
	void aPlayerPlaysTheDayOnceAndGetsTheShareLine() {
		assertError(this.api.get(base("Ann")), 404).isEqualTo("Ann has not played the challenge of 2026-12-05.");
		int total = 0;
		for (int n = 1; n <= 5; n++) {
			HttpResponse<String> next = this.api.post(base("Ann") + "/next", "{}");
			assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
			JsonNode round = json(next).path("round");
			assertThat(round.path("number").asInt()).isEqualTo(n);
			assertThat(round.path("total").asInt()).isEqualTo(5);
			// The image is the bot's (fair play): no source address; only its player, only once opened.
			assertThat(round.path("imageUrl").asString()).isEqualTo(base("Ann") + "/rounds/" + n + "/image");
			assertThat(next.body()).doesNotContain("http", "wikimedia", "ipfs");
			HttpResponse<byte[]> image = this.api.getBytes(round.path("imageUrl").asString());
			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			assertError(this.api.get(base("Nobody") + "/rounds/" + n + "/image"), 404).startsWith("You have not opened round");
			if (n < 5) {
				assertError(this.api.get(base("Ann") + "/rounds/" + (n + 1) + "/image"), 404);
			}
			assertThat(round.path("choices").size()).isEqualTo(4);
			assertThat(round.path("choices").get(0).propertyNames()).containsExactly("number", "label", "artist");
			assertThat(round.path("endsAt").asString()).isEqualTo(this.clock.instant().plusSeconds(20).toString());
			// Nothing before the answer names the title.
			String title = this.repository.challenge(TODAY).orElseThrow().round(n).title();
			assertThat(next.body()).doesNotContain("\"title\"").doesNotContain(title);
			this.clock.advance(Duration.ofSeconds(5));
			int choice = (n == 2) ? (correct(n) % 4) + 1 : correct(n);
			HttpResponse<String> answer = this.api.post(base("Ann") + "/answers",
					"{\"round\":" + n + ",\"choice\":" + choice + "}");
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			JsonNode reply = json(answer);
			int points = (n == 2) ? 0 : 75;
			total += points;
			assertThat(reply.path("correct").asBoolean()).isEqualTo(n != 2);
			assertThat(reply.path("points").asInt()).isEqualTo(points);
			assertThat(reply.path("totalScore").asInt()).isEqualTo(total);
			assertThat(reply.path("answer").path("number").asInt()).isEqualTo(correct(n));
			assertThat(reply.path("answer").path("artist").asString()).isNotBlank();
			assertThat(reply.path("link").asString()).startsWith("http");
		}
		assertError(this.api.post(base("Ann") + "/next", "{}"), 409)
			.isEqualTo("You have played every round of today's challenge; see your result.");
		JsonNode result = json(this.api.get(base("Ann")));
		assertThat(result.path("finished").asBoolean()).isTrue();
		assertThat(result.path("score").asInt()).isEqualTo(300);
		assertThat(result.path("number").asInt()).isEqualTo(5);
		assertThat(result.path("rounds").size()).isEqualTo(5);
		assertThat(result.path("rounds").get(1).toString()).isEqualTo("{\"number\":2,\"correct\":false,\"points\":0}");
		assertThat(result.path("share").asString())
			.isEqualTo("Name That Artist \u00B7 Daily #5 \u00B7 \uD83D\uDFE9\uD83D\uDFE5\uD83D\uDFE9\uD83D\uDFE9\uD83D\uDFE9 \u00B7 300");
		assertThat(result.path("streak").asInt()).isEqualTo(1);
		assertThat(result.path("bestStreak").asInt()).isEqualTo(1);

		JsonNode board = json(this.api.get("/api/leaderboard?period=day&at=2026-12-05"));
		assertThat(board.path("period").asString()).isEqualTo("day");
		assertThat(board.path("at").asString()).isEqualTo("2026-12-05");
		assertThat(board.path("entries").get(0).toString()).isEqualTo(
				"{\"rank\":1,\"userId\":\"web:Ann\",\"username\":\"Ann\",\"value\":300,\"correctAnswers\":4}");
		JsonNode history = json(this.api.get("/api/daily/history/web:Ann"));
		// Challenge #1 was 2026-12-01: five days, the last one played.
		assertThat(history.size()).isEqualTo(5);
		assertThat(history.get(0).toString())
			.isEqualTo("{\"day\":\"2026-12-01\",\"number\":1,\"played\":false,\"finished\":false,\"score\":0}");
		assertThat(history.get(4).toString())
			.isEqualTo("{\"day\":\"2026-12-05\",\"number\":5,\"played\":true,\"finished\":true,\"score\":300}");
		JsonNode week = json(this.api.get("/api/leaderboard?period=week&sort=dailyScore"));
		assertThat(week.path("entries").get(0).path("dailyScore").asLong()).isEqualTo(300);
	}

	@Test
	void answersOutOfTimeTwiceOrOutOfOrderAreConflicts() {
		this.api.post(base("Bob") + "/next", "{}");
		assertThat(this.api.post(base("Bob") + "/answers", "{\"round\":1,\"choice\":" + correct(1) + "}").statusCode())
			.isEqualTo(200);
		assertError(this.api.post(base("Bob") + "/answers", "{\"round\":1,\"choice\":1}"), 409)
			.isEqualTo("You already answered round 1; the first answer stands.");
		assertError(this.api.post(base("Bob") + "/answers", "{\"round\":2,\"choice\":1}"), 409)
			.isEqualTo("Round 2 is not open: ask for the next round first.");
		this.api.post(base("Bob") + "/next", "{}");
		this.clock.advance(Duration.ofSeconds(21));
		assertError(this.api.post(base("Bob") + "/answers", "{\"round\":2,\"choice\":1}"), 409)
			.isEqualTo("Round 2's time ran out; it scores 0.");
		assertError(this.api.post("/api/daily/2026-12-04/players/Bob/next", "{}"), 409)
			.isEqualTo("That day is over; today is 2026-12-05.");
	}

	@Test
	void badInputIsA400ThatSaysWhatIsAllowed() {
		assertError(this.api.post("/api/daily/yesterday/players/Cat/next", "{}"), 400)
			.isEqualTo("day must be a UTC day such as 2026-12-05, not 'yesterday'.");
		assertError(this.api.post(base("Cat") + "/next", "{\"x\":1}"), 400)
			.isEqualTo("Unknown member 'x'; this request takes an empty object {}.");
		assertError(this.api.post(base("Cat") + "/answers", "{\"round\":1}"), 400)
			.isEqualTo("choice is required: the number of the button.");
		assertError(this.api.post(base("Cat") + "/answers", "{\"round\":\"1\",\"choice\":1}"), 400)
			.startsWith("round must be a whole number");
		this.api.post(base("Cat") + "/next", "{}");
		assertError(this.api.post(base("Cat") + "/answers", "{\"round\":1,\"choice\":9}"), 400)
			.isEqualTo("choice must be between 1 and 4, not 9.");
		assertError(this.api.post(base("Cat") + "/answers", "[1]"), 400).startsWith("The body must be a JSON object");
	}

}
