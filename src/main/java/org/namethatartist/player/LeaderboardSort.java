package org.namethatartist.player;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** The seven keys of {@code /alltime}, with the stats member each one ranks by. */
public enum LeaderboardSort {

	TOTAL_SCORE("totalScore", PlayerStats::totalScore),
	TOTAL_WINS("totalWins", PlayerStats::totalWins),
	AVERAGE_SCORE("averageScore", PlayerStats::averageScore),
	BEST_SCORE("bestScore", PlayerStats::bestScore),
	ACCURACY_RATE("accuracyRate", PlayerStats::accuracyRate),
	TOTAL_GAMES("totalGames", PlayerStats::totalGames),
	TOTAL_CORRECT_ANSWERS("totalCorrectAnswers", PlayerStats::totalCorrectAnswers);

	private final String key;

	private final ToLongFunction<PlayerStats> value;

	LeaderboardSort(String key, ToLongFunction<PlayerStats> value) {
		this.key = key;
		this.value = value;
	}

	/** The member name, as in {@code players.json} and the {@code /alltime sort} option. */
	public String key() {
		return this.key;
	}

	public long valueOf(PlayerStats stats) {
		return this.value.applyAsLong(stats);
	}

	public static Optional<LeaderboardSort> fromKey(String key) {
		return Arrays.stream(values()).filter((sort) -> sort.key.equals(key)).findFirst();
	}

}
