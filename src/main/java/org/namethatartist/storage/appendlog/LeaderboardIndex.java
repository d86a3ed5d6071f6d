package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerStats;

/**
 * The players ordered by each of the seven sort keys, kept up to date on every write, so a top-N read
 * walks N entries instead of sorting everyone. Ties are ordered by key (the user id). A player moves
 * in all seven orders at once under a write lock, so a read never misses a player in the middle of a
 * move, and every entry carries the stats it was ranked by, so the values shown are in order.
 */
final class LeaderboardIndex {

	private record Ranked(long value, String key, PlayerStats stats) {
	}

	/** Highest value first, then key: written out, as it runs some twenty times per write. */
	private static final Comparator<Ranked> ORDER = (a, b) -> {
		int byValue = Long.compare(b.value, a.value);
		return (byValue != 0) ? byValue : a.key.compareTo(b.key);
	};

	private final Map<LeaderboardSort, TreeSet<Ranked>> bySort = new EnumMap<>(LeaderboardSort.class);

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	LeaderboardIndex() {
		for (LeaderboardSort sort : LeaderboardSort.values()) {
			this.bySort.put(sort, new TreeSet<>(ORDER));
		}
	}

	/** Moves a player from the old stats' places to the new ones; null for none. */
	void update(String key, PlayerStats before, PlayerStats after) {
		this.lock.writeLock().lock();
		try {
			for (Map.Entry<LeaderboardSort, TreeSet<Ranked>> index : this.bySort.entrySet()) {
				LeaderboardSort sort = index.getKey();
				if (before != null) {
					index.getValue().remove(new Ranked(sort.valueOf(before), key, before));
				}
				if (after != null) {
					index.getValue().add(new Ranked(sort.valueOf(after), key, after));
				}
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** The top {@code limit} by {@code sort}. */
	List<LeaderboardEntry> top(LeaderboardSort sort, int limit) {
		this.lock.readLock().lock();
		try {
			List<LeaderboardEntry> top = new ArrayList<>(Math.min(limit, 128));
			for (Ranked ranked : this.bySort.get(sort)) {
				if (top.size() >= limit) {
					break;
				}
				top.add(new LeaderboardEntry(top.size() + 1, ranked.stats(), ranked.value()));
			}
			return top;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

}
