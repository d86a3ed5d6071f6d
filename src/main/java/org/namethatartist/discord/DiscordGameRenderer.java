package org.namethatartist.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.namethatartist.game.Choice;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.image.ArtworkImage;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameListener;
import org.namethatartist.game.GameView;
import org.namethatartist.game.RoundGate;
import org.namethatartist.game.TitleShown;
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

	/** A round's message, kept to close it when the round ends, or when the game stops during the round. */
	record RoundMessage(int round, List<Choice> choices, CompletableFuture<Posted> posted, boolean typed) {

		RoundMessage(int round, List<Choice> choices, CompletableFuture<Posted> posted) {
			this(round, choices, posted, false);
		}

	}

	/** A message as Discord took it: its id, and the form that went through. */
	record Posted(String id, MessageCreateData data) {
	}

	/** Discord's answers that mean the bot can no longer show anything in the channel. */
	private static final Set<ErrorResponse> ACCESS_LOST = EnumSet.of(ErrorResponse.UNKNOWN_CHANNEL,
			ErrorResponse.MISSING_ACCESS, ErrorResponse.MISSING_PERMISSIONS);

	private final GameChannels channels;

	private final ExecutorService executor;

	private final Clock clock;

	private final Consumer<String> stopChannel;

	private final RoundShown roundShown;

	/** Whether a game is played with typed answers (its rounds show one button that opens a form). */
	private volatile Predicate<String> typedGames = (gameId) -> false;

	/** Told where each round was posted, to save it with the game (see {@code GameService.roundShown}). */
	@FunctionalInterface
	interface RoundShown {

		void shown(String gameId, int round, String messageId);

	}

	/** Tells which games are typed; by default none is. */
	DiscordGameRenderer typedGames(Predicate<String> typed) {
		this.typedGames = typed;
		return this;
	}

	/** Where rounds' images come from (the image cache); by default no round has one. */
	private volatile Function<Token, Optional<ArtworkImage>> images = (token) -> Optional.empty();

	/** When a game's rounds show the title: read once per game, at its first round shown here. */
	private volatile Function<GameView, TitleShown> showTitle = (game) -> TitleShown.AFTER_ROUND;

	/** Whether each running game's rounds show the title, fixed at its first round (a game keeps its start). */
	private final ConcurrentMap<String, Boolean> titleShown = new ConcurrentHashMap<>();

	/** Gives the rounds their images: an image is uploaded with its round's message. */
	DiscordGameRenderer images(Function<Token, Optional<ArtworkImage>> images) {
		this.images = images;
		return this;
	}

	/** Whether rounds show the artwork's title ({@code game.show-title}); by default only the reveal does. */
	DiscordGameRenderer showTitle(TitleShown showTitle) {
		return showTitle((game) -> showTitle);
	}

	/** As {@link #showTitle(TitleShown)}, game by game (a server's {@code /settings show-title}). */
	DiscordGameRenderer showTitle(Function<GameView, TitleShown> showTitle) {
		this.showTitle = showTitle;
		return this;
	}

	private boolean showsTitle(GameView game) {
		return this.titleShown.computeIfAbsent(game.gameId(), (id) -> {
			try {
				return this.showTitle.apply(game) == TitleShown.DURING_ROUND;
			}
			catch (RuntimeException ex) {
				logger.warn("Discord: whether game {} shows titles could not be read ({}); it does not", id, ex.toString());
				return false;
			}
		});
	}

	private Optional<ArtworkImage> image(Token token) {
		try {
			return this.images.apply(token);
		}
		catch (RuntimeException ex) {
			logger.warn("Discord: the image of a round could not be read from the cache: {}", ex.toString());
			return Optional.empty();
		}
	}

	private final ConcurrentMap<String, RoundMessage> roundMessages = new ConcurrentHashMap<>();

	/**
	 * Events of games whose shard is away (a reconnect, an invalid session that emptied JDA's cache), in
	 * order, shown once the channel is visible again; guarded by this renderer's monitor.
	 */
	private final Map<String, Deferred> deferred = new LinkedHashMap<>();

	/** How often deferred events look for their channel again. */
	static final Duration DEFERRED_RETRY = Duration.ofSeconds(2);

	private record Deferred(Instant since, Deque<GameEvent> events) {
	}

	/** Games whose channel the bot lost: stopped, and nothing more is sent there. */
	private final Set<String> lost = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	/** @param executor one thread: events are shown in the order they came */
	DiscordGameRenderer(GameChannels channels, ExecutorService executor, Clock clock) {
		this(channels, executor, clock, (channelId) -> {
		});
	}

	/**
	 * @param executor one thread: events are shown in the order they came
	 * @param stopChannel stops the channel's game (its scores recorded) when the bot has lost the channel
	 */
	DiscordGameRenderer(GameChannels channels, ExecutorService executor, Clock clock, Consumer<String> stopChannel) {
		this(channels, executor, clock, stopChannel, (gameId, round, messageId) -> {
		});
	}

	/** @param roundShown saves where each round was posted with its game, for a restart */
	DiscordGameRenderer(GameChannels channels, ExecutorService executor, Clock clock, Consumer<String> stopChannel,
			RoundShown roundShown) {
		this.roundShown = roundShown;
		this.channels = channels;
		this.executor = executor;
		this.clock = clock;
		this.stopChannel = stopChannel;
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

	/** Rounds whose message is kept; a round's entry goes when it is closed. */
	int roundsTracked() {
		return this.roundMessages.size();
	}

	private void show(GameEvent event) {
		if (deferIfAway(event)) {
			return;
		}
		showNow(event);
	}

	/**
	 * Keeps the event for later when its game already has events waiting, or when its channel cannot be
	 * seen because its shard is away; whether it did. A game's events keep their order.
	 */
	private synchronized boolean deferIfAway(GameEvent event) {
		String gameId = event.game().gameId();
		Deferred waiting = this.deferred.get(gameId);
		if (waiting != null) {
			waiting.events().add(event);
			return true;
		}
		if (this.lost.contains(gameId) || this.channels.find(event.game().channelId()).isPresent()) {
			return false;
		}
		Optional<String> away = this.channels.away(event.game());
		if (away.isEmpty()) {
			return false;
		}
		logger.info("Discord: channel {} of game {} cannot be shown now ({}); its messages wait", event.game().channelId(),
				gameId, away.get());
		boolean first = this.deferred.isEmpty();
		this.deferred.put(gameId, new Deferred(this.clock.instant(), new ArrayDeque<>(List.of(event))));
		if (first) {
			retryLater();
		}
		return true;
	}

	private void retryLater() {
		CompletableFuture.delayedExecutor(DEFERRED_RETRY.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
			try {
				this.executor.execute(this::retryDeferred);
			}
			catch (RejectedExecutionException ex) {
				logger.debug("Discord: shutting down; waiting game messages not shown");
			}
		});
	}

	/**
	 * Shows the waiting events of each game whose channel is visible again, in order; drops those of a game
	 * that waited longer than a held round may ({@link RoundGate#MAX_HOLD}), saying so. Runs on the
	 * renderer's thread.
	 */
	synchronized void retryDeferred() {
		Instant now = this.clock.instant();
		for (var iterator = this.deferred.entrySet().iterator(); iterator.hasNext();) {
			Map.Entry<String, Deferred> entry = iterator.next();
			Deferred waiting = entry.getValue();
			String channelId = waiting.events().peekFirst().game().channelId();
			if (this.channels.find(channelId).isPresent()) {
				iterator.remove();
				logger.info("Discord: channel {} is back; showing {} waiting messages of game {}", channelId,
						waiting.events().size(), entry.getKey());
				waiting.events().forEach(this::showNow);
			}
			else if (Duration.between(waiting.since(), now).compareTo(RoundGate.MAX_HOLD) > 0) {
				iterator.remove();
				logger.warn("Discord: channel {} of game {} did not come back within {} min; {} messages dropped",
						channelId, entry.getKey(), RoundGate.MAX_HOLD.toMinutes(), waiting.events().size());
			}
		}
		if (!this.deferred.isEmpty()) {
			retryLater();
		}
	}

	private void showNow(GameEvent event) {
		String gameId = event.game().gameId();
		String channelId = event.game().channelId();
		boolean over = event instanceof GameEvent.GameEnded || event instanceof GameEvent.GameStopped;
		RoundMessage open = over ? this.roundMessages.remove(gameId) : null;
		if (over) {
			this.titleShown.remove(gameId);
		}
		if (this.lost.contains(gameId)) {
			if (over) {
				this.lost.remove(gameId);
			}
			return;
		}
		try {
			Optional<GuildMessageChannel> found = this.channels.find(channelId);
			if (found.isEmpty()) {
				logger.warn("Discord: channel {} of game {} is not visible to this bot; {} not shown", channelId, gameId,
						name(event));
				return;
			}
			if (open != null) {
				close(open, gameId, found.get());
			}
			show(event, found.get());
		}
		catch (RuntimeException ex) {
			if (isAccessLost(ex)) {
				accessLost(event.game().gameId(), channelId, ex);
			}
			else {
				logger.error("Discord: could not show {} of game {} in channel {}", name(event), gameId, channelId, ex);
			}
		}
	}

	private void show(GameEvent event, GuildMessageChannel channel) {
		String gameId = event.game().gameId();
		if (event instanceof GameEvent.RoundStarted started) {
			int number = started.round().number();
			boolean typed = this.typedGames.test(gameId);
			Optional<ArtworkImage> image = image(started.round().token());
			CompletableFuture<Posted> posted = post(channel,
					GameMessages.roundForms(started, typed, image, showsTitle(started.game())), 0, gameId,
					number);
			posted.thenAccept((message) -> this.roundShown.shown(gameId, number, message.id()));
			this.roundMessages.put(gameId, new RoundMessage(number, started.round().choices(), posted, typed));
		}
		else if (event instanceof GameEvent.RoundEnded ended) {
			endRound(ended, channel);
		}
		else if (event instanceof GameEvent.GameEnded over) {
			send(channel, GameMessages.gameOver(over), "the end", gameId);
		}
		else if (event instanceof GameEvent.GameStopped stopped) {
			send(channel, GameMessages.stopped(stopped), "the stop", gameId);
		}
		else if (event instanceof GameEvent.GameResumed resumed) {
			GameEvent.GameResumed.ShownRound shown = resumed.shown();
			if (shown != null) {
				// The interrupted round's buttons, live since before the restart, go off before it is posted again.
				channel.editMessageById(shown.messageId(),
						GameMessages.stoppedButtons(gameId, shown.number(), shown.choices(), this.typedGames.test(gameId)))
					.queue(null, failed(gameId, channel.getId(), "turning off the buttons of interrupted round "
							+ shown.number()));
			}
			send(channel, GameMessages.resumed(resumed, this.clock.instant()), "the resumption", gameId);
		}
	}

	/**
	 * Posts the first of the round's forms Discord takes. A refused form (a bad image address, an embed
	 * Discord's checks reject) is followed by the next, simpler one; a lost channel stops the game.
	 */
	private CompletableFuture<Posted> post(GuildMessageChannel channel, List<Supplier<MessageCreateData>> forms,
			int form, String gameId, int round) {
		CompletableFuture<Posted> attempt;
		try {
			MessageCreateData data = forms.get(form).get();
			attempt = channel.sendMessage(data).submit().thenApply((message) -> new Posted(message.getId(), data));
		}
		catch (RuntimeException ex) {
			attempt = CompletableFuture.failedFuture(ex);
		}
		return attempt.exceptionallyCompose((failure) -> {
			if (isAccessLost(failure)) {
				accessLost(gameId, channel.getId(), failure);
				return CompletableFuture.failedFuture(failure);
			}
			if (form + 1 < forms.size()) {
				logger.warn("Discord: round {} of game {} was refused in channel {} ({}); sending it in a simpler form",
						round, gameId, channel.getId(), cause(failure).toString());
				return post(channel, forms, form + 1, gameId, round);
			}
			logger.warn("Discord: round {} of game {} could not be posted in channel {}: {}", round, gameId,
					channel.getId(), cause(failure).toString());
			return CompletableFuture.failedFuture(failure);
		});
	}

	/**
	 * One request: the round's message edited into its result. Without the round's message (not posted, or
	 * posted before a restart), the result is a message of its own.
	 */
	private void endRound(GameEvent.RoundEnded ended, GuildMessageChannel channel) {
		String gameId = ended.game().gameId();
		RoundMessage round = this.roundMessages.get(gameId);
		if (round == null || round.round() != ended.result().number()) {
			send(channel, GameMessages.timesUp(ended), "the end of round " + ended.result().number(), gameId);
			return;
		}
		this.roundMessages.remove(gameId, round);
		round.posted().whenComplete((posted, failure) -> {
			if (posted == null) {
				if (!this.lost.contains(gameId)) {
					send(channel, GameMessages.timesUp(ended), "the end of round " + ended.result().number(), gameId);
				}
				return;
			}
			channel.editMessageById(posted.id(),
					GameMessages.roundOver(ended, posted.data(), round.choices(), round.typed()))
				.queue(null, failed(gameId, channel.getId(), "the end of round " + round.round()));
		});
	}

	/** A game stopped during a round: the round's buttons go off, so that nobody answers a stopped game. */
	private void close(RoundMessage round, String gameId, GuildMessageChannel channel) {
		round.posted().thenAccept((posted) -> channel
			.editMessageById(posted.id(),
					GameMessages.stoppedButtons(gameId, round.round(), round.choices(), round.typed()))
			.queue(null, failed(gameId, channel.getId(), "turning off the buttons of round " + round.round())));
	}

	private void send(GuildMessageChannel channel, MessageCreateData message, String what, String gameId) {
		channel.sendMessage(message).queue(null, failed(gameId, channel.getId(), "posting " + what));
	}

	private Consumer<Throwable> failed(String gameId, String channelId, String what) {
		return (failure) -> {
			if (isAccessLost(failure)) {
				accessLost(gameId, channelId, failure);
			}
			else {
				logger.warn("Discord: {} of game {} failed: {}", what, gameId, cause(failure).toString());
			}
		};
	}

	/**
	 * The bot can no longer see or post in the game's channel (deleted, or its permissions taken away): the
	 * game is stopped once, its scores recorded, and said in one line, not a stack trace per event.
	 */
	private void accessLost(String gameId, String channelId, Throwable failure) {
		if (this.lost.add(gameId)) {
			logger.warn("Discord: lost access to channel {} ({}); stopping game {} with its scores recorded", channelId,
					cause(failure).getMessage(), gameId);
			this.roundMessages.remove(gameId);
			try {
				this.stopChannel.accept(channelId);
			}
			catch (RuntimeException ex) {
				logger.warn("Discord: game {} could not be stopped: {}", gameId, ex.toString());
			}
		}
	}

	static boolean isAccessLost(Throwable failure) {
		Throwable cause = cause(failure);
		if (cause instanceof PermissionException) {
			return true;
		}
		return cause instanceof ErrorResponseException error && ACCESS_LOST.contains(error.getErrorResponse());
	}

	private static Throwable cause(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
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
