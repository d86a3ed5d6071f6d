package org.namethatartist.player;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.namethatartist.IsoTime;

/**
 * A player's all-time statistics, member for member the original's {@code players.json} entry.
 * Immutable; {@link #withResult} gives the stats after one more game.
 */
public record PlayerStats(String userId, String username, int totalGames, int totalWins, long totalScore,
		long averageScore, int bestScore, int totalCorrectAnswers, int totalIncorrectAnswers, int totalAnswers,
		int accuracyRate, List<GameHistoryEntry> gamesHistory) {

	/** The original keeps the last 50 games of each player. */
	public static final int HISTORY_LIMIT = 50;

	public PlayerStats {
		Objects.requireNonNull(userId, "userId");
		gamesHistory = List.copyOf(gamesHistory);
	}

	/** A player who has not finished a game yet. */
	public static PlayerStats newPlayer(String userId, String username) {
		return new PlayerStats(userId, username, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
	}

	/**
	 * The stats after one more game, with the original's arithmetic: averageScore is the rounded mean
	 * score per game, accuracyRate the rounded percentage of correct answers (0 without answers), and
	 * the history keeps the newest {@value #HISTORY_LIMIT} games. The username becomes the latest one.
	 */
	public PlayerStats withResult(GameResult result) {
		int games = this.totalGames + 1;
		long score = this.totalScore + result.score();
		int correct = this.totalCorrectAnswers + result.correctAnswers();
		int incorrect = this.totalIncorrectAnswers + result.incorrectAnswers();
		int answers = correct + incorrect;
		List<GameHistoryEntry> history = new ArrayList<>(Math.min(this.gamesHistory.size() + 1, HISTORY_LIMIT));
		int from = Math.max(0, this.gamesHistory.size() + 1 - HISTORY_LIMIT);
		history.addAll(this.gamesHistory.subList(from, this.gamesHistory.size()));
		history.add(new GameHistoryEntry(IsoTime.format(result.playedAt()), result.score(), result.winner(),
				result.correctAnswers(), result.incorrectAnswers(), result.gameId(), result.pool()));
		return new PlayerStats(this.userId, result.username(), games, this.totalWins + (result.winner() ? 1 : 0),
				score, Math.round((double) score / games), Math.max(this.bestScore, result.score()), correct,
				incorrect, answers, (answers > 0) ? (int) Math.round(100.0 * correct / answers) : 0, history);
	}

	/** Whether this game's result is already counted (the history remembers the last 50 game ids). */
	public boolean hasPlayed(String gameId) {
		for (int i = this.gamesHistory.size() - 1; i >= 0; i--) {
			if (gameId.equals(this.gamesHistory.get(i).gameId())) {
				return true;
			}
		}
		return false;
	}

}
