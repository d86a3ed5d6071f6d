package org.namethatartist.discord;

import java.util.Optional;

import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.namethatartist.game.GameView;

/** Where a game's messages go: its channel, when this process's shards can see it. */
@FunctionalInterface
interface GameChannels {

	Optional<GuildMessageChannel> find(String channelId);

	/**
	 * Why the game's channel cannot be shown for now (its shard is away), or empty when it can, or when it is
	 * gone for good. Messages of a game whose shard is away wait for it rather than being dropped.
	 */
	default Optional<String> away(GameView game) {
		return Optional.empty();
	}

}
