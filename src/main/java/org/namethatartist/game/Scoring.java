package org.namethatartist.game;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The rules that turn answers into points and points into winners. */
final class Scoring {

	/** Best first; equal scores keep the order in which players first answered. */
	static final Comparator<Standing> BEST_FIRST = Comparator.comparingInt(Standing::score).reversed();

	private Scoring() {
	}

	/**
	 * {@code round(baseScore × remaining / roundTime)}, with this game's own round time (the original used
	 * the configured default, whatever the game was started with).
	 */
	static int points(int baseScore, Duration remaining, Duration roundTime) {
		long total = roundTime.toMillis();
		long left = Math.max(0, Math.min(remaining.toMillis(), total));
		return (int) Math.round((double) baseScore * left / total);
	}

	static List<Standing> ranked(Collection<Standing> standings) {
		List<Standing> ranked = new ArrayList<>(standings);
		ranked.sort(BEST_FIRST);
		return List.copyOf(ranked);
	}

	/**
	 * Everyone tied on the top score, when it is above 0; nobody wins a game in which nobody scored (the
	 * original made every player a winner then).
	 */
	static List<Standing> winners(Collection<Standing> standings) {
		int top = standings.stream().mapToInt(Standing::score).max().orElse(0);
		if (top <= 0) {
			return List.of();
		}
		return ranked(standings.stream().filter((standing) -> standing.score() == top).toList());
	}

}
