package org.namethatartist.web;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
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
 * The week and month boards over a real port, "now" being Saturday 2026-12-05 12:00 UTC (2026-W49): the
 * {@code period} and {@code at} parameters, their errors, and a player's {@code periods}.
 */
@Import(WebPeriodTests.FixedClock.class)
class WebPeriodTests extends WebAppOnRandomPort {

	static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@Autowired
	PlayerRepository players;

	@Autowired
	PeriodBoards boards;

	@BeforeEach
	void record() {
		record(new GameResult("p1", "web:Ann", "Ann", "123", 180, true, 2, 0, NOW.minusSeconds(3600)));
		record(new GameResult("p1", "web:Bob", "Bob", "123", 40, false, 1, 1, NOW.minusSeconds(3600)));
		// Last week (2026-W48, still November): Bob won.
		record(new GameResult("p0", "web:Bob", "Bob", null, 500, true, 5, 0, Instant.parse("2026-11-25T10:00:00Z")));
		this.boards.recordDaily("web:Cat", "Cat", null, LocalDate.of(2026, 12, 5), 300, NOW);
	}

	private void record(GameResult result) {
		this.players.recordResult(result);
		this.boards.recordResult(result);
	}

	@Test
	void theCurrentWeekIsTheDefaultAndTheAnswerSaysWhichItIs() {
		HttpResponse<String> response = this.api.get("/api/leaderboard?period=week");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode board = json(response);
		assertThat(board.path("period").asString()).isEqualTo("week");
		assertThat(board.path("at").asString()).isEqualTo("2026-W49");
		assertThat(board.path("from").asString()).isEqualTo("2026-11-30T00:00:00Z");
		assertThat(board.path("until").asString()).isEqualTo("2026-12-07T00:00:00Z");
		assertThat(board.path("finished").asBoolean()).isFalse();
		assertThat(board.path("entries")).extracting((e) -> e.path("userId").asString())
			.containsExactly("web:Ann", "web:Bob", "web:Cat");
		JsonNode ann = board.path("entries").get(0);
		assertThat(ann.path("rank").asInt()).isEqualTo(1);
		assertThat(ann.path("value").asLong()).isEqualTo(180);
		assertThat(ann.path("totalGames").asInt()).isEqualTo(1);
		assertThat(ann.path("dailyScore").asLong()).isZero();
	}

	@Test
	void aPastWeekOrMonthIsFinishedAndKeepsItsNumbers() {
		JsonNode week = json(this.api.get("/api/leaderboard?period=week&at=2026-W48"));
		assertThat(week.path("finished").asBoolean()).isTrue();
		assertThat(week.path("entries")).extracting((e) -> e.path("userId").asString() + "=" + e.path("value").asLong())
			.containsExactly("web:Bob=500");
		JsonNode month = json(this.api.get("/api/leaderboard?period=month&at=2026-11&sort=totalWins"));
		assertThat(month.path("at").asString()).isEqualTo("2026-11");
		assertThat(month.path("sort").asString()).isEqualTo("totalWins");
		assertThat(month.path("entries").get(0).path("totalWins").asInt()).isEqualTo(1);
		JsonNode december = json(this.api.get("/api/leaderboard?period=month"));
		assertThat(december.path("at").asString()).isEqualTo("2026-12");
		assertThat(december.path("finished").asBoolean()).isFalse();
	}

	@Test
	void dailyPointsRankUnderDailyScoreAndPerServerBoardsHoldTheirGames() {
		JsonNode daily = json(this.api.get("/api/leaderboard?period=week&sort=dailyScore&limit=1"));
		assertThat(daily.path("entries")).extracting((e) -> e.path("userId").asString() + "=" + e.path("value").asLong())
			.containsExactly("web:Cat=300");
		assertThat(daily.path("entries").get(0).path("totalGames").asInt()).isZero();
		JsonNode server = json(this.api.get("/api/leaderboard?period=week&guild=123"));
		assertThat(server.path("entries")).extracting((e) -> e.path("userId").asString())
			.containsExactly("web:Ann", "web:Bob");
	}

	@Test
	void periodAllIsTheAllTimeBoardWithPeriodAndAt() {
		JsonNode all = json(this.api.get("/api/leaderboard?period=all"));
		assertThat(all.path("period").asString()).isEqualTo("all");
		assertThat(all.path("at").isNull()).isTrue();
		assertThat(all.path("entries").get(0).path("userId").asString()).isEqualTo("web:Bob");
		assertThat(all.path("entries").get(0).path("value").asLong()).isEqualTo(540);
		// Without period or at, the answer stays the bare array it always was.
		assertThat(json(this.api.get("/api/leaderboard")).isArray()).isTrue();
	}

	@Test
	void badPeriodsAndAtsAre400SayingWhatIsAllowed() {
		assertError(this.api.get("/api/leaderboard?period=year"), 400)
			.isEqualTo("period must be one of all, week, month, day, not 'year'.");
		assertError(this.api.get("/api/leaderboard?period=week&at=2026-12"), 400)
			.isEqualTo("at must be an ISO week such as 2026-W49 for period=week, not '2026-12'.");
		assertError(this.api.get("/api/leaderboard?period=month&at=2026-13"), 400)
			.isEqualTo("at must be a month such as 2026-12 for period=month, not '2026-13'.");
		assertError(this.api.get("/api/leaderboard?period=week&at=2026-W50"), 400)
			.isEqualTo("at must not be after the current week (2026-W49), not 2026-W50.");
		assertError(this.api.get("/api/leaderboard?period=month&at=2027-01"), 400)
			.isEqualTo("at must not be after the current month (2026-12), not 2027-01.");
		assertError(this.api.get("/api/leaderboard?at=2026-W49"), 400)
			.isEqualTo("at applies to period=week, month or day; period=all has none.");
		assertError(this.api.get("/api/leaderboard?period=week&sort=nope"), 400).startsWith("sort must be one of")
			.contains("dailyScore");
		assertError(this.api.get("/api/leaderboard?period=day&at=2026-12"), 400)
			.isEqualTo("at must be a day such as 2026-12-05 for period=day, not '2026-12'.");
		assertError(this.api.get("/api/leaderboard?period=day&at=2026-12-06"), 400)
			.isEqualTo("at must not be after today (2026-12-05), not 2026-12-06.");
	}

	@Test
	void aPlayerShowsThisWeeksAndMonthsNumbersAndRanks() {
		JsonNode periods = json(this.api.get("/api/players/web:Bob")).path("periods");
		assertThat(periods.path("week").path("at").asString()).isEqualTo("2026-W49");
		assertThat(periods.path("week").path("rank").asInt()).isEqualTo(2);
		assertThat(periods.path("week").path("totalScore").asLong()).isEqualTo(40);
		assertThat(periods.path("month").path("at").asString()).isEqualTo("2026-12");
		assertThat(periods.path("month").path("rank").asInt()).isEqualTo(2);
		JsonNode inServer = json(this.api.get("/api/players/web:Bob?guild=123")).path("periods");
		assertThat(inServer.path("week").path("rank").asInt()).isEqualTo(2);
		// Ann has no game last week; a player with nothing this period has a null rank and zeros.
		this.players.recordResult(new GameResult("old", "web:Dan", "Dan", null, 10, false, 1, 0,
				Instant.parse("2026-10-01T10:00:00Z")));
		JsonNode dan = json(this.api.get("/api/players/web:Dan")).path("periods");
		assertThat(dan.path("week").path("rank").isNull()).isTrue();
		assertThat(dan.path("week").path("totalGames").asInt()).isZero();
	}

}
