package org.namethatartist.web;

import java.util.List;

import org.namethatartist.player.PeriodEntry;
import org.namethatartist.player.PeriodStats;

/** The period shapes of {@code GET /api/leaderboard?period=…} and of a player's {@code periods}. */
final class PeriodJson {

	private PeriodJson() {
	}

	/**
	 * A board: which period ({@code period}, {@code at}), its bounds, whether it is over, and its rows.
	 * For {@code period=all}, {@code at}, {@code from} and {@code until} are null.
	 */
	record Board(String period, String at, String sort, String from, String until, boolean finished,
			List<?> entries) {
	}

	/** One row of a week or month board: the all-time row's members, plus {@code dailyScore}. */
	record Row(int rank, String userId, String username, long value, int totalGames, int totalWins, long totalScore,
			long averageScore, int bestScore, int totalCorrectAnswers, int totalIncorrectAnswers, int totalAnswers,
			int accuracyRate, long dailyScore) {

		static Row of(PeriodEntry entry) {
			PeriodStats s = entry.stats();
			return new Row(entry.rank(), s.userId(), s.username(), entry.value(), s.totalGames(), s.totalWins(),
					s.totalScore(), s.averageScore(), s.bestScore(), s.totalCorrectAnswers(), s.totalIncorrectAnswers(),
					s.totalAnswers(), s.accuracyRate(), s.dailyScore());
		}

	}

	/** A player's {@code periods}: this week's and this month's numbers and rank by total score. */
	record Periods(Standing week, Standing month) {
	}

	/** A player's numbers in one period; zeros and a null rank when they did nothing in it. */
	record Standing(String at, Integer rank, int totalGames, int totalWins, long totalScore, long averageScore,
			int bestScore, int accuracyRate, long dailyScore) {

		static Standing of(String at, Integer rank, PeriodStats s) {
			return new Standing(at, rank, s.totalGames(), s.totalWins(), s.totalScore(), s.averageScore(),
					s.bestScore(), s.accuracyRate(), s.dailyScore());
		}

	}

}
