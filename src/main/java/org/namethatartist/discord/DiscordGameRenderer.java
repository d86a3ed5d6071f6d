package org.namethatartist.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.namethatartist.game.Choice;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shows the games of Discord channels: each {@link GameEvent} becomes a message in the game's channel,
 * and a round's buttons are turned off when it ends. Web games (no server) are not shown.
 * <p>
 * The game calls listeners on its timer thread, under the game's lock; this one only hands the event to
 * a thread of its own, which keeps the order of every game's events, and which may wait for the shards at
 * start-up (saved games resume before Discord is ready). Requests go out through JDA's queue, which
 * respects Discord's rate limits; nothing here blocks on Discord.
 */
final class DiscordGameRenderer implements GameListener, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DiscordGameRenderer.class);

	private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);

	/** A round's message, kept to turn its buttons off when the round ends. */
	record RoundMessage(int round, List<Choice> choices, CompletableFuture<Message> sent) {
	}

	private final GameChannels channels;

	private final ExecutorService executor;

	private final Clock clock;

	private final ConcurrentMap<String, RoundMessage> roundMessages = new ConcurrentHashMap<>();

	private volatile boolean running;

	/** @param executor one thread: events are shown in the order they came */
	DiscordGameRenderer(GameChannels channels, ExecutorService executor, Clock clock) {
		this.channels = channels;
		this.executor = executor;
		this.clock = clock;
	}

	@Override
	public void onEvent(GameEvent event) {
		if (event.game().guildId() == null) {
			return;
		}
		try {
			this.executor.execute(() -> show(event));
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Discord: shutting down, {} of game {} not shown", name(event), event.game().gameId());
		}
	}

	/** Rounds whose message is kept; a game's entry goes when the game ends. */
	int roundsTracked() {
		return this.roundMessages.size();
	}

	private void show(GameEvent event) {
		String gameId = event.game().gameId();
		String channelId = event.game().channelId();
		if (event instanceof GameEvent.GameEnded || event instanceof GameEvent.GameStopped) {
			this.roundMessages.remove(gameId);
		}
		try {
			Optional<GuildMessageChannel> found = this.channels.find(channelId);
			if (found.isEmpty()) {
				logger.warn("Discord: channel {} of game {} is not visible to this bot; {} not shown", channelId, gameId,
						name(event));
				return;
			}
			show(event, found.get());
		}
		catch (RuntimeException ex) {
			logger.error("Discord: could not show {} of game {} in channel {}", name(event), gameId, channelId, ex);
		}
	}

	private void show(GameEvent event, GuildMessageChannel channel) {
		String gameId = event.game().gameId();
		if (event instanceof GameEvent.RoundStarted started) {
			CompletableFuture<Message> sent = channel.sendMessage(GameMessages.round(started)).submit();
			sent.whenComplete((message, failure) -> {
				if (failure != null) {
					logger.warn("Discord: round {} of game {} could not be posted in channel {}: {}",
							started.round().number(), gameId, channel.getId(), failure.toString());
				}
			});
			this.roundMessages.put(gameId, new RoundMessage(started.round().number(), started.round().choices(), sent));
		}
		else if (event instanceof GameEvent.RoundEnded ended) {
			closeButtons(ended, channel);
			send(channel, GameMessages.timesUp(ended), "the end of round " + ended.result().number(), gameId);
		}
		else if (event instanceof GameEvent.GameEnded over) {
			send(channel, GameMessages.gameOver(over), "the end", gameId);
		}
		else if (event instanceof GameEvent.GameStopped stopped) {
			send(channel, GameMessages.stopped(stopped), "the stop", gameId);
		}
		else if (event instanceof GameEvent.GameResumed resumed) {
			send(channel, GameMessages.resumed(resumed, this.clock.instant()), "the resumption", gameId);
		}
	}

	/** Edits the round's message once it has been posted; a round posted before a restart is left as it is. */
	private void closeButtons(GameEvent.RoundEnded ended, GuildMessageChannel channel) {
		String gameId = ended.game().gameId();
		RoundMessage round = this.roundMessages.get(gameId);
		if (round == null || round.round() != ended.result().number()) {
			return;
		}
		round.sent().thenAccept((message) -> channel
			.editMessageById(message.getId(),
					GameMessages.closedButtons(gameId, round.round(), round.choices(), ended.result().answer().number()))
			.queue(null, Messages.failed("turning off the buttons of round " + round.round() + " of game " + gameId)));
	}

	private static void send(GuildMessageChannel channel, MessageCreateData message,
			String what, String gameId) {
		channel.sendMessage(message).queue(null, Messages.failed("posting " + what + " of game " + gameId));
	}

	private static String name(GameEvent event) {
		return event.getClass().getSimpleName();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Lets the events already taken reach JDA's queue, then stops; between the game timers and JDA. */
	@Override
	public void stop() {
		this.running = false;
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Discord: game messages still waiting after {} s are dropped", DRAIN_WAIT.toSeconds());
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 3072;
	}

}
