package org.namethatartist.discord;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands with Discord, replacing whatever this bot had registered before: globally
 * (once per process, when its first shard is ready; an update can take Discord up to an hour to show
 * everywhere), or only in {@code discord.guild-id} when it is set, where they appear at once.
 */
final class CommandRegistrar {

	private static final Logger logger = LoggerFactory.getLogger(CommandRegistrar.class);

	private final List<SlashCommandData> commands;

	private final String guildId;

	private final AtomicBoolean globalDone = new AtomicBoolean();

	/** @param guildId the development server, or null for global commands */
	CommandRegistrar(List<SlashCommandData> commands, String guildId) {
		this.commands = List.copyOf(commands);
		this.guildId = guildId;
	}

	/** A shard is ready. */
	void onReady(JDA shard) {
		if (this.guildId != null) {
			warnIfAbsent(shard);
			return;
		}
		if (!this.globalDone.compareAndSet(false, true)) {
			return;
		}
		shard.updateCommands().addCommands(this.commands).queue(
				(registered) -> logger.info("Discord: {} commands registered globally", registered.size()),
				(failure) -> {
					this.globalDone.set(false);
					logger.warn("Discord: registering the commands globally failed: {}", failure.toString());
				});
	}

	/** A server is ready on its shard. */
	void onGuildReady(Guild guild) {
		if (!guild.getId().equals(this.guildId)) {
			return;
		}
		guild.updateCommands().addCommands(this.commands).queue(
				(registered) -> logger.info("Discord: {} commands registered in server {} (discord.guild-id)",
						registered.size(), this.guildId),
				(failure) -> logger.warn("Discord: registering the commands in server {} failed: {}", this.guildId,
						failure.toString()));
	}

	/** The development server belongs to this shard but the bot is not in it: the commands would never show. */
	private void warnIfAbsent(JDA shard) {
		JDA.ShardInfo info = shard.getShardInfo();
		long shardOfGuild = (Long.parseLong(this.guildId) >> 22) % Math.max(1, info.getShardTotal());
		if (shardOfGuild == info.getShardId() && shard.getGuildById(this.guildId) == null) {
			logger.warn("Discord: the bot is not in server {} (discord.guild-id), so no command is registered; invite "
					+ "it there (README, \"Run it in your Discord server\") or clear discord.guild-id", this.guildId);
		}
	}

}
