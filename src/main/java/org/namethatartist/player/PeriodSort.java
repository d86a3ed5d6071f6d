package org.namethatartist.player;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** The keys a period board sorts by: the seven of {@link LeaderboardSort}, plus {@code dailyScore}. */
public enum PeriodSort {

	TOTAL_SCORE("totalScore", PeriodStats::totalScore),
	TOTAL_WINS("totalWins", PeriodStats::totalWins),
	AVERAGE_SCORE("averageScore", PeriodStats::averageScore),
	BEST_SCORE("bestScore", PeriodStats::bestScore),
	ACCURACY_RATE("accuracyRate", PeriodStats::accuracyRate),
	TOTAL_GAMES("totalGames", PeriodStats::totalGames),
	TOTAL_CORRECT_ANSWERS("totalCorrectAnswers", PeriodStats::totalCorrectAnswers),
	DAILY_SCORE("dailyScore", PeriodStats::dailyScore);

	private final String key;

	private final ToLongFunction<PeriodStats> value;

	PeriodSort(String key, ToLongFunction<PeriodStats> value) {
		this.key = key;
		this.value = value;
	}

	public String key() {
		return this.key;
	}

	public long valueOf(PeriodStats stats) {
		return this.value.applyAsLong(stats);
	}

	public static Optional<PeriodSort> fromKey(String key) {
		return Arrays.stream(values()).filter((sort) -> sort.key.equals(key)).findFirst();
	}

	/** The period key with the same name as an all-time key. */
	public static PeriodSort of(LeaderboardSort sort) {
		return fromKey(sort.key()).orElseThrow();
	}

}
