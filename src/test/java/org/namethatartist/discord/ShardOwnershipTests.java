package org.namethatartist.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.namethatartist.game.GameOwnership;
import org.namethatartist.game.GameSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the shards split over processes, each resumes the saved games of its own shards' servers (by
 * Discord's rule, shard = (server id >> 22) % total), and the process of shard 0 takes web games.
 */
class ShardOwnershipTests {

	// (id >> 22) % 4: 0, 1 and 3.
	private static final String SHARD_0_OF_4 = "175928847299117063";

	private static final String SHARD_1_OF_4 = "336642139381301249";

	private static final String SHARD_3_OF_4 = "290926798626357250";

	@Test
	void aProcessRunningSomeShardsOwnsTheGamesOfTheirServersOnly() {
		GameOwnership first = ShardOwnership.of(new DiscordProperties.Shards(4, List.of(0, 1)));
		GameOwnership second = ShardOwnership.of(new DiscordProperties.Shards(4, List.of(2, 3)));
		for (String guild : List.of(SHARD_0_OF_4, SHARD_1_OF_4)) {
			assertThat(first.owns(saved(guild))).as(guild).isTrue();
			assertThat(second.owns(saved(guild))).as(guild).isFalse();
		}
		assertThat(first.owns(saved(SHARD_3_OF_4))).isFalse();
		assertThat(second.owns(saved(SHARD_3_OF_4))).isTrue();
	}

	@Test
	void gamesWithoutAServerBelongToTheProcessOfShardZero() {
		assertThat(ShardOwnership.of(new DiscordProperties.Shards(4, List.of(0, 3))).owns(saved(null))).isTrue();
		assertThat(ShardOwnership.of(new DiscordProperties.Shards(4, List.of(1, 2))).owns(saved(null))).isFalse();
	}

	@Test
	void aProcessRunningEveryShardOwnsEveryGame() {
		assertThat(ShardOwnership.of(new DiscordProperties.Shards(0, List.of()))).isSameAs(GameOwnership.EVERY_GAME);
		assertThat(ShardOwnership.of(new DiscordProperties.Shards(4, List.of()))).isSameAs(GameOwnership.EVERY_GAME);
		assertThat(ShardOwnership.of(new DiscordProperties.Shards(2, List.of(1, 0)))).isSameAs(GameOwnership.EVERY_GAME);
	}

	private static GameSnapshot saved(String guild) {
		Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
		return new GameSnapshot(GameSnapshot.SCHEMA, "g", "c", guild, "u", t0, 3, Duration.ofSeconds(15),
				Duration.ofSeconds(5), List.of("KT1:1"), "ROUND", 1, t0, null, Map.of(), Set.of(), t0);
	}

}
