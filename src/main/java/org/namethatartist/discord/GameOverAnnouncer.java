package org.namethatartist.discord;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameListener;
import org.namethatartist.guildsettings.GuildSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the Game Over summary of a long game (at least
 * {@link org.namethatartist.guildsettings.GuildSettings#LONG_GAME_ROUNDS} rounds, played to its end) in
 * the server's announcement channel too, when the server set one ({@code /settings announcement-channel})
 * and the game was played in another channel. A stopped or abandoned game is not announced. The game calls listeners
 * under its lock; the settings are read on a thread of this announcer's own, so a database never holds a
 * game up. Posting is best effort: a summary lost to a restart or a refused post is logged, not retried.
 */
final class GameOverAnnouncer implements GameListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GameOverAnnouncer.class);

	private final GuildSettingsService settings;

	private final GameChannels channels;

	private final ExecutorService executor;

	GameOverAnnouncer(GuildSettingsService settings, GameChannels channels, ExecutorService executor) {
		this.settings = settings;
		this.channels = channels;
		this.executor = executor;
	}

	@Override
	public void onEvent(GameEvent event) {
		// An abandoned game (nobody answered for several rounds) ended early: nothing worth announcing.
		if (!(event instanceof GameEvent.GameEnded over) || over.game().guildId() == null || over.game().abandoned()) {
			return;
		}
		try {
			this.executor.execute(() -> announce(over));
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Discord: shutting down, the results of game {} not announced", over.game().gameId());
		}
	}

	private void announce(GameEvent.GameEnded over) {
		String gameId = over.game().gameId();
		try {
			Optional<String> target = this.settings.settings(over.game().guildId())
				.announceIn(over.game().channelId(), over.game().totalRounds());
			if (target.isEmpty()) {
				return;
			}
			Optional<GuildMessageChannel> channel = this.channels.find(target.get());
			if (channel.isEmpty()) {
				logger.warn("Discord: the announcement channel {} of server {} is not visible to this bot; game {} not "
						+ "announced", target.get(), over.game().guildId(), gameId);
				return;
			}
			channel.get().sendMessage(summary(over)).queue(null, Messages.failed("announcing the results of game " + gameId));
		}
		catch (RuntimeException ex) {
			logger.error("Discord: could not announce the results of game {}", gameId, ex);
		}
	}

	static MessageCreateData summary(GameEvent.GameEnded over) {
		MessageCreateData gameOver = GameMessages.gameOver(over);
		return new MessageCreateBuilder().applyData(gameOver)
			.setContent("A game of " + over.game().totalRounds() + " rounds just ended in <#" + over.game().channelId()
					+ ">:")
			.setAllowedMentions(Messages.NO_MENTIONS)
			.build();
	}

	/** Stops taking games; announcements already handed over are still posted. */
	@Override
	public void close() {
		this.executor.shutdown();
	}

}
