package org.namethatartist.discord.wire;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway trouble in the middle of a game (defect 3): after op 9 (an invalid session: JDA identifies again
 * and rebuilds its cache) the next round waits for the shard, health says which game is held, and no round
 * is lost; after op 7 (reconnect and resume) the game goes on.
 */
class ReconnectWireTests extends WireTestCase {

	@Test
	void afterAnInvalidSessionTheNextRoundWaitsForTheShardAndNoRoundIsLost() throws Exception {
		startBot(GameWireTests.SHORT_GAMES);
		String starter = FakeDiscord.snowflake(700);
		String start = this.discord.slashCommand("namethatartist", starter, PLAYER, Map.of("rounds", 3));
		await(() -> this.discord.interaction(start).answeredAt());
		ObjectNode first = await(() -> openRound(1));

		// Op 9, and the shard stays away: its IDENTIFY is not answered yet.
		this.discord.holdIdentifies();
		this.discord.invalidateSession(0);
		JsonNode held = await(() -> {
			JsonNode health = health();
			return (health.path("details").path("heldGames").asInt() == 1) ? health : null;
		});
		assertThat(held.path("status").asString()).isEqualTo("DOWN");
		assertThat(held.path("details").path("held").get(0).path("round").asInt()).isEqualTo(2);
		assertThat(held.path("details").path("held").get(0).path("reason").asString()).startsWith("shard 0 is ");
		// Held, not posted into the void.
		assertThat(anyRound(2)).isFalse();

		this.discord.releaseIdentifies();
		ObjectNode second = await(() -> openRound(2));
		assertThat(this.discord.received(2)).as("identified again").isEqualTo(2);
		String click = this.discord.click(second.path("id").asString(), customIds(second).get(0), starter,
				PLAYER);
		await(() -> this.discord.interaction(click).answeredAt());
		await(() -> openRound(3));
		await(() -> this.discord.messages().stream().filter((m) -> m.toString().contains("Game Over")).findFirst()
			.orElse(null));
		assertThat(first.path("id").asString()).isNotEqualTo(second.path("id").asString());
		assertThat(health().path("details").has("heldGames")).isFalse();
		assertThat(this.discord.refusals()).isEmpty();
	}

	@Test
	void afterAReconnectTheShardResumesAndClicksGoOn() throws Exception {
		startBot(GameWireTests.SHORT_GAMES);
		String player = FakeDiscord.snowflake(710);
		String start = this.discord.slashCommand("namethatartist", player, PLAYER,
				Map.of("rounds", 2, "roundtime", 20));
		await(() -> this.discord.interaction(start).answeredAt());
		ObjectNode round = await(() -> openRound(1));

		this.discord.requestReconnect(0);
		await(() -> (this.discord.received(6) == 1) ? Boolean.TRUE : null);
		await(() -> health().path("status").asString().equals("UP") ? Boolean.TRUE : null);
		String click = this.discord.click(round.path("id").asString(), customIds(round).get(1), player,
				PLAYER);
		assertThat(answered(click).callback().path("type").asInt()).isEqualTo(5);
		assertThat(this.discord.received(2)).as("resumed, not identified again").isEqualTo(1);
		assertThat(this.discord.refusals()).isEmpty();
	}

	private boolean anyRound(int round) {
		return this.discord.messages().stream()
			.anyMatch((message) -> customIds(message).stream()
				.anyMatch((id) -> id.matches("nta:answer:[^:]+:" + round + ":\\d")));
	}

}
