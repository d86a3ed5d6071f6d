package org.namethatartist.player;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link PlayerRepository} must have, whatever stores it. A subclass says how to
 * open a repository and how to reopen it on the same data (a restart).
 */
public abstract class PlayerRepositoryContract {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.000Z");

	/** A repository on fresh, empty storage. */
	protected abstract PlayerRepository repository();

	/** Closes the current repository and opens a new one on the same storage. */
	protected abstract PlayerRepository reopen();

	protected static GameResult result(String gameId, String userId, int score, boolean winner, int correct,
			int incorrect) {
		return new GameResult(gameId, userId, "name-" + userId, null, score, winner, correct, incorrect, T0);
	}

	@Test
	void shouldFollowTheOriginalsArithmetic() {
		PlayerRepository players = repository();
		players.recordResult(result("g1", "u1", 700, true, 10, 3));
		PlayerStats stats = players.recordResult(result("g2", "u1", 201, false, 3, 8));
		assertThat(stats.totalGames()).isEqualTo(2);
		assertThat(stats.totalWins()).isEqualTo(1);
		assertThat(stats.totalScore()).isEqualTo(901);
		assertThat(stats.averageScore()).isEqualTo(451); // 450.5 rounds up, as Math.round in JavaScript
		assertThat(stats.bestScore()).isEqualTo(700);
		assertThat(stats.totalCorrectAnswers()).isEqualTo(13);
		assertThat(stats.totalIncorrectAnswers()).isEqualTo(11);
		assertThat(stats.totalAnswers()).isEqualTo(24);
		assertThat(stats.accuracyRate()).isEqualTo(54); // 13 / 24 = 54.17 %
		assertThat(stats.gamesHistory()).extracting(GameHistoryEntry::score).containsExactly(700, 201);
		assertThat(stats.gamesHistory().get(1))
			.isEqualTo(new GameHistoryEntry("2026-11-27T10:00:00.000Z", 201, false, 3, 8, "g2"));
		assertThat(players.find("u1")).contains(stats);
		assertThat(reopen().find("u1")).contains(stats);
	}

	@Test
	void aGameOnAServersOwnPoolCountsInThatServerOnlyAndOnce() {
		PlayerRepository players = repository();
		players.recordResult(new GameResult("d1", "u1", "name-u1", "guild-1", 300, true, 5, 0, T0));
		GameResult onPool = new GameResult("p1", "u1", "name-u1", "guild-1", 900, true, 9, 1, T0, "wallet:tz1pool");
		PlayerStats global = players.recordResult(onPool);
		assertThat(global.totalGames()).as("the global stats as they were").isEqualTo(1);
		assertThat(global.totalScore()).isEqualTo(300);
		assertThat(players.recordResult(onPool).totalScore()).as("recorded again: nothing changes").isEqualTo(300);
		PlayerStats here = players.find("guild-1", "u1").orElseThrow();
		assertThat(here.totalGames()).isEqualTo(2);
		assertThat(here.totalScore()).isEqualTo(1200);
		assertThat(here.gamesHistory()).extracting(GameHistoryEntry::pool).containsExactly(null, "wallet:tz1pool");
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_SCORE, 10, null)).singleElement()
			.satisfies((entry) -> assertThat(entry.stats().totalScore()).isEqualTo(300));
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_SCORE, 10, "guild-1")).singleElement()
			.satisfies((entry) -> assertThat(entry.stats().totalScore()).isEqualTo(1200));

		// A player whose only game was on the pool has no global stats at all.
		players.recordResult(new GameResult("p1", "u2", "name-u2", "guild-1", 100, false, 1, 2, T0, "artist:alice"));
		assertThat(players.find("u2")).isEmpty();
		assertThat(players.count()).isEqualTo(1);
		PlayerRepository reopened = reopen();
		assertThat(reopened.find("guild-1", "u2").orElseThrow().gamesHistory()).singleElement()
			.extracting(GameHistoryEntry::pool).isEqualTo("artist:alice");
		assertThat(reopened.find("guild-1", "u1")).contains(here);
	}

	@Test
	void shouldReportZeroAccuracyWithoutAnswers() {
		PlayerStats stats = repository().recordResult(result("g1", "u1", 0, false, 0, 0));
		assertThat(stats.accuracyRate()).isZero();
		assertThat(stats.averageScore()).isZero();
	}

	@Test
	void shouldKeepTheLastFiftyGames() {
		PlayerRepository players = repository();
		PlayerStats stats = null;
		for (int game = 1; game <= 53; game++) {
			stats = players.recordResult(result("g" + game, "u1", game, false, 1, 0));
		}
		assertThat(stats.totalGames()).isEqualTo(53);
		assertThat(stats.gamesHistory()).hasSize(50);
		assertThat(stats.gamesHistory().get(0).score()).isEqualTo(4);
		assertThat(stats.gamesHistory().get(49).score()).isEqualTo(53);
		assertThat(reopen().find("u1").orElseThrow().gamesHistory()).hasSize(50);
	}

	@Test
	void shouldCountAGamesResultOnlyOnce() {
		PlayerRepository players = repository();
		PlayerStats first = players.recordResult(result("g1", "u1", 300, true, 5, 1));
		PlayerStats again = players.recordResult(result("g1", "u1", 300, true, 5, 1));
		assertThat(again).isEqualTo(first);
		PlayerStats afterRestart = reopen().recordResult(result("g1", "u1", 300, true, 5, 1));
		assertThat(afterRestart.totalGames()).isEqualTo(1);
		assertThat(afterRestart.totalScore()).isEqualTo(300);
	}

	@Test
	void shouldKeepPerServerStatsApart() {
		PlayerRepository players = repository();
		players.recordResult(new GameResult("g1", "u1", "Ann", "guildA", 100, true, 2, 0, T0));
		players.recordResult(new GameResult("g2", "u1", "Ann", "guildB", 40, false, 1, 1, T0));
		players.recordResult(new GameResult("g3", "u1", "Ann", "guildA", 60, true, 1, 0, T0));
		players.recordResult(new GameResult("g4", "u2", "Bob", "guildA", 500, true, 9, 0, T0));
		assertThat(players.find("u1").orElseThrow().totalScore()).isEqualTo(200);
		assertThat(players.find("guildA", "u1").orElseThrow().totalScore()).isEqualTo(160);
		assertThat(players.find("guildB", "u1").orElseThrow().totalScore()).isEqualTo(40);
		assertThat(players.find("guildB", "u2")).isEmpty();
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_SCORE, 10, "guildA"))
			.extracting((e) -> e.stats().userId(), LeaderboardEntry::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("u2", 500L), org.assertj.core.groups.Tuple.tuple("u1", 160L));
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_SCORE, 10, "guildB")).hasSize(1);
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_SCORE, 10, "nowhere")).isEmpty();
		PlayerRepository reopened = reopen();
		assertThat(reopened.find("guildA", "u1").orElseThrow().totalScore()).isEqualTo(160);
		assertThat(reopened.leaderboard(LeaderboardSort.TOTAL_SCORE, 10, "guildA")).hasSize(2);
	}

	@Test
	void shouldRankByEverySortKeyAndFollowUpdates() {
		PlayerRepository players = repository();
		players.recordResult(result("g1", "a", 100, false, 1, 9));
		players.recordResult(result("g1", "b", 900, true, 9, 1));
		players.recordResult(result("g1", "c", 500, false, 5, 0));
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_SCORE, 2, null)).extracting((e) -> e.stats().userId())
			.containsExactly("b", "c");
		assertThat(players.leaderboard(LeaderboardSort.ACCURACY_RATE, 3, null)).extracting((e) -> e.stats().userId())
			.containsExactly("c", "b", "a");
		players.recordResult(result("g2", "a", 1000, true, 10, 0));
		List<LeaderboardEntry> top = players.leaderboard(LeaderboardSort.TOTAL_SCORE, 10, null);
		assertThat(top).extracting((e) -> e.stats().userId()).containsExactly("a", "b", "c");
		assertThat(top).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 3);
		assertThat(top.get(0).value()).isEqualTo(1100);
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_GAMES, 1, null).get(0).stats().userId()).isEqualTo("a");
		for (LeaderboardSort sort : LeaderboardSort.values()) {
			assertThat(players.leaderboard(sort, 10, null)).as(sort.key()).hasSize(3);
		}
		assertThat(players.count()).isEqualTo(3);
		assertThat(reopen().leaderboard(LeaderboardSort.TOTAL_SCORE, 10, null)).extracting((e) -> e.stats().userId())
			.containsExactly("a", "b", "c");
	}

	@Test
	void shouldLoseNoUpdateUnderConcurrency() throws Exception {
		PlayerRepository players = repository();
		int threads = 64;
		int perThread = 500;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					for (int i = 0; i < perThread; i++) {
						String user = "p" + (i % 10);
						players.recordResult(new GameResult("t" + thread + "-" + i, user, user, "guild", 3, i % 2 == 0,
								1, 1, T0));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		int gamesEach = threads * perThread / 10;
		for (PlayerRepository repository : List.of(players, reopen())) {
			for (int p = 0; p < 10; p++) {
				PlayerStats stats = repository.find("p" + p).orElseThrow();
				assertThat(stats.totalGames()).isEqualTo(gamesEach);
				assertThat(stats.totalScore()).isEqualTo(3L * gamesEach);
				assertThat(stats.totalAnswers()).isEqualTo(2 * gamesEach);
				assertThat(stats.totalWins()).isEqualTo((p % 2 == 0) ? gamesEach : 0);
				assertThat(repository.find("guild", "p" + p).orElseThrow().totalGames()).isEqualTo(gamesEach);
			}
		}
	}

}
