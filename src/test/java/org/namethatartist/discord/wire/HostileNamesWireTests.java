package org.namethatartist.discord.wire;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names written by strangers (defect 5), through a whole game over the wire: token titles and artist
 * aliases on chain, and players' names, of every hostile kind. Nothing the bot sends breaks Discord's
 * limits (the fake refuses it otherwise), renders a masked link, can ping anybody, or carries a bidi override.
 */
class HostileNamesWireTests extends WireTestCase {

	static final List<String> HOSTILE = List.of("\\[Claim your NFT\\](https://phish.example)",
			"[Free mint](https://phish.example/claim)", "@everyone look", "<@&123456789012345678> ping",
			"<#123456789012345678>", "Zero\u200Dwidth\u200D👩\u200D🎨 joiner", "Right\u202Eto\u202Dleft override",
			"**bold** __under__ ~~gone~~ `code` ||spoiler|| > quote", "🎨".repeat(40) + "e\u0301",
			"x".repeat(5000));

	/**
	 * A masked link Discord would render, [text](http…): its opening bracket after an even number of
	 * backslashes (none, or escaped backslashes), its closing one not escaped; group 1 its address.
	 */
	private static final Pattern MASKED_LINK = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\[(?:[^\\]\\\\]|\\\\.)*\\]\\(\\s*<?(https?://[^)\\s>]+)");

	/** The only links the bot makes itself: the artwork's page once the round is over. */
	private static final String OWN_LINKS = "https://objkt.com/";

	@Test
	void hostileTitlesAliasesAndPlayerNamesAreShownAsPlainText() throws Exception {
		writeTokens();
		List<String> players = new ArrayList<>();
		for (int i = 0; i < HOSTILE.size(); i++) {
			players.add(FakeDiscord.snowflake(950 + i));
		}
		startBot("--artwork.source=objkt", "--artwork.objkt.url=http://127.0.0.1:9/v3/graphql",
				"--artwork.objkt.refresh=24h", "--game.limits.rounds=1..50", "--game.limits.round-time=2s..60s",
				"--game.round-time=4s", "--game.limits.between-round-time=1s..60s", "--game.between-round-time=1s",
				"--game.start-delay=0s");
		for (int i = 0; i < players.size(); i++) {
			this.discord.name(players.get(i), HOSTILE.get(i));
		}
		String start = this.discord.slashCommand("namethatartist", players.get(0), PLAYER, Map.of("rounds", 2));
		await(() -> this.discord.interaction(start).answeredAt());
		for (int round = 1; round <= 2; round++) {
			int number = round;
			ObjectNode message = await(() -> this.discord.messages().stream()
				.filter((m) -> !allDisabled(m) && customIds(m).stream()
					.anyMatch((id) -> id.matches("nta:answer:[^:]+:" + number + ":1")))
				.findFirst().orElse(null));
			List<String> buttons = customIds(message);
			for (int p = 0; p < players.size(); p++) {
				this.discord.click(message.path("id").asString(), buttons.get(p % buttons.size()), players.get(p), PLAYER);
			}
		}
		await(() -> this.discord.messages().stream().filter((m) -> m.toString().contains("Game Over")).findFirst()
			.orElse(null));
		await(() -> (this.discord.sent().stream().filter((sent) -> sent.path().contains("/webhooks/")).count()
				>= 2L * players.size()) ? Boolean.TRUE : null);

		assertThat(this.discord.refusals()).as("nothing broke Discord's limits").isEmpty();
		List<String> texts = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (FakeDiscord.Sent sent : this.discord.sent()) {
			if (!sent.path().contains("/messages") && !sent.path().contains("/callback")
					&& !sent.path().contains("/webhooks/")) {
				continue;
			}
			JsonNode body = this.discord.body(sent);
			JsonNode message = body.has("type") && body.has("data") ? body.path("data") : body;
			if (message.has("allowed_mentions")) {
				assertThat(message.path("allowed_mentions").path("parse").isEmpty()).as("no pings: " + sent.body())
					.isTrue();
			}
			// Markdown is rendered in content and embeds; button labels show their text as it is.
			strings(message.path("content"), texts);
			strings(message.path("embeds"), texts);
			labels(message, labels);
		}
		assertThat(texts).isNotEmpty();
		for (String text : texts) {
			java.util.regex.Matcher link = MASKED_LINK.matcher(text);
			while (link.find()) {
				assertThat(link.group(1)).as("a stranger's masked link in: %s", cut(text)).startsWith(OWN_LINKS);
			}
			assertThat(text).as("no bidi override").doesNotContain("\u202E").doesNotContain("\u202D");
		}
		assertThat(labels).isNotEmpty().allSatisfy((label) -> assertThat(label).doesNotContain("\u202E"));
		// The hostile names did reach the channel (escaped), so the check above looked at them.
		assertThat(String.join("\n", texts)).contains("Claim your NFT").contains("everyone");
	}

	/** Every string in a JSON tree: what Discord would render (URLs aside, which the pattern ignores). */
	private static void strings(JsonNode node, List<String> into) {
		if (node.isString()) {
			into.add(node.asString());
		}
		for (JsonNode child : node) {
			strings(child, into);
		}
	}

	private static void labels(JsonNode message, List<String> into) {
		buttons(message).stream().filter((button) -> button.has("label"))
			.forEach((button) -> into.add(button.path("label").asString()));
	}

	private static String cut(String text) {
		return (text.length() > 400) ? text.substring(0, 400) + "…" : text;
	}

	/** A token cache in the data directory, fresh, whose six artists and their tokens have hostile names. */
	private void writeTokens() throws Exception {
		ObjectNode document = this.json.createObjectNode();
		document.put("lastUpdated", Instant.now().toString());
		ArrayNode tokens = document.putArray("tokens");
		ObjectNode artists = document.putObject("artistInfo");
		int count = 0;
		for (int a = 0; a < 6; a++) {
			String address = "tz1" + String.valueOf((char) ('A' + a)).repeat(33);
			String alias = HOSTILE.get(a % HOSTILE.size()) + " " + a;
			ObjectNode artist = artists.putObject(address);
			artist.put("displayName", alias);
			artist.put("hasResolution", true);
			ObjectNode info = artist.putObject("info");
			info.putNull("tzdomain");
			info.put("alias", alias);
			info.putNull("description");
			info.putNull("logo");
			for (int t = 0; t < 3; t++) {
				ObjectNode token = tokens.addObject();
				token.put("tokenId", String.valueOf(a * 10 + t));
				token.put("name", HOSTILE.get((a + t) % HOSTILE.size()));
				token.put("description", HOSTILE.get((a + t + 1) % HOSTILE.size()));
				token.put("imageUrl", "https://ipfs.example.org/QmThumb" + a + t);
				token.put("fullImageUrl", "https://ipfs.example.org/QmFull" + a + t);
				token.putArray("artists").add(address);
				token.put("primaryArtist", address);
				token.put("contract", "KT1" + "Z".repeat(33));
				count++;
			}
		}
		document.put("count", count);
		Files.createDirectories(this.dataDir);
		Files.writeString(this.dataDir.resolve("tokens.json"), document.toPrettyString());
	}

}
