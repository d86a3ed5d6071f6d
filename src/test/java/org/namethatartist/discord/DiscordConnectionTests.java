package org.namethatartist.discord;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.cache.ShardCacheView;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.MutableClock;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.GameView;
import org.namethatartist.game.HeldGame;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Logging in off the start-up thread, what health says in each state, and closing the shards. */
class DiscordConnectionTests {

	private final MutableClock clock = new MutableClock(TestGames.T0);

	private final AtomicInteger attempts = new AtomicInteger();

	private DiscordConnection connection;

	@AfterEach
	void stop() {
		if (this.connection != null) {
			this.connection.stop();
		}
	}

	@Test
	void aRefusedTokenIsFinalAndHealthSaysWhy() throws Exception {
		ShardManager manager = mock(ShardManager.class);
		doThrow(new InvalidTokenException()).when(manager).login();
		start(() -> manager);

		assertThat(this.connection.status().state()).isEqualTo(DiscordConnection.State.TOKEN_REFUSED);
		Health health = new DiscordHealthIndicator(this.connection).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "TOKEN_REFUSED")
			.containsEntry("error", "Discord refused the token (401 Unauthorized): set discord.token (env DISCORD_TOKEN) "
					+ "to the bot token from Discord's developer portal")
			.doesNotContainKeys("nextAttempt", "shards");
		verify(manager).shutdown();
		Thread.sleep(100);
		assertThat(this.attempts).hasValue(1);
		// Game messages do not wait for a connection that will never come.
		assertThat(this.connection.find("200")).isEmpty();
	}

	@Test
	void anUnreachableDiscordIsTriedAgainLaterAndHealthSaysWhen() throws Exception {
		start(() -> {
			ShardManager manager = mock(ShardManager.class);
			doThrow(new CompletionException(new UnknownHostException("discord.com: Name or service "
					+ "not known"))).when(manager).login();
			return manager;
		});
		DiscordConnection.Status status = this.connection.status();
		assertThat(status.state()).isEqualTo(DiscordConnection.State.RETRYING);
		assertThat(status.nextAttempt()).isEqualTo(TestGames.T0.plusSeconds(5));
		Health health = new DiscordHealthIndicator(this.connection).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails())
			.containsEntry("error", "Discord could not be reached: UnknownHostException: discord.com: Name or service "
					+ "not known")
			.containsEntry("nextAttempt", "2026-11-27T10:00:05Z");
	}

	@Test
	void retriesBackOffUpToFiveMinutes() {
		assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 30).stream().map(DiscordConnection::backOff).map(Duration::toSeconds))
			.containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L);
	}

	@Test
	void upWhenEveryShardIsConnectedWithEachShardsStatusPingAndServers() throws Exception {
		ShardManager manager = loggedIn(shard(0, JDA.Status.CONNECTED, 40), shard(1, JDA.Status.CONNECTED, 55));
		start(() -> manager);
		Health health = new DiscordHealthIndicator(this.connection).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "LOGGED_IN")
			.containsEntry("shards", Map.of("0", Map.of("status", "CONNECTED", "gatewayPing", 40L, "guilds", 3L), "1",
					Map.of("status", "CONNECTED", "gatewayPing", 55L, "guilds", 3L)))
			.containsEntry("guilds", 6L)
			.doesNotContainKey("error");
	}

	@Test
	void downWhileAShardReconnectsOrWaitsInTheQueue() throws Exception {
		ShardManager manager = loggedIn(shard(0, JDA.Status.CONNECTED, 40),
				shard(1, JDA.Status.WAITING_TO_RECONNECT, -1));
		start(() -> manager);
		Health health = new DiscordHealthIndicator(this.connection).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("shards").toString()).contains("WAITING_TO_RECONNECT");

		ShardManager queued = loggedIn(shard(0, JDA.Status.CONNECTED, 40));
		when(queued.getShardsQueued()).thenReturn(1);
		this.connection.stop();
		start(() -> queued);
		assertThat(new DiscordHealthIndicator(this.connection).health().getDetails()).containsEntry("shardsQueued", 1);
	}

	@Test
	void findsAGamesChannelThroughTheShards() throws Exception {
		ShardManager manager = loggedIn(shard(0, JDA.Status.CONNECTED, 40));
		GuildMessageChannel channel = mock(GuildMessageChannel.class);
		when(manager.getChannelById(GuildMessageChannel.class, "200")).thenReturn(channel);
		start(() -> manager);
		assertThat(this.connection.find("200")).contains(channel);
		assertThat(this.connection.find("201")).isEqualTo(Optional.empty());
	}

	@Test
	void gameMessagesWaitForTheShardsAtStartUp() throws Exception {
		ShardManager manager = loggedIn(shard(0, JDA.Status.CONNECTED, 40));
		GuildMessageChannel channel = mock(GuildMessageChannel.class);
		when(manager.getChannelById(GuildMessageChannel.class, "200")).thenReturn(channel);
		CountDownLatch discordAnswers = new CountDownLatch(1);
		this.connection = new DiscordConnection(answeredWhen(discordAnswers, () -> manager), Clock.systemUTC());
		this.connection.start();
		AtomicReference<Thread> finder = new AtomicReference<>();
		CompletableFuture<Optional<GuildMessageChannel>> found = CompletableFuture.supplyAsync(() -> {
			finder.set(Thread.currentThread());
			return this.connection.find("200");
		});
		// Parked inside find, waiting for the login: it cannot have answered.
		awaitParked(finder);
		assertThat(found).isNotDone();
		discordAnswers.countDown();
		assertThat(found.get(10, TimeUnit.SECONDS)).contains(channel);
	}

	@Test
	void savedGamesWaitUntilEveryShardIsConnected() throws Exception {
		JDA shard = shard(0, JDA.Status.CONNECTING_TO_WEBSOCKET, 0);
		CountDownLatch discordAnswers = new CountDownLatch(1);
		this.connection = new DiscordConnection(answeredWhen(discordAnswers, () -> loggedIn(shard)), Clock.systemUTC());
		// The resumer may ask before the connection has even started.
		AtomicReference<Thread> resumer = new AtomicReference<>();
		CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
			resumer.set(Thread.currentThread());
			awaitReady(Duration.ofSeconds(30));
		});
		this.connection.start();
		awaitParked(resumer);
		assertThat(ready).as("while logging in").isNotDone();
		discordAnswers.countDown();
		assertThat(this.connection.awaitFirstAttempt(Duration.ofSeconds(10))).isTrue();
		// Logged in: the resumer polls the shard's status, parked between looks.
		awaitParked(resumer);
		assertThat(this.connection.status().allConnected()).isFalse();
		assertThat(ready).as("logged in, the shard still connecting").isNotDone();
		when(shard.getStatus()).thenReturn(JDA.Status.CONNECTED);
		ready.get(10, TimeUnit.SECONDS);
	}

	@Test
	void savedGamesDoNotWaitForALoginThatFailedOrForever() throws Exception {
		ShardManager refused = mock(ShardManager.class);
		doThrow(new InvalidTokenException()).when(refused).login();
		start(() -> refused);
		CompletableFuture.runAsync(() -> awaitReady(Duration.ofMinutes(5))).get(10, TimeUnit.SECONDS);
		this.connection.stop();

		this.connection = new DiscordConnection(() -> loggedIn(shard(0, JDA.Status.CONNECTING_TO_WEBSOCKET, 0)),
				Clock.systemUTC());
		this.connection.start();
		CompletableFuture<Void> bounded = CompletableFuture.runAsync(() -> awaitReady(Duration.ofMillis(300)));
		bounded.get(10, TimeUnit.SECONDS);
		assertThat(this.connection.status().allConnected()).isFalse();
	}

	/** Waits until the thread is parked (waiting), so that what it waits for is known not to have happened. */
	private static void awaitParked(AtomicReference<Thread> thread) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> thread.get() != null
				&& (thread.get().getState() == Thread.State.WAITING || thread.get().getState() == Thread.State.TIMED_WAITING));
	}

	/** Shard managers whose login answers only once {@code discordAnswers} is counted down. */
	private static Supplier<ShardManager> answeredWhen(CountDownLatch discordAnswers, Supplier<ShardManager> managers) {
		return () -> {
			try {
				discordAnswers.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return managers.get();
		};
	}

	private void awaitReady(Duration max) {
		try {
			this.connection.awaitReady(max);
		}
		catch (InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void stoppingClosesTheShardsAndWaitsForThem() throws Exception {
		JDA shard = shard(0, JDA.Status.CONNECTED, 40);
		when(shard.awaitShutdown(any(Duration.class))).thenReturn(true);
		ShardManager manager = loggedIn(shard);
		start(() -> manager);
		this.connection.stop();
		verify(manager).shutdown();
		verify(shard).awaitShutdown(any(Duration.class));
		assertThat(this.connection.isRunning()).isFalse();
		assertThat(this.connection.status().state()).isEqualTo(DiscordConnection.State.STOPPED);
	}

	@Test
	void startingMakesNoMentionJdasDefault() throws Exception {
		start(() -> loggedIn(shard(0, JDA.Status.CONNECTED, 1)));
		assertThat(MessageRequest.getDefaultMentions()).isEmpty();
	}

	/** Servers whose ids put them on shard 0 and shard 1 of 2 ({@code (id >> 22) % 2}). */
	private static final String ON_SHARD_0 = String.valueOf(10L << 22);

	private static final String ON_SHARD_1 = String.valueOf(11L << 22);

	@Test
	void aGameOnAReconnectingShardIsHeldAndOnAConnectedOneIsNot() throws Exception {
		JDA zero = shard(0, JDA.Status.RECONNECT_QUEUED, -1);
		JDA one = shard(1, JDA.Status.CONNECTED, 40);
		start(() -> loggedIn(zero, one));
		assertThat(this.connection.hold(game(ON_SHARD_0))).contains("shard 0 is RECONNECT_QUEUED");
		assertThat(this.connection.hold(game(ON_SHARD_1))).isEmpty();

		when(zero.getStatus()).thenReturn(JDA.Status.CONNECTED);
		assertThat(this.connection.hold(game(ON_SHARD_0))).isEmpty();
	}

	@Test
	void webGamesAreNeverHeld() throws Exception {
		start(() -> loggedIn(shard(0, JDA.Status.DISCONNECTED, -1), shard(1, JDA.Status.DISCONNECTED, -1)));
		assertThat(this.connection.hold(game(null))).isEmpty();
		assertThat(this.connection.hold(game(ON_SHARD_1))).contains("shard 1 is DISCONNECTED");
	}

	@Test
	void aConnectionNotStartedHoldsNothing() {
		this.connection = new DiscordConnection(() -> {
			throw new AssertionError("not started");
		}, this.clock);
		// Not running: a game service without Discord plays on.
		assertThat(this.connection.hold(game(ON_SHARD_0))).isEmpty();
	}

	@Test
	void healthListsTheHeldGames() throws Exception {
		start(() -> loggedIn(shard(0, JDA.Status.CONNECTED, 40), shard(1, JDA.Status.CONNECTED, 40)));
		HeldGame held = new HeldGame("g1", "c1", ON_SHARD_0, 3, "shard 0 is RECONNECT_QUEUED", TestGames.T0);
		Health health = new DiscordHealthIndicator(this.connection, () -> null, () -> List.of(held)).health();
		assertThat(health.getDetails()).containsEntry("heldGames", 1);
		assertThat(health.getDetails().get("held")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies((one) -> assertThat(one).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("game", "g1")
				.containsEntry("round", 3)
				.containsEntry("reason", "shard 0 is RECONNECT_QUEUED")
				.containsEntry("since", TestGames.T0.toString()));
	}

	private static GameView game(String guildId) {
		return new GameView("g1", "c1", guildId, "u1", GameStatus.BETWEEN_ROUNDS, 1, 5, Duration.ofSeconds(15),
				Duration.ofSeconds(5), null, null, TestGames.T0, List.of(), List.of(), false, false);
	}

	private void start(Supplier<ShardManager> managers) throws InterruptedException {
		this.connection = new DiscordConnection(() -> {
			this.attempts.incrementAndGet();
			return managers.get();
		}, this.clock);
		this.connection.start();
		assertThat(this.connection.awaitFirstAttempt(Duration.ofSeconds(10))).isTrue();
	}

	private static ShardManager loggedIn(JDA... shards) {
		ShardManager manager = mock(ShardManager.class);
		@SuppressWarnings("unchecked")
		ShardCacheView cache = mock(ShardCacheView.class);
		when(cache.asList()).thenReturn(List.of(shards));
		when(manager.getShardCache()).thenReturn(cache);
		when(manager.getShardsTotal()).thenReturn(shards.length);
		for (JDA shard : shards) {
			when(manager.getShardById(shard.getShardInfo().getShardId())).thenReturn(shard);
		}
		return manager;
	}

	private static JDA shard(int id, JDA.Status status, long ping) {
		JDA shard = mock(JDA.class);
		when(shard.getShardInfo()).thenReturn(new JDA.ShardInfo(id, 2));
		when(shard.getStatus()).thenReturn(status);
		when(shard.getGatewayPing()).thenReturn(ping);
		@SuppressWarnings("unchecked")
		net.dv8tion.jda.api.utils.cache.SnowflakeCacheView<net.dv8tion.jda.api.entities.Guild> guilds = mock(
				net.dv8tion.jda.api.utils.cache.SnowflakeCacheView.class);
		when(guilds.size()).thenReturn(3L);
		when(shard.getGuildCache()).thenReturn(guilds);
		return shard;
	}

}
