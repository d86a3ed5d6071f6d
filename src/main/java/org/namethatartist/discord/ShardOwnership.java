package org.namethatartist.discord;

import java.util.List;
import java.util.Set;

import org.namethatartist.game.GameOwnership;
import org.namethatartist.game.GameSnapshot;

/**
 * The saved games of this process's shards, when {@code discord.shards.ids} names some of them: a server's
 * game belongs to shard {@code (server id >> 22) % total}, Discord's own rule, so the process that
 * receives the server's clicks is the one that resumes its game. Games without a server (the web page's)
 * belong to the process that runs shard 0.
 */
final class ShardOwnership implements GameOwnership {

	private final int total;

	private final Set<Integer> ids;

	private ShardOwnership(int total, List<Integer> ids) {
		this.total = total;
		this.ids = Set.copyOf(ids);
	}

	/** Every game when this process runs every shard (no {@code ids}), else the games of its shards. */
	static GameOwnership of(DiscordProperties.Shards shards) {
		if (shards.ids().isEmpty() || shards.ids().size() == shards.total()) {
			return GameOwnership.EVERY_GAME;
		}
		return new ShardOwnership(shards.total(), shards.ids());
	}

	@Override
	public boolean owns(GameSnapshot saved) {
		return this.ids.contains(shardOf(saved.guildId()));
	}

	int shardOf(String guildId) {
		if (guildId == null) {
			return 0;
		}
		try {
			return (int) Long.remainderUnsigned(Long.parseUnsignedLong(guildId) >>> 22, this.total);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
