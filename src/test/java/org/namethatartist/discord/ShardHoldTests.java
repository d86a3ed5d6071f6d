package org.namethatartist.discord;

import java.time.Duration;
import java.util.List;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.GameView;
import org.namethatartist.game.HeldGame;
import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A Discord game's next round waits while its server's shard is not connected (defect 3 of the wire
 * review), and health says which games are held and why. Shards are mocks here; the wire tests show the
 * same through a real JDA client and an invalid session.
 */
class ShardHoldTests {

	/** Servers whose ids put them on shard 0 and shard 1 of 2 ({@code (id >> 22) % 2}). */
	private static final String ON_SHARD_0 = String.valueOf(10L << 22);

	private static final String ON_SHARD_1 = String.valueOf(11L << 22);

	private DiscordConnection connection;

	@AfterEach
	void stop() {
		if (this.connection != null) {
			this.connection.stop();
		}
	}

	@Test
	void aGameOnAReconnectingShardIsHeldAndOnAConnectedOneIsNot() throws Exception {
		JDA zero = shard(0, JDA.Status.RECONNECT_QUEUED);
		JDA one = shard(1, JDA.Status.CONNECTED);
		start(manager(zero, one));
		assertThat(this.connection.hold(game(ON_SHARD_0))).contains("shard 0 is RECONNECT_QUEUED");
		assertThat(this.connection.hold(game(ON_SHARD_1))).isEmpty();

		when(zero.getStatus()).thenReturn(JDA.Status.CONNECTED);
		assertThat(this.connection.hold(game(ON_SHARD_0))).isEmpty();
	}

	@Test
	void webGamesAreNeverHeld() throws Exception {
		start(manager(shard(0, JDA.Status.DISCONNECTED), shard(1, JDA.Status.DISCONNECTED)));
		assertThat(this.connection.hold(game(null))).isEmpty();
		assertThat(this.connection.hold(game(ON_SHARD_1))).contains("shard 1 is DISCONNECTED");
	}

	@Test
	void beforeTheFirstLoginEveryDiscordGameIsHeld() {
		this.connection = new DiscordConnection(() -> {
			throw new AssertionError("not started");
		}, new MutableClock(TestGames.T0));
		// Not started: not running, so nothing is held (a game service without Discord plays on).
		assertThat(this.connection.hold(game(ON_SHARD_0))).isEmpty();
	}

	@Test
	void healthListsTheHeldGames() throws Exception {
		start(manager(shard(0, JDA.Status.CONNECTED), shard(1, JDA.Status.CONNECTED)));
		HeldGame held = new HeldGame("g1", "c1", ON_SHARD_0, 3, "shard 0 is RECONNECT_QUEUED", TestGames.T0);
		Health health = new DiscordHealthIndicator(this.connection, () -> null, () -> List.of(held)).health();
		assertThat(health.getDetails()).containsEntry("heldGames", 1);
		assertThat(health.getDetails().get("held")).asInstanceOf(
				org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement().satisfies((one) -> assertThat(one)
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
					.containsEntry("game", "g1").containsEntry("round", 3)
					.containsEntry("reason", "shard 0 is RECONNECT_QUEUED")
					.containsEntry("since", TestGames.T0.toString()));
	}

	private void start(ShardManager manager) throws InterruptedException {
		this.connection = new DiscordConnection(() -> manager, new MutableClock(TestGames.T0));
		this.connection.start();
		assertThat(this.connection.awaitFirstAttempt(Duration.ofSeconds(10))).isTrue();
	}

	private static GameView game(String guildId) {
		return new GameView("g1", "c1", guildId, "u1", GameStatus.BETWEEN_ROUNDS, 1, 5, Duration.ofSeconds(15),
				Duration.ofSeconds(5), null, null, TestGames.T0, List.of(), List.of(), false, false);
	}

	private static ShardManager manager(JDA... shards) {
		ShardManager manager = mock(ShardManager.class);
		when(manager.getShardsTotal()).thenReturn(shards.length);
		for (JDA shard : shards) {
			when(manager.getShardById(shard.getShardInfo().getShardId())).thenReturn(shard);
		}
		@SuppressWarnings("unchecked")
		net.dv8tion.jda.api.utils.cache.ShardCacheView cache = mock(net.dv8tion.jda.api.utils.cache.ShardCacheView.class);
		when(cache.asList()).thenReturn(List.of(shards));
		when(manager.getShardCache()).thenReturn(cache);
		return manager;
	}

	private static JDA shard(int id, JDA.Status status) {
		JDA shard = mock(JDA.class);
		when(shard.getShardInfo()).thenReturn(new JDA.ShardInfo(id, 2));
		when(shard.getStatus()).thenReturn(status);
		@SuppressWarnings("unchecked")
		net.dv8tion.jda.api.utils.cache.SnowflakeCacheView<net.dv8tion.jda.api.entities.Guild> guilds = mock(
				net.dv8tion.jda.api.utils.cache.SnowflakeCacheView.class);
		when(guilds.size()).thenReturn(3L);
		when(shard.getGuildCache()).thenReturn(guilds);
		return shard;
	}

}
