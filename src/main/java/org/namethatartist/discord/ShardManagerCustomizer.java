package org.namethatartist.discord;

import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;

/**
 * A bean that adjusts the shard manager before it is built, after our own settings: a presence, a
 * proxy, another REST address (tests point it at a fake Discord).
 */
@FunctionalInterface
interface ShardManagerCustomizer {

	void customize(DefaultShardManagerBuilder builder);

}
