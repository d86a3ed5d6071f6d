package org.namethatartist.discord;

import java.util.Optional;

import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/** Where a game's messages go: its channel, when this process's shards can see it. */
@FunctionalInterface
interface GameChannels {

	Optional<GuildMessageChannel> find(String channelId);

}
