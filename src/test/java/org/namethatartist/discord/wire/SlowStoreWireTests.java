package org.namethatartist.discord.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect 2 over the wire: with a store that takes 700 ms a write, ten players who click the right answer
 * at once are each answered within Discord's 3 s (deferred before the save), and each scores by when they
 * clicked, not by when their save finished (the tenth save ends about 7 s after the first).
 */
class SlowStoreWireTests extends WireTestCase {

	private static final Pattern POINTS = Pattern.compile("Right! \\+(\\d+) point");

	@Test
	void tenSimultaneousClicksAreAnsweredInTimeAndScoredByWhenTheyWereGiven() throws Exception {
		startBot(Duration.ofMillis(700), "--artwork.source=demo", "--game.limits.rounds=1..50",
				"--game.start-delay=0s");
		String start = this.discord.slashCommand("namethatartist", FakeDiscord.snowflake(400), PLAYER,
				Map.of("rounds", 1, "roundtime", 20));
		await(() -> this.discord.interaction(start).answeredAt());
		ObjectNode round = await(() -> this.discord.messages().stream()
			.filter((message) -> !customIds(message).isEmpty() && !allDisabled(message))
			.findFirst().orElse(null));
		// The right button, as the bot's own store has it.
		int right = ((StoredGame.Resumable) this.context.getBean(GameStateRepository.class)
			.find(FakeDiscord.CHANNEL_ID).orElseThrow()).snapshot().currentRound().correctChoice();
		String button = customIds(round).get(right - 1);

		List<String> clicks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			clicks.add(this.discord.click(round.path("id").asString(), button, FakeDiscord.snowflake(410 + i), PLAYER));
		}
		List<Integer> points = new ArrayList<>();
		for (String click : clicks) {
			FakeDiscord.Interaction interaction = answered(click);
			assertThat(Duration.between(interaction.created, interaction.answeredAt()))
				.as("answered within Discord's 3 s").isLessThan(FakeDiscord.CALLBACK_WINDOW);
			String feedback = followUp(click).path("content").asString();
			Matcher matcher = POINTS.matcher(feedback);
			assertThat(matcher.find()).as(feedback).isTrue();
			points.add(Integer.parseInt(matcher.group(1)));
		}
		System.out.println("SlowStoreWireTests: points of ten simultaneous right answers " + points);
		// 100 points fall to 0 over 20 s, 5 a second: scored by save time, the tenth would lose about 30.
		assertThat(points.stream().mapToInt(Integer::intValue).max().getAsInt()
				- points.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(2);
		assertThat(this.discord.refusals()).isEmpty();
	}

}
