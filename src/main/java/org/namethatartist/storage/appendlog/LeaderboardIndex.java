package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerStats;

/**
 * The players of one leaderboard (everyone, or one server) and, for each of the seven sort keys, the
 * exact top {@value #KEPT} (or fewer) kept sorted as players change. Ties are ordered by key (the user
 * id). A write moves a player in all seven lists at once under a write lock, so a read never misses a
 * player in the middle of a move, and every entry carries the stats it was ranked by, so the values
 * shown are in order.
 *
 * <p>Why top lists and not seven sorted trees of everyone: most writes and most replayed records
 * concern players far from the top, and a top list settles those with one or two comparisons, where a
 * tree of a million players costs some twenty comparisons each way, most of them cache misses on the
 * user ids of tied players (a million players share a handful of {@code totalGames} values). A list
 * only loses an entry when a player in it falls out of it (a lower average or accuracy, a removal);
 * a read that then needs more than the list still holds rebuilds it with one pass over the players.
 */
final class LeaderboardIndex {

	/** How many of the best each list keeps: the largest top the API serves (100), and some to lose. */
	static final int KEPT = 128;

	private record Ranked(long value, String key, PlayerStats stats) {

		/** Highest value first, then key. */
		int compareTo(long otherValue, String otherKey) {
			int byValue = Long.compare(otherValue, this.value);
			return (byValue != 0) ? byValue : this.key.compareTo(otherKey);
		}

	}

	private final Map<String, PlayerStats> players = new HashMap<>();

	private final Map<LeaderboardSort, TopList> bySort = new EnumMap<>(LeaderboardSort.class);

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	LeaderboardIndex() {
		for (LeaderboardSort sort : LeaderboardSort.values()) {
			this.bySort.put(sort, new TopList(sort));
		}
	}

	/**
	 * Moves a player from the old stats' places to the new ones; null for none. {@code before} is what
	 * was last given as {@code after} for this key (callers serialise writes per key).
	 */
	void update(String key, PlayerStats before, PlayerStats after) {
		this.lock.writeLock().lock();
		try {
			if (after != null) {
				this.players.put(key, after);
			}
			else {
				this.players.remove(key);
			}
			int count = this.players.size();
			for (TopList list : this.bySort.values()) {
				if (before != null) {
					list.remove(key, before);
				}
				if (after != null) {
					list.offer(key, after, count);
				}
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** The top {@code limit} by {@code sort}. */
	List<LeaderboardEntry> top(LeaderboardSort sort, int limit) {
		TopList list = this.bySort.get(sort);
		this.lock.readLock().lock();
		try {
			if (list.covers(limit, this.players.size())) {
				return list.entries(limit);
			}
			if (limit > KEPT) {
				// More than a list keeps: one pass over the players, not kept.
				return select(sort, limit).entries(limit);
			}
		}
		finally {
			this.lock.readLock().unlock();
		}
		this.lock.writeLock().lock();
		try {
			if (!list.covers(limit, this.players.size())) {
				TopList rebuilt = select(sort, KEPT);
				list.replaceWith(rebuilt);
			}
			return list.entries(limit);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** The best {@code size} players by {@code sort}, in one pass. Caller holds the lock. */
	private TopList select(LeaderboardSort sort, int size) {
		TopList best = new TopList(sort, size);
		int seen = 0;
		for (Map.Entry<String, PlayerStats> player : this.players.entrySet()) {
			best.offer(player.getKey(), player.getValue(), ++seen);
		}
		return best;
	}

	/**
	 * The exact top {@code size} of the players by one key: no player outside it ranks before its last
	 * entry. It may hold fewer than its capacity; it holds all the players when there are no more.
	 */
	private static final class TopList {

		private final LeaderboardSort sort;

		private Ranked[] entries;

		private int size;

		TopList(LeaderboardSort sort) {
			this(sort, KEPT);
		}

		TopList(LeaderboardSort sort, int capacity) {
			this.sort = sort;
			this.entries = new Ranked[capacity];
		}

		boolean covers(int limit, int players) {
			return this.size >= limit || this.size == players;
		}

		List<LeaderboardEntry> entries(int limit) {
			int n = Math.min(limit, this.size);
			List<LeaderboardEntry> top = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				top.add(new LeaderboardEntry(i + 1, this.entries[i].stats(), this.entries[i].value()));
			}
			return top;
		}

		void replaceWith(TopList other) {
			this.entries = Arrays.copyOf(other.entries, this.entries.length);
			this.size = other.size;
		}

		/** Takes the player out if it is in the list, ranked by {@code stats}. */
		void remove(String key, PlayerStats stats) {
			int at = search(this.sort.valueOf(stats), key);
			if (at >= 0) {
				System.arraycopy(this.entries, at + 1, this.entries, at, this.size - at - 1);
				this.entries[--this.size] = null;
			}
		}

		/**
		 * Puts the player in if the list stays exact: when it ranks before the last entry, or after it
		 * while the list holds every other player. {@code players} counts the players, this one included.
		 */
		void offer(String key, PlayerStats stats, int players) {
			long value = this.sort.valueOf(stats);
			int capacity = this.entries.length;
			if (this.size == capacity && this.entries[capacity - 1].compareTo(value, key) <= 0) {
				// The common case: far from the top of a full list.
				return;
			}
			int at = -search(value, key) - 1;
			if (at < 0) {
				// Already in the list (a caller that did not remove it first): replace its stats.
				at = -at - 1;
				this.entries[at] = new Ranked(value, key, stats);
				return;
			}
			if (at == this.size && this.size < players - 1) {
				// After the last entry, with players outside the list who may rank before it.
				return;
			}
			int kept = Math.min(this.size, capacity - 1);
			System.arraycopy(this.entries, at, this.entries, at + 1, kept - at);
			this.entries[at] = new Ranked(value, key, stats);
			this.size = kept + 1;
		}

		/** Binary search: the index of (value, key), or {@code -(insertion point) - 1}. */
		private int search(long value, String key) {
			int low = 0;
			int high = this.size - 1;
			while (low <= high) {
				int mid = (low + high) >>> 1;
				int c = this.entries[mid].compareTo(value, key);
				if (c < 0) {
					low = mid + 1;
				}
				else if (c > 0) {
					high = mid - 1;
				}
				else {
					return mid;
				}
			}
			return -(low + 1);
		}

	}

}
