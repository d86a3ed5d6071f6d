package org.namethatartist.discord.wire;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart of the application in the middle of a round (defect 8), against the same Discord: the game
 * resumes, the interrupted round's old buttons are turned off before the round is posted again, and the
 * new round's buttons work.
 */
class RestartWireTests extends WireTestCase {

	@Test
	void aGameResumesAfterARestartWithTheOldButtonsOffAndTheNewOnesWorking() throws Exception {
		startBot(GameWireTests.SHORT_GAMES);
		String player = FakeDiscord.snowflake(900);
		String start = this.discord.slashCommand("namethatartist", player, PLAYER, Map.of("rounds", 2, "roundtime", 30));
		await(() -> this.discord.interaction(start).answeredAt());
		ObjectNode before = await(() -> openRoundOtherThan(null));
		String oldId = before.path("id").asString();
		// Where the round was posted is saved with the game once Discord's answer is back; the fake keeps the
		// message before that, so wait for the save, or the restart would not know the old buttons.
		GameStateRepository states = this.context.getBean(GameStateRepository.class);
		await(() -> states.findAll().stream()
			.anyMatch((game) -> game instanceof StoredGame.Resumable resumable
					&& resumable.snapshot().currentRound() != null
					&& oldId.equals(resumable.snapshot().currentRound().messageId())) ? Boolean.TRUE : null);

		// Stopped mid-round, then started again on the same data against the same Discord.
		this.context.close();
		this.context = start(withDiscord(GameWireTests.SHORT_GAMES));
		await(() -> health().path("status").asString().equals("UP") ? Boolean.TRUE : null);

		ObjectNode after = await(() -> openRoundOtherThan(oldId));
		assertThat(customIds(after)).isEqualTo(customIds(before));
		ObjectNode old = this.discord.messages().stream().filter((m) -> m.path("id").asString().equals(oldId))
			.findFirst().orElseThrow();
		assertThat(allDisabled(old)).as("the interrupted round's buttons are off").isTrue();
		FakeDiscord.Sent oldOff = this.discord.sent().stream()
			.filter((sent) -> sent.method().equals("PATCH") && sent.path().endsWith("/messages/" + oldId))
			.findFirst().orElseThrow();
		FakeDiscord.Sent reposted = this.discord.sent().stream()
			.filter((sent) -> sent.method().equals("POST") && sent.body().contains(customIds(after).get(0)))
			.reduce((first, second) -> second).orElseThrow();
		assertThat(oldOff.at()).as("off before the round is posted again").isBefore(reposted.at());
		assertThat(this.discord.messages().stream().anyMatch((m) -> m.toString().contains("resum"))).isTrue();

		String click = this.discord.click(after.path("id").asString(), customIds(after).get(0), player,
				PLAYER);
		assertThat(followUp(click).path("content").asString()).containsAnyOf("Right!", "Not this one");
		assertThat(this.discord.refusals()).isEmpty();
	}

	private String[] withDiscord(String... args) {
		List<String> all = new java.util.ArrayList<>(List.of("--discord.token=fake-token",
				"--discord.rest-url=" + this.discord.restUrl()));
		all.addAll(List.of(args));
		return all.toArray(String[]::new);
	}

	/** The open round's message, other than {@code except}. */
	private ObjectNode openRoundOtherThan(String except) {
		for (ObjectNode message : this.discord.messages()) {
			if (!customIds(message).isEmpty() && !allDisabled(message)
					&& !message.path("id").asString().equals(except)) {
				return message;
			}
		}
		return null;
	}

}
