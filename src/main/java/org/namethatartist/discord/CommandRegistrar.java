package org.namethatartist.discord;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands with Discord, replacing whatever this bot had registered before: globally
 * (once per process, when its first shard is ready; an update can take Discord up to an hour to show
 * everywhere), or only in {@code discord.guild-id} when it is set, where they appear at once; then the
 * global commands a global run registered earlier are removed, or the server would show each command twice.
 * A registration Discord refuses or that never arrives is tried again after a growing pause
 * ({@link #FIRST_RETRY}, doubling up to {@link #LAST_RETRY}), not only at the next READY.
 */
final class CommandRegistrar {

	private static final Logger logger = LoggerFactory.getLogger(CommandRegistrar.class);

	static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	static final Duration LAST_RETRY = Duration.ofMinutes(10);

	/** Runs a task after a pause. */
	@FunctionalInterface
	interface Later {

		void run(Duration after, Runnable task);

	}

	private final List<SlashCommandData> commands;

	private final String guildId;

	private final Later later;

	private final AtomicBoolean globalDone = new AtomicBoolean();

	private final AtomicBoolean globalCleared = new AtomicBoolean();

	/** @param guildId the development server, or null for global commands */
	CommandRegistrar(List<SlashCommandData> commands, String guildId) {
		this(commands, guildId, (after, task) -> CompletableFuture
			.delayedExecutor(after.toMillis(), TimeUnit.MILLISECONDS)
			.execute(task));
	}

	/** @param later runs the retries */
	CommandRegistrar(List<SlashCommandData> commands, String guildId, Later later) {
		this.commands = List.copyOf(commands);
		this.guildId = guildId;
		this.later = later;
	}

	/** A shard is ready. */
	void onReady(JDA shard) {
		if (this.guildId != null) {
			warnIfAbsent(shard);
			if (this.globalCleared.compareAndSet(false, true)) {
				clearGlobal(shard, FIRST_RETRY);
			}
			return;
		}
		if (!this.globalDone.compareAndSet(false, true)) {
			return;
		}
		registerGlobal(shard, FIRST_RETRY);
	}

	private void registerGlobal(JDA shard, Duration retry) {
		shard.updateCommands().addCommands(this.commands).queue(
				(registered) -> logger.info("Discord: {} commands registered globally", registered.size()),
				(failure) -> {
					logger.warn("Discord: registering the commands globally failed ({}); trying again in {} s",
							failure.toString(), retry.toSeconds());
					this.later.run(retry, () -> registerGlobal(shard, next(retry)));
				});
	}

	/** With commands in the development server, the global ones of an earlier run would show twice. */
	private void clearGlobal(JDA shard, Duration retry) {
		shard.updateCommands().queue(
				(left) -> logger.info("Discord: global commands removed (discord.guild-id is set)"),
				(failure) -> {
					logger.warn("Discord: removing the global commands failed ({}); trying again in {} s",
							failure.toString(), retry.toSeconds());
					this.later.run(retry, () -> clearGlobal(shard, next(retry)));
				});
	}

	/** A server is ready on its shard. */
	void onGuildReady(Guild guild) {
		if (!guild.getId().equals(this.guildId)) {
			return;
		}
		registerInGuild(guild, FIRST_RETRY);
	}

	private void registerInGuild(Guild guild, Duration retry) {
		guild.updateCommands().addCommands(this.commands).queue(
				(registered) -> logger.info("Discord: {} commands registered in server {} (discord.guild-id)",
						registered.size(), this.guildId),
				(failure) -> {
					logger.warn("Discord: registering the commands in server {} failed ({}); trying again in {} s",
							this.guildId, failure.toString(), retry.toSeconds());
					this.later.run(retry, () -> registerInGuild(guild, next(retry)));
				});
	}

	static Duration next(Duration retry) {
		Duration doubled = retry.multipliedBy(2);
		return (doubled.compareTo(LAST_RETRY) > 0) ? LAST_RETRY : doubled;
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
