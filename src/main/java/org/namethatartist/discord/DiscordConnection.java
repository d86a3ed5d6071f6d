package org.namethatartist.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.namethatartist.game.GameView;
import org.namethatartist.game.ResumeGate;
import org.namethatartist.game.RoundGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The connection to Discord: builds the shard manager and logs in on a thread of its own, so that neither
 * a bad token nor an unreachable Discord holds up or stops the application.
 * <ul>
 * <li>A token Discord refuses is final: reported by the health contributor, never retried (Discord bans
 * addresses that keep sending bad tokens).</li>
 * <li>Any other failure to log in (network, Discord down) is retried with a back-off, each time with a
 * fresh shard manager.</li>
 * <li>Once logged in, JDA reconnects its shards by itself through outages.</li>
 * </ul>
 * Starts before saved games resume and stops after the game timers, so that messages of rounds that end
 * during a shutdown still go out.
 */
final class DiscordConnection implements SmartLifecycle, GameChannels, ResumeGate, RoundGate {

	private static final Logger logger = LoggerFactory.getLogger(DiscordConnection.class);

	static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	static final Duration LAST_RETRY = Duration.ofMinutes(5);

	/** How long after start-up game messages wait for the shards before giving up on a channel. */
	static final Duration WARM_UP = Duration.ofSeconds(60);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	/** Where the connection stands. */
	enum State {

		/** Not started, or the first login is under way. */
		STARTING,

		/** Logged in: the shards connect, and JDA keeps them connected. */
		LOGGED_IN,

		/** The last login failed for a reason other than the token; another attempt is scheduled. */
		RETRYING,

		/** Discord refused the token: nothing more is tried. */
		TOKEN_REFUSED,

		STOPPED

	}

	/** One shard as health shows it, with the servers it has in its cache. */
	record Shard(int id, JDA.Status status, long gatewayPing, long guilds) {

		Shard(int id, JDA.Status status, long gatewayPing) {
			this(id, status, gatewayPing, 0);
		}

	}

	/** The connection at one moment. */
	record Status(State state, String problem, Instant nextAttempt, List<Shard> shards, int shardsQueued) {

		/** The servers in the shards' caches. */
		long guilds() {
			return this.shards.stream().mapToLong(Shard::guilds).sum();
		}

		boolean allConnected() {
			return this.state == State.LOGGED_IN && this.shardsQueued == 0 && !this.shards.isEmpty()
					&& this.shards.stream().allMatch((shard) -> shard.status() == JDA.Status.CONNECTED);
		}

	}

	private final Supplier<ShardManager> shardManagers;

	private final Clock clock;

	private final ScheduledExecutorService loginThread = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "discord-login");
		thread.setDaemon(true);
		return thread;
	});

	private final CountDownLatch firstAttempt = new CountDownLatch(1);

	private volatile ShardManager shardManager;

	private volatile State state = State.STARTING;

	private volatile String problem;

	private volatile Instant nextAttempt;

	private volatile Instant startedAt;

	/** {@link System#nanoTime()} at start: waits are measured on the monotonic clock, never on {@link #clock}. */
	private volatile long startedNanos;

	/** Notified whenever a shard's status changes, a login attempt ends, or the connection stops. */
	private final Object shardsChanged = new Object();

	/** The longest a waiter sleeps without a notification, should one be missed. */
	private static final long WAKE_UP_MILLIS = 1000;

	private volatile boolean running;

	private int failures;

	/** @param shardManagers builds a new shard manager, not logged in yet, for each attempt */
	DiscordConnection(Supplier<ShardManager> shardManagers, Clock clock) {
		this.shardManagers = shardManagers;
		this.clock = clock;
	}

	@Override
	public void start() {
		// JDA's default for every message, on top of each of ours: nothing sent may ping anybody.
		MessageRequest.setDefaultMentions(Messages.NO_MENTIONS);
		// Running first: whoever sees startedAt set sees running too (see stoppedAfterStart).
		this.running = true;
		this.startedNanos = System.nanoTime();
		this.startedAt = this.clock.instant();
		this.loginThread.execute(this::logIn);
	}

	private void logIn() {
		if (!this.running) {
			return;
		}
		ShardManager manager = null;
		try {
			manager = this.shardManagers.get();
			manager.login();
			// After the login: JDA's shard manager has no shard cache before it (shards made later get it too).
			manager.addEventListener(new ShardStatusListener(this::shardsChanged));
			this.shardManager = manager;
			this.state = State.LOGGED_IN;
			this.problem = null;
			this.nextAttempt = null;
			this.failures = 0;
			logger.info("Discord: logged in; {} shard(s) connecting", manager.getShardsTotal());
		}
		catch (InvalidTokenException ex) {
			shutDownQuietly(manager);
			this.problem = "Discord refused the token (401 Unauthorized): set discord.token (env DISCORD_TOKEN) to the "
					+ "bot token from Discord's developer portal";
			this.state = State.TOKEN_REFUSED;
			logger.error("Discord is off: {}. The rest of the application runs.", this.problem);
		}
		catch (RuntimeException ex) {
			shutDownQuietly(manager);
			Duration wait = backOff(this.failures++);
			this.problem = "Discord could not be reached: " + describe(ex);
			this.nextAttempt = this.clock.instant().plus(wait);
			this.state = State.RETRYING;
			logger.warn("{}; next attempt in {} s", this.problem, wait.toSeconds());
			try {
				this.loginThread.schedule(this::logIn, wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException stopping) {
				// Shut down meanwhile: nothing more to try.
			}
		}
		finally {
			this.firstAttempt.countDown();
			shardsChanged();
		}
	}

	private void shardsChanged() {
		synchronized (this.shardsChanged) {
			this.shardsChanged.notifyAll();
		}
	}

	/** Tells the connection of every shard's status change, so that waiters wake at once. */
	private static final class ShardStatusListener implements net.dv8tion.jda.api.hooks.EventListener {

		private final Runnable changed;

		ShardStatusListener(Runnable changed) {
			this.changed = changed;
		}

		@Override
		public void onEvent(net.dv8tion.jda.api.events.GenericEvent event) {
			if (event instanceof net.dv8tion.jda.api.events.StatusChangeEvent) {
				this.changed.run();
			}
		}

	}

	static Duration backOff(int failures) {
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures, 10));
		return (wait.compareTo(LAST_RETRY) > 0) ? LAST_RETRY : wait;
	}

	/** The innermost message, which says what happened (such as an unknown host), without a stack trace. */
	private static String describe(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static void shutDownQuietly(ShardManager manager) {
		if (manager != null) {
			try {
				manager.shutdown();
			}
			catch (RuntimeException ex) {
				logger.debug("Discord: shutting down a shard manager that failed to log in failed too", ex);
			}
		}
	}

	Status status() {
		ShardManager manager = this.shardManager;
		List<Shard> shards = new ArrayList<>();
		int queued = 0;
		if (manager != null && this.state == State.LOGGED_IN) {
			for (JDA jda : manager.getShardCache().asList()) {
				shards.add(new Shard(jda.getShardInfo().getShardId(), jda.getStatus(), jda.getGatewayPing(),
						jda.getGuildCache().size()));
			}
			shards.sort((a, b) -> Integer.compare(a.id(), b.id()));
			queued = manager.getShardsQueued();
		}
		return new Status(this.state, this.problem, this.nextAttempt, List.copyOf(shards), queued);
	}

	/**
	 * The channel, when one of this process's shards sees it. Early after start-up (saved games resume at
	 * once, before the shards are ready), waits for the shards for up to {@link #WARM_UP} since start.
	 */
	@Override
	public Optional<GuildMessageChannel> find(String channelId) {
		Optional<GuildMessageChannel> channel = lookUp(channelId);
		if (channel.isEmpty() && awaitWarmUp()) {
			channel = lookUp(channelId);
		}
		return channel;
	}

	private Optional<GuildMessageChannel> lookUp(String channelId) {
		ShardManager manager = this.shardManager;
		return (manager != null) ? Optional.ofNullable(manager.getChannelById(GuildMessageChannel.class, channelId))
				: Optional.empty();
	}

	/**
	 * Saved games resume once every shard is connected, or once the login has failed (a refused token, or
	 * a retry pending: the games then play on without Discord rather than wait), or after {@code max}.
	 */
	@Override
	public void awaitReady(Duration max) throws InterruptedException {
		awaitShards(System.nanoTime() + max.toNanos());
	}

	/** Waits while the shards are still coming up after start-up; whether it waited at all. */
	private boolean awaitWarmUp() {
		if (this.startedAt == null) {
			return false;
		}
		try {
			return awaitShards(this.startedNanos + WARM_UP.toNanos());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Only a wait is interrupted.
			return true;
		}
	}

	/**
	 * Waits while the shards are coming up (the first login under way, or logged in with shards not yet
	 * connected), until {@code deadline} ({@link System#nanoTime()}) or until stopped; whether it waited.
	 * Woken by each shard's status change (and, should one be missed, every {@value #WAKE_UP_MILLIS} ms).
	 */
	private boolean awaitShards(long deadline) throws InterruptedException {
		boolean waited = false;
		while (warmingUp() && !stoppedAfterStart() && deadline - System.nanoTime() > 0) {
			waited = true;
			if (this.firstAttempt.getCount() > 0) {
				this.firstAttempt.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				continue;
			}
			synchronized (this.shardsChanged) {
				if (warmingUp() && !stoppedAfterStart()) {
					long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
					this.shardsChanged.wait(Math.max(1, Math.min(left, WAKE_UP_MILLIS)));
				}
			}
		}
		return waited;
	}

	/** Started, then stopped; before {@link #start()} it is false, so the resumer may wait for the start. */
	private boolean stoppedAfterStart() {
		return this.startedAt != null && !this.running;
	}

	private boolean warmingUp() {
		State now = this.state;
		return now == State.STARTING || (now == State.LOGGED_IN && !status().allConnected());
	}

	/**
	 * Holds the next round of a Discord game while the shard of its server is not connected (a reconnect,
	 * an invalid session, the first login): a round posted then could not be answered, as clicks arrive
	 * through the gateway, and after an invalid session JDA has not even the channel to post in. Web games,
	 * a shard of another process, and a refused token (nothing will change) are not held.
	 */
	@Override
	public Optional<String> hold(GameView game) {
		if (game.guildId() == null || !this.running) {
			return Optional.empty();
		}
		State now = this.state;
		if (now == State.STARTING || now == State.RETRYING) {
			return Optional.of("Discord is not connected yet"
					+ ((this.problem != null) ? " (" + this.problem + ")" : ""));
		}
		ShardManager manager = this.shardManager;
		if (now != State.LOGGED_IN || manager == null) {
			return Optional.empty();
		}
		long guild;
		try {
			guild = Long.parseLong(game.guildId());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		int total = Math.max(1, manager.getShardsTotal());
		int shardId = (int) ((guild >>> 22) % total);
		JDA shard = manager.getShardById(shardId);
		if (shard == null) {
			// Queued to log in (or another process's shard): not connected here.
			return (manager.getShardsQueued() > 0) ? Optional.of("shard " + shardId + " is waiting to log in")
					: Optional.empty();
		}
		JDA.Status status = shard.getStatus();
		return (status == JDA.Status.CONNECTED) ? Optional.empty()
				: Optional.of("shard " + shardId + " is " + status.name());
	}

	/** The servers this process's shards see now, by id; none before the login. */
	List<String> guildIds() {
		ShardManager manager = this.shardManager;
		if (manager == null || this.state != State.LOGGED_IN) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		manager.getGuildCache().forEach((guild) -> ids.add(guild.getId()));
		return ids;
	}

	/** A game's channel is away while its round would be held: its shard is not connected. */
	@Override
	public Optional<String> away(GameView game) {
		return hold(game);
	}

	/** For tests: waits until the first login attempt has ended, either way. */
	boolean awaitFirstAttempt(Duration timeout) throws InterruptedException {
		return this.firstAttempt.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		shardsChanged();
		this.loginThread.shutdownNow();
		ShardManager manager = this.shardManager;
		if (manager != null) {
			List<JDA> shards = manager.getShardCache().asList();
			manager.shutdown();
			awaitShutdown(shards);
		}
		this.state = State.STOPPED;
	}

	private void awaitShutdown(List<JDA> shards) {
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		try {
			for (JDA shard : shards) {
				Duration left = Duration.ofNanos(deadline - System.nanoTime());
				if (left.isNegative() || !shard.awaitShutdown(left)) {
					logger.warn("Discord: shard {} did not close within {} s", shard.getShardInfo().getShardId(),
							SHUTDOWN_WAIT.toSeconds());
				}
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

	/**
	 * Below the game timers' phase ({@code DEFAULT_PHASE - 2048}): starts before saved games resume, stops
	 * after the last round event of a shutdown was handed to JDA.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
