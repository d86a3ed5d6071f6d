package org.namethatartist.player;

import java.util.Objects;

/**
 * What a player did in one period and one scope (global or one Discord server): games counted as the
 * all-time stats count them, plus the points of daily challenges ({@code dailyScore}), which are not
 * games. {@code averageScore} and {@code accuracyRate} use the all-time arithmetic.
 */
public record PeriodStats(String userId, String username, int totalGames, int totalWins, long totalScore,
		int bestScore, int totalCorrectAnswers, int totalIncorrectAnswers, long dailyScore) {

	public PeriodStats {
		Objects.requireNonNull(userId, "userId");
	}

	public static PeriodStats empty(String userId, String username) {
		return new PeriodStats(userId, username, 0, 0, 0, 0, 0, 0, 0);
	}

	/** The rounded mean score per game, 0 without games. */
	public long averageScore() {
		return (this.totalGames > 0) ? Math.round((double) this.totalScore / this.totalGames) : 0;
	}

	public int totalAnswers() {
		return this.totalCorrectAnswers + this.totalIncorrectAnswers;
	}

	/** The rounded percentage of correct answers, 0 without answers. */
	public int accuracyRate() {
		int answers = totalAnswers();
		return (answers > 0) ? (int) Math.round(100.0 * this.totalCorrectAnswers / answers) : 0;
	}

	/** The stats after one more game; the username becomes the latest one. */
	public PeriodStats withGame(GameResult result) {
		return new PeriodStats(this.userId, result.username(), this.totalGames + 1,
				this.totalWins + (result.winner() ? 1 : 0), this.totalScore + result.score(),
				Math.max(this.bestScore, result.score()), this.totalCorrectAnswers + result.correctAnswers(),
				this.totalIncorrectAnswers + result.incorrectAnswers(), this.dailyScore);
	}

	/** The stats after one daily challenge's points; games are not touched. */
	public PeriodStats withDaily(String username, long points) {
		return new PeriodStats(this.userId, (username != null) ? username : this.username, this.totalGames,
				this.totalWins, this.totalScore, this.bestScore, this.totalCorrectAnswers, this.totalIncorrectAnswers,
				this.dailyScore + points);
	}

}
