package org.namethatartist.storage.appendlog;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

import org.namethatartist.player.GameResult;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.Mutation;

/**
 * Players on two stores: {@code players} (key: user id) and {@code guild_players} (key:
 * {@code <guildId>:<userId>}). A result is one durable record per store, written under the player's
 * lock; memory changes only once the record is on disk. A (game, player) already in the history is
 * not counted again, so a game's end can be replayed after a crash.
 */
public final class AppendLogPlayerRepository implements PlayerRepository {

	private final AppendLog<PlayerStats> players;

	private final PlayerTable playerTable;

	private final AppendLog<PlayerStats> guildPlayers;

	private final PlayerTable guildTable;

	private final KeyLocks locks = new KeyLocks(4096);

	AppendLogPlayerRepository(AppendLog<PlayerStats> players, PlayerTable playerTable,
			AppendLog<PlayerStats> guildPlayers, PlayerTable guildTable) {
		this.players = players;
		this.playerTable = playerTable;
		this.guildPlayers = guildPlayers;
		this.guildTable = guildTable;
	}

	@Override
	public Optional<PlayerStats> find(String userId) {
		return Optional.ofNullable(this.playerTable.get(userId));
	}

	@Override
	public Optional<PlayerStats> find(String guildId, String userId) {
		return Optional.ofNullable(this.guildTable.get(PlayerTable.guildKey(guildId, userId)));
	}

	@Override
	public PlayerStats recordResult(GameResult result) {
		if (!result.countsGlobally()) {
			// A game on the server's own pool: its stats only, never the global ones.
			record(this.guildPlayers, this.guildTable, PlayerTable.guildKey(result.guildId(), result.userId()), result);
			PlayerStats global = this.playerTable.get(result.userId());
			return (global != null) ? global : PlayerStats.newPlayer(result.userId(), result.username());
		}
		PlayerStats global = record(this.players, this.playerTable, result.userId(), result);
		if (result.guildId() != null) {
			record(this.guildPlayers, this.guildTable, PlayerTable.guildKey(result.guildId(), result.userId()), result);
		}
		return global;
	}

	private PlayerStats record(AppendLog<PlayerStats> log, PlayerTable table, String key, GameResult result) {
		ReentrantLock lock = this.locks.forKey(key);
		lock.lock();
		try {
			PlayerStats current = table.get(key);
			if (current == null) {
				current = PlayerStats.newPlayer(result.userId(), result.username());
			}
			else if (current.hasPlayed(result.gameId())) {
				return current;
			}
			PlayerStats next = current.withResult(result);
			log.append(new Mutation.Put<>(key, next), () -> table.put(key, next));
			return next;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public List<LeaderboardEntry> leaderboard(LeaderboardSort sort, int limit, String guildId) {
		if (limit <= 0) {
			return List.of();
		}
		return (guildId == null) ? this.playerTable.top(sort, limit, null) : this.guildTable.top(sort, limit, guildId);
	}

	/** Every player's global stats (guild null), then every per-server entry, for an import elsewhere. */
	void forEach(BiConsumer<String, PlayerStats> byGuild) {
		this.playerTable.forEachEntry((userId, stats) -> byGuild.accept(null, stats));
		this.guildTable.forEachEntry((key, stats) -> byGuild.accept(key.substring(0, key.indexOf(':')), stats));
	}

	@Override
	public long count() {
		return this.playerTable.size();
	}

}
