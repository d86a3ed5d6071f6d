package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerStats;

/**
 * The players ordered by each of the seven sort keys, kept up to date on every write, so a top-N read
 * walks N entries instead of sorting everyone. Ties are ordered by user id.
 */
final class LeaderboardIndex {

	private record Ranked(long value, String userId) {
	}

	/** Highest value first, then user id: written out, as it runs some twenty times per write. */
	private static final Comparator<Ranked> ORDER = (a, b) -> {
		int byValue = Long.compare(b.value, a.value);
		return (byValue != 0) ? byValue : a.userId.compareTo(b.userId);
	};

	private final Map<LeaderboardSort, ConcurrentSkipListSet<Ranked>> bySort = new EnumMap<>(LeaderboardSort.class);

	LeaderboardIndex() {
		for (LeaderboardSort sort : LeaderboardSort.values()) {
			this.bySort.put(sort, new ConcurrentSkipListSet<>(ORDER));
		}
	}

	/**
	 * Moves a player from the old stats' places to the new ones. Adds before removing, so a concurrent
	 * reader sees the player twice at worst (and skips the second), never not at all.
	 */
	void update(String userId, PlayerStats before, PlayerStats after) {
		for (Map.Entry<LeaderboardSort, ConcurrentSkipListSet<Ranked>> index : this.bySort.entrySet()) {
			LeaderboardSort sort = index.getKey();
			long newValue = (after != null) ? sort.valueOf(after) : Long.MIN_VALUE;
			long oldValue = (before != null) ? sort.valueOf(before) : Long.MIN_VALUE;
			if (before != null && after != null && newValue == oldValue) {
				continue;
			}
			if (after != null) {
				index.getValue().add(new Ranked(newValue, userId));
			}
			if (before != null) {
				index.getValue().remove(new Ranked(oldValue, userId));
			}
		}
	}

	/** The top {@code limit} by {@code sort}, each player's current stats looked up by {@code statsOf}. */
	List<LeaderboardEntry> top(LeaderboardSort sort, int limit, Function<String, PlayerStats> statsOf) {
		List<LeaderboardEntry> top = new ArrayList<>(Math.min(limit, 128));
		Set<String> seen = new HashSet<>();
		for (Ranked ranked : this.bySort.get(sort)) {
			if (top.size() >= limit) {
				break;
			}
			PlayerStats stats = statsOf.apply(ranked.userId());
			if (stats != null && seen.add(ranked.userId())) {
				top.add(new LeaderboardEntry(top.size() + 1, stats, sort.valueOf(stats)));
			}
		}
		return top;
	}

}
