package org.namethatartist.player;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link PeriodBoards} must have, whatever stores it. A subclass says how to open the
 * boards and how to reopen them on the same data (a restart).
 */
public abstract class PeriodBoardsContract {

	/** Friday of 2026-W49, in 2026-12. */
	protected static final Instant FRIDAY = Instant.parse("2026-12-04T10:00:00Z");

	/** Sunday 23:59:59 of 2026-W49. */
	protected static final Instant SUNDAY_LATE = Instant.parse("2026-12-06T23:59:59Z");

	/** Monday 00:00 of 2026-W50. */
	protected static final Instant MONDAY = Instant.parse("2026-12-07T00:00:00Z");

	/** Monday of 2026-W49, still in 2026-11. */
	protected static final Instant NOVEMBER_30 = Instant.parse("2026-11-30T12:00:00Z");

	protected static final Period W49 = Period.parse(Period.Kind.WEEK, "2026-W49").orElseThrow();

	protected static final Period W50 = Period.parse(Period.Kind.WEEK, "2026-W50").orElseThrow();

	protected static final Period DECEMBER = Period.parse(Period.Kind.MONTH, "2026-12").orElseThrow();

	protected static final Period NOVEMBER = Period.parse(Period.Kind.MONTH, "2026-11").orElseThrow();

	protected abstract PeriodBoards boards();

	protected abstract PeriodBoards reopen();

	protected static GameResult game(String gameId, String userId, String guildId, int score, boolean winner, int correct,
			int incorrect, Instant at) {
		return new GameResult(gameId, userId, "name-" + userId, guildId, score, winner, correct, incorrect, at);
	}

	@Test
	void aGameOnAServersOwnPoolCountsInThatServersBoardsOnly() {
		PeriodBoards boards = boards();
		boards.recordResult(game("d1", "u1", "guild-1", 300, true, 5, 0, FRIDAY));
		GameResult onPool = new GameResult("p1", "u1", "name-u1", "guild-1", 900, true, 9, 1, FRIDAY,
				"collection:KT1pool");
		boards.recordResult(onPool);
		boards.recordResult(onPool);
		boards.recordResult(new GameResult("p1", "u2", "name-u2", "guild-1", 100, false, 1, 2, FRIDAY, "artist:alice"));
		for (Period period : List.of(W49, DECEMBER)) {
			assertThat(boards.leaderboard(period, PeriodSort.TOTAL_SCORE, 10, null)).singleElement()
				.satisfies((entry) -> assertThat(entry.stats().totalScore()).isEqualTo(300));
			assertThat(boards.leaderboard(period, PeriodSort.TOTAL_SCORE, 10, "guild-1"))
				.extracting((entry) -> entry.stats().userId() + "=" + entry.stats().totalScore())
				.containsExactly("u1=1200", "u2=100");
		}
		assertThat(reopen().standing(W49, PeriodSort.TOTAL_SCORE, null, "u2")).isEmpty();
	}

	@Test
	void aGameCountsInTheWeekAndMonthInWhichItEnded() {
		PeriodBoards boards = boards();
		boards.recordResult(game("g1", "u1", null, 700, true, 10, 3, FRIDAY));
		boards.recordResult(game("g2", "u1", null, 201, false, 3, 8, SUNDAY_LATE));
		boards.recordResult(game("g3", "u1", null, 50, false, 1, 0, MONDAY));
		boards.recordResult(game("g4", "u1", null, 10, false, 1, 0, NOVEMBER_30));
		PeriodStats week = boards.standing(W49, PeriodSort.TOTAL_SCORE, null, "u1").orElseThrow().stats();
		assertThat(week).isEqualTo(new PeriodStats("u1", "name-u1", 3, 1, 911, 700, 14, 11, 0));
		assertThat(week.averageScore()).isEqualTo(304); // 303.67
		assertThat(week.accuracyRate()).isEqualTo(56); // 14 / 25
		assertThat(boards.standing(W50, PeriodSort.TOTAL_SCORE, null, "u1").orElseThrow().stats().totalScore())
			.isEqualTo(50);
		assertThat(boards.standing(DECEMBER, PeriodSort.TOTAL_SCORE, null, "u1").orElseThrow().stats().totalScore())
			.isEqualTo(951);
		assertThat(boards.standing(NOVEMBER, PeriodSort.TOTAL_SCORE, null, "u1").orElseThrow().stats().totalScore())
			.isEqualTo(10);
		assertThat(reopen().standing(W49, PeriodSort.TOTAL_SCORE, null, "u1").orElseThrow().stats()).isEqualTo(week);
	}

	@Test
	void aGameIsCountedOncePerPlayerEvenWhenRecordedAgain() {
		PeriodBoards boards = boards();
		GameResult result = game("g1", "u1", "guild", 300, true, 5, 1, FRIDAY);
		boards.recordResult(result);
		boards.recordResult(result);
		reopen().recordResult(result);
		PeriodBoards again = reopen();
		for (Period period : List.of(W49, DECEMBER)) {
			for (String guild : new String[] { null, "guild" }) {
				PeriodStats stats = again.standing(period, PeriodSort.TOTAL_GAMES, guild, "u1").orElseThrow().stats();
				assertThat(stats.totalGames()).as(period + " " + guild).isEqualTo(1);
				assertThat(stats.totalScore()).isEqualTo(300);
			}
		}
		// The same game for another player counts for them.
		again.recordResult(game("g1", "u2", "guild", 100, false, 1, 1, FRIDAY));
		assertThat(again.leaderboard(W49, PeriodSort.TOTAL_SCORE, 10, "guild")).hasSize(2);
	}

	@Test
	void dailyPointsGoToDailyScoreOnceAndNotToGames() {
		PeriodBoards boards = boards();
		LocalDate day = LocalDate.of(2026, 12, 5);
		boards.recordDaily("u1", "Ann", "guild", day, 312, FRIDAY);
		boards.recordDaily("u1", "Ann", "guild", day, 999, FRIDAY);
		reopen().recordDaily("u1", day, 312, FRIDAY);
		PeriodBoards again = reopen();
		again.recordDaily("u1", "Ann", null, day.plusDays(1), 100, SUNDAY_LATE);
		PeriodStats week = again.standing(W49, PeriodSort.DAILY_SCORE, null, "u1").orElseThrow().stats();
		assertThat(week.dailyScore()).isEqualTo(412);
		assertThat(week.totalGames()).isZero();
		assertThat(week.totalWins()).isZero();
		assertThat(week.totalScore()).isZero();
		assertThat(week.username()).isEqualTo("Ann");
		assertThat(again.standing(W49, PeriodSort.DAILY_SCORE, "guild", "u1").orElseThrow().value()).isEqualTo(312);
		assertThat(again.standing(DECEMBER, PeriodSort.DAILY_SCORE, null, "u1").orElseThrow().value()).isEqualTo(412);
		assertThat(again.standing(NOVEMBER, PeriodSort.DAILY_SCORE, null, "u1")).isEmpty();
	}

	@Test
	void boardsRankEachKeyHighestFirstWithTiesByUserId() {
		PeriodBoards boards = boards();
		boards.recordResult(game("g1", "b", null, 500, true, 5, 5, FRIDAY));
		boards.recordResult(game("g1", "a", null, 500, false, 9, 1, FRIDAY));
		boards.recordResult(game("g1", "c", null, 100, false, 1, 0, FRIDAY));
		boards.recordDaily("d", "Dee", null, LocalDate.of(2026, 12, 3), 250, FRIDAY);
		assertThat(boards.leaderboard(W49, PeriodSort.TOTAL_SCORE, 10, null))
			.extracting((e) -> e.rank() + ":" + e.stats().userId() + "=" + e.value())
			.containsExactly("1:a=500", "2:b=500", "3:c=100", "4:d=0");
		assertThat(boards.leaderboard(W49, PeriodSort.ACCURACY_RATE, 2, null))
			.extracting((e) -> e.stats().userId() + "=" + e.value())
			.containsExactly("c=100", "a=90");
		assertThat(boards.leaderboard(W49, PeriodSort.TOTAL_WINS, 1, null)).extracting((e) -> e.stats().userId())
			.containsExactly("b");
		assertThat(boards.leaderboard(W49, PeriodSort.DAILY_SCORE, 1, null)).extracting((e) -> e.stats().userId())
			.containsExactly("d");
		assertThat(boards.standing(W49, PeriodSort.TOTAL_SCORE, null, "c").orElseThrow().rank()).isEqualTo(3);
		assertThat(boards.standing(W49, PeriodSort.TOTAL_SCORE, null, "nobody")).isEmpty();
		assertThat(boards.leaderboard(W49, PeriodSort.TOTAL_SCORE, 0, null)).isEmpty();
		assertThat(boards.leaderboard(W50, PeriodSort.TOTAL_SCORE, 10, null)).isEmpty();
		assertThat(boards.leaderboard(W49, PeriodSort.TOTAL_SCORE, 10, "other-guild")).isEmpty();
	}

	@Test
	void aPastPeriodKeepsMoreThanItsTopHundred() {
		PeriodBoards boards = boards();
		for (int i = 0; i < 120; i++) {
			boards.recordResult(game("g" + i, String.format("u%03d", i), "guild", i, false, 1, 0, NOVEMBER_30));
		}
		boards.recordResult(game("later", "u000", "guild", 5, false, 1, 0, MONDAY));
		PeriodBoards again = reopen();
		List<PeriodEntry> top = again.leaderboard(W49, PeriodSort.TOTAL_SCORE, 100, "guild");
		assertThat(top).hasSize(100);
		assertThat(top.get(0).stats().userId()).isEqualTo("u119");
		assertThat(top.get(99).value()).isEqualTo(20);
	}

	@Test
	void concurrentResultsOfOnePlayerAreAllCounted() throws Exception {
		PeriodBoards boards = boards();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String gameId = "g" + i;
				futures.add(pool.submit(() -> boards.recordResult(game(gameId, "u1", "guild", 10, false, 1, 0, FRIDAY))));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(reopen().standing(DECEMBER, PeriodSort.TOTAL_SCORE, "guild", "u1").orElseThrow().value())
			.isEqualTo(400);
	}

}
