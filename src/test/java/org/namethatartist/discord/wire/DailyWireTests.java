package org.namethatartist.discord.wire;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /daily} over the wire, as Discord sees it: each round an ephemeral message with the image and one
 * button per artist, an answer turning it into the answer and "Next round", the last into the result
 * with Share, Share posting only the line publicly, and {@code /daily} afterwards showing the result.
 */
class DailyWireTests extends WireTestCase {

	@Test
	void aPlayerPlaysTheDayPrivatelyAndSharesOnlyTheLine() throws Exception {
		startBot("--artwork.source=demo", "--game.daily.first-day=2020-01-01");
		String user = FakeDiscord.snowflake(900);
		String daily = this.discord.slashCommand("daily", user, PLAYER);
		JsonNode shown = callback(daily);
		String day = null;
		for (int round = 1; round <= 5; round++) {
			assertThat(shown.path("type").asInt()).isIn(4, 7);
			if (shown.path("type").asInt() == 4) {
				assertThat(shown.path("data").path("flags").asInt() & 64).as("privately").isEqualTo(64);
			}
			JsonNode embed = shown.path("data").path("embeds").get(0);
			assertThat(embed.path("title").asString()).contains("round " + round + " of 5");
			// The image is uploaded with the message (fair play): no address that could name the artist.
			assertThat(embed.path("image").path("url").asString()).isEqualTo("attachment://artwork.jpg");
			assertThat(shown.toString()).doesNotContain("wikimedia", "http");
			List<JsonNode> buttons = buttons(shown.path("data"));
			assertThat(buttons).hasSize(4);
			String id = buttons.get(0).path("custom_id").asString();
			assertThat(id).matches("nta:daily:a:\\d{4}-\\d{2}-\\d{2}:" + round + ":1");
			day = id.split(":")[3];
			String message = this.discord.keepCallbackMessage((round == 1) ? daily : lastClick);
			String answer = this.discord.click(message, id, user, PLAYER);
			JsonNode answered = callback(answer);
			assertThat(answered.path("type").asInt()).as("the round's message is updated").isEqualTo(7);
			assertThat(answered.path("data").path("embeds").get(0).path("description").asString())
				.containsAnyOf("Right: +", "Not this one");
			List<JsonNode> after = buttons(answered.path("data"));
			if (round < 5) {
				assertThat(after).extracting((b) -> b.path("custom_id").asString()).containsExactly("nta:daily:n:" + day);
				String next = this.discord.click(this.discord.keepCallbackMessage(answer), "nta:daily:n:" + day, user,
						PLAYER);
				shown = callback(next);
				this.lastClick = next;
			}
			else {
				assertThat(after).extracting((b) -> b.path("custom_id").asString()).containsExactly("nta:daily:s:" + day);
				assertThat(answered.path("data").path("embeds").get(1).path("description").asString())
					.contains("Streak: 1 day");
				String share = this.discord.click(this.discord.keepCallbackMessage(answer), "nta:daily:s:" + day, user,
						PLAYER);
				JsonNode posted = callback(share);
				assertThat(posted.path("type").asInt()).isEqualTo(4);
				assertThat(posted.path("data").path("flags").asInt(0) & 64).as("publicly").isZero();
				assertThat(posted.path("data").path("content").asString())
					.matches("Name That Artist · Daily #\\d+ · (\uD83D\uDFE9|\uD83D\uDFE5|\u2B1B){5} · \\d+");
				assertThat(posted.path("data").path("embeds").size()).as("the line only").isZero();
				assertThat(posted.path("data").path("components").size()).isZero();
			}
		}
		String again = this.discord.slashCommand("daily", user, PLAYER);
		JsonNode result = callback(again);
		assertThat(result.path("data").path("flags").asInt() & 64).isEqualTo(64);
		assertThat(result.path("data").path("embeds").get(0).path("description").asString())
			.startsWith("Name That Artist · Daily #").contains("Streak: 1 day");
		assertThat(this.discord.refusals()).isEmpty();
	}

	private String lastClick;

	private JsonNode callback(String interaction) {
		return answered(interaction).callback();
	}

}
