package org.namethatartist.discord.wire;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.namethatartist.game.Choice;
import org.namethatartist.game.GameService;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typed game over the wire (issue 17): {@code /namethatartist answers:typed difficulty:hard}, a round
 * with one button that opens a form (a modal, Discord's answer to the click), the form's submission
 * deferred privately and answered with how the text was taken (exactly, close enough, not), one answer per
 * player, and the round's end turning the button off and naming the artist.
 */
class TypedWireTests extends WireTestCase {

	private static final Pattern POINTS = Pattern.compile("\\+(\\d+) point");

	@Test
	void aTypedRoundIsAnsweredThroughAFormAndTellsHowTheAnswerWasTaken() throws Exception {
		startBot(GameWireTests.SHORT_GAMES);
		String ann = FakeDiscord.snowflake(960);
		String bob = FakeDiscord.snowflake(961);
		String cat = FakeDiscord.snowflake(962);
		String start = this.discord.slashCommand("namethatartist", ann, PLAYER,
				Map.of("rounds", 1, "roundtime", 15, "answers", "typed", "difficulty", "hard"));
		await(() -> this.discord.interaction(start).answeredAt());
		ObjectNode round = await(() -> this.discord.messages().stream()
			.filter((m) -> !customIds(m).isEmpty() && !allDisabled(m))
			.findFirst().orElse(null));
		List<String> buttons = customIds(round);
		assertThat(buttons).singleElement().satisfies((id) -> assertThat(id).matches("nta:type:[^:]+:1"));
		assertThat(round.toString()).contains("Name the artist").contains("type the name");
		String gameId = buttons.get(0).split(":")[2];

		// The click is answered with the form.
		String click = this.discord.click(round.path("id").asString(), buttons.get(0), ann, PLAYER);
		JsonNode modal = await(() -> this.discord.interaction(click).callback());
		assertThat(modal.path("type").asInt()).as("a modal").isEqualTo(9);
		String modalId = modal.path("data").path("custom_id").asString();
		assertThat(modalId).isEqualTo("nta:typed:" + gameId + ":1");
		assertThat(modal.toString()).contains("\"custom_id\":\"artist\"");

		// The right artist, as the game has it; typed exactly, then with a typo or in capitals.
		int right = ((StoredGame.Resumable) this.context.getBean(GameStateRepository.class)
			.find(FakeDiscord.CHANNEL_ID).orElseThrow()).snapshot().currentRound().correctChoice();
		Choice answer = this.context.getBean(GameService.class).find(gameId).orElseThrow().round().choices()
			.get(right - 1);
		String name = answer.artistName();
		System.out.println("TypedWireTests: the artist is " + name);
		String exact = feedback(this.discord.submitModal(round.path("id").asString(), modalId, "artist", name, ann,
				PLAYER));
		assertThat(exact).startsWith("✅ Right, exactly! +");
		String near = (name.length() >= 9) ? name.substring(0, 3) + name.substring(4) : name.toUpperCase();
		String close = feedback(this.discord.submitModal(round.path("id").asString(), modalId, "artist", near, bob,
				PLAYER));
		assertThat(close).startsWith((name.length() >= 9) ? "✅ Close enough (you typed “" : "✅ Right, exactly! +");
		String wrong = feedback(this.discord.submitModal(round.path("id").asString(), modalId, "artist",
				"Nobody I know", cat, PLAYER));
		assertThat(wrong).startsWith("❌ Not “Nobody I know”.");
		String again = feedback(this.discord.submitModal(round.path("id").asString(), modalId, "artist", name, ann,
				PLAYER));
		assertThat(again).startsWith("You already answered round 1");
		// A typed right answer scores 1.5 × a click's points: over the 100 a click can score at most.
		Matcher points = POINTS.matcher(exact);
		assertThat(points.find()).isTrue();
		assertThat(Integer.parseInt(points.group(1))).isGreaterThan(100);

		// The round ends: the button goes off, and the answer is named.
		String roundId = round.path("id").asString();
		ObjectNode ended = await(() -> this.discord.messages().stream()
			.filter((m) -> m.path("id").asString().equals(roundId) && allDisabled(m))
			.findFirst().orElse(null));
		assertThat(ended.path("embeds").toString()).contains(name);
		assertThat(this.discord.refusals()).isEmpty();
	}

	/** The answer to a submitted form: deferred privately within 3 s, then the first follow-up's text. */
	private String feedback(String submission) throws Exception {
		FakeDiscord.Interaction answered = answered(submission);
		assertThat(answered.callback().path("type").asInt()).isEqualTo(5);
		assertThat(answered.callback().path("data").path("flags").asInt() & 64).isEqualTo(64);
		return followUp(submission).path("content").asString();
	}

}
