package org.namethatartist.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.PlayerStats;

/**
 * A player's stats as {@code GET /api/players/{userId}} shows them: the {@code players.json} entry,
 * member for member and in its order.
 */
record PlayerJson(String userId, String username, int totalGames, int totalWins, long totalScore,
		long averageScore, int bestScore, int totalCorrectAnswers, int totalIncorrectAnswers, int totalAnswers,
		int accuracyRate, List<HistoryJson> gamesHistory,
		@JsonInclude(JsonInclude.Include.NON_NULL) PeriodJson.Periods periods) {

	static PlayerJson of(PlayerStats stats) {
		return of(stats, null);
	}

	/** With {@code periods}: this week's and month's numbers and ranks, after the history. */
	static PlayerJson of(PlayerStats stats, PeriodJson.Periods periods) {
		return new PlayerJson(stats.userId(), stats.username(), stats.totalGames(), stats.totalWins(),
				stats.totalScore(), stats.averageScore(), stats.bestScore(), stats.totalCorrectAnswers(),
				stats.totalIncorrectAnswers(), stats.totalAnswers(), stats.accuracyRate(),
				stats.gamesHistory().stream().map(HistoryJson::of).toList(), periods);
	}

	/**
	 * One game of the history. The answer counts are left out when unknown (entries the original wrote
	 * before it counted answers), and so is {@code gameId} (entries the original wrote), as in
	 * {@code players.json}. {@code pool} is there only for a game on a server's own artwork pool (a server's
	 * stats, {@code ?guild=}): such a game counts in that server's stats and boards only, never globally.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HistoryJson(String date, int score, @JsonProperty("isWinner") boolean isWinner, Integer correctAnswers,
			Integer incorrectAnswers, String gameId, String pool) {

		static HistoryJson of(GameHistoryEntry entry) {
			return new HistoryJson(entry.date(), entry.score(), entry.isWinner(), entry.correctAnswers(),
					entry.incorrectAnswers(), entry.gameId(), entry.pool());
		}

	}

	/**
	 * One line of {@code GET /api/leaderboard}: the rank and the value ranked by, then every number of
	 * the stats. The history is left out (up to 50 games for each of up to 100 players); a player's page
	 * fetches it.
	 */
	record LeaderboardRow(int rank, String userId, String username, long value, int totalGames, int totalWins,
			long totalScore, long averageScore, int bestScore, int totalCorrectAnswers, int totalIncorrectAnswers,
			int totalAnswers, int accuracyRate) {

		static LeaderboardRow of(LeaderboardEntry entry) {
			PlayerStats s = entry.stats();
			return new LeaderboardRow(entry.rank(), s.userId(), s.username(), entry.value(), s.totalGames(),
					s.totalWins(), s.totalScore(), s.averageScore(), s.bestScore(), s.totalCorrectAnswers(),
					s.totalIncorrectAnswers(), s.totalAnswers(), s.accuracyRate());
		}

	}

}
