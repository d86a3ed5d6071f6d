package org.namethatartist.player;

import java.util.List;
import java.util.Optional;

/**
 * All-time player statistics, globally and per Discord server. Implementations must make
 * {@link #recordResult} atomic per player and idempotent per (game, player).
 */
public interface PlayerRepository {

	/** The global stats of a player. */
	Optional<PlayerStats> find(String userId);

	/** The stats of a player in one Discord server. */
	Optional<PlayerStats> find(String guildId, String userId);

	/**
	 * Adds one game's result to the player's global stats and, when the result names a guild, to the
	 * per-server stats; returns the new global stats once they are durable. Recording the same
	 * (gameId, userId) again changes nothing and returns the stats as they are.
	 * @throws org.namethatartist.StorageException when the write could not be made
	 * durable; nothing was recorded then
	 */
	PlayerStats recordResult(GameResult result);

	/**
	 * The top {@code limit} players by {@code sort}, highest first; ties keep a stable order.
	 * @param guildId a Discord server id for its own leaderboard, or null for the global one
	 */
	List<LeaderboardEntry> leaderboard(LeaderboardSort sort, int limit, String guildId);

	/** How many players have global stats. */
	long count();

}
