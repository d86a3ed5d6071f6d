package org.namethatartist.storage.appendlog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.log.StoreState;

/**
 * Player stats in memory with their leaderboard indexes. The global table is keyed by user id; the
 * per-server table by {@code <guildId>:<userId>}, with one index per server.
 */
final class PlayerTable implements StoreState<PlayerStats> {

	private final Map<String, PlayerStats> stats = new ConcurrentHashMap<>();

	private final boolean perGuild;

	private final LeaderboardIndex global = new LeaderboardIndex();

	private final Map<String, LeaderboardIndex> guilds = new ConcurrentHashMap<>();

	private PlayerTable(boolean perGuild) {
		this.perGuild = perGuild;
	}

	static PlayerTable global() {
		return new PlayerTable(false);
	}

	static PlayerTable perGuild() {
		return new PlayerTable(true);
	}

	static String guildKey(String guildId, String userId) {
		return guildId + ":" + userId;
	}

	PlayerStats get(String key) {
		return this.stats.get(key);
	}

	int size() {
		return this.stats.size();
	}

	/**
	 * Puts the new stats and moves the player in the indexes. Callers serialise writes per key (the
	 * repository's lock), so before/after pairs never interleave for one player.
	 */
	void put(String key, PlayerStats value) {
		PlayerStats before = this.stats.put(key, value);
		indexFor(key).update(key, before, value);
	}

	@Override
	public void replayPut(String key, PlayerStats value) {
		PlayerStats fixed = value;
		if (value.userId().isEmpty()) {
			// An entry without its userId member: the key says whose it is.
			String userId = this.perGuild ? key.substring(key.indexOf(':') + 1) : key;
			fixed = new PlayerStats(userId, value.username(), value.totalGames(), value.totalWins(),
					value.totalScore(), value.averageScore(), value.bestScore(), value.totalCorrectAnswers(),
					value.totalIncorrectAnswers(), value.totalAnswers(), value.accuracyRate(), value.gamesHistory());
		}
		put(key, fixed);
	}

	@Override
	public void replayRemove(String key) {
		PlayerStats before = this.stats.remove(key);
		if (before != null) {
			indexFor(key).update(key, before, null);
		}
	}

	@Override
	public void forEachEntry(BiConsumer<String, PlayerStats> action) {
		this.stats.forEach(action);
	}

	/** The global top list, or the one of a server (per-guild tables only). */
	List<LeaderboardEntry> top(LeaderboardSort sort, int limit, String guildId) {
		if (!this.perGuild) {
			return this.global.top(sort, limit);
		}
		LeaderboardIndex index = this.guilds.get(guildId);
		return (index != null) ? index.top(sort, limit) : List.of();
	}

	private LeaderboardIndex indexFor(String key) {
		if (!this.perGuild) {
			return this.global;
		}
		String guildId = key.substring(0, Math.max(0, key.indexOf(':')));
		return this.guilds.computeIfAbsent(guildId, (id) -> new LeaderboardIndex());
	}

}
