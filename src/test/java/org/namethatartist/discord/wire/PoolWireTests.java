package org.namethatartist.discord.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerRepository;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server's own pool over the wire, on the demo catalogue: a member without Manage Server cannot set it; a
 * pool too small is refused with the reason; a moderator sets a featured-artists pool; the next game draws
 * only those artists' works (each round's right answer is one of them) and says it counts on this server
 * only; the global stats and board do not count it, the server's do.
 */
class PoolWireTests extends WireTestCase {

	static final long MANAGE_SERVER = 32;

	@Test
	void aModeratorSetsAPoolAndTheNextGameDrawsFromItAndCountsOnThisServerOnly() throws Exception {
		startBot(GameWireTests.SHORT_GAMES);
		String moderator = FakeDiscord.snowflake(400);
		String player = FakeDiscord.snowflake(401);

		// Without Manage Server: refused, nothing set.
		String refused = this.discord.subcommand("settings", "set", player, PLAYER,
				options("pool", "artist:Raphael, artist:Michelangelo"));
		assertThat(followUpOrCallback(refused)).contains("Only members who can manage this server");

		String tooSmall = this.discord.subcommand("settings", "set", moderator, PLAYER | MANAGE_SERVER,
				options("pool", "artist:Nobody Known"));
		assertThat(followUpOrCallback(tooSmall)).isEqualTo("Nothing changed: artist:Nobody Known cannot make a game: it "
				+ "has 0 artworks to draw from, and a game needs 1.");

		String set = this.discord.subcommand("settings", "set", moderator, PLAYER | MANAGE_SERVER,
				options("pool", "artist:Raphael, artist:Michelangelo"));
		assertThat(followUpOrCallback(set)).startsWith("`pool` is now artist:Raphael,artist:Michelangelo. "
				+ "artist:Raphael,artist:Michelangelo: 6 artworks to draw from");

		String start = this.discord.slashCommand("namethatartist", player, PLAYER, Map.of("rounds", 5));
		assertThat(followUp(start).path("content").asString())
			.contains("It plays this server's own artworks (artist:Raphael,artist:Michelangelo), so it counts in this "
					+ "server's leaderboards only, not the global ones.");
		ArtworkCatalog artworks = this.context.getBean(ArtworkCatalog.class);
		List<String> featured = artworks.current().artists().stream()
			.filter((address) -> List.of("Raphael", "Michelangelo").contains(artworks.current().displayName(address)))
			.toList();
		assertThat(featured).hasSize(2);
		for (int round = 1; round <= 5; round++) {
			int number = round;
			ObjectNode message = await(() -> openRound(number));
			List<String> buttons = customIds(message);
			this.discord.click(message.path("id").asString(), buttons.get(0), player, PLAYER);
			String messageId = message.path("id").asString();
			ObjectNode ended = await(() -> this.discord.messages().stream()
				.filter((m) -> m.path("id").asString().equals(messageId) && allDisabled(m))
				.findFirst().orElse(null));
			// The reveal names the artist: one of the two featured.
			String reveal = ended.toString();
			assertThat(featured.stream().map((address) -> artworks.current().displayName(address)))
				.anyMatch(reveal::contains);
		}
		await(() -> this.discord.messages().stream().filter((m) -> m.toString().contains("Game Over")).findFirst()
			.orElse(null));

		PlayerRepository players = this.context.getBean(PlayerRepository.class);
		await(() -> players.find(FakeDiscord.GUILD_ID, player).orElse(null));
		assertThat(players.find(player)).as("no global stats").isEmpty();
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_GAMES, 10, null)).isEmpty();
		assertThat(players.leaderboard(LeaderboardSort.TOTAL_GAMES, 10, FakeDiscord.GUILD_ID)).hasSize(1);
		assertThat(players.find(FakeDiscord.GUILD_ID, player).orElseThrow().gamesHistory().get(0).pool())
			.isEqualTo("artist:Raphael,artist:Michelangelo");
		assertThat(this.discord.refusals()).isEmpty();
	}

	/** The private answer: the callback's content, or the deferred answer's follow-up. */
	private String followUpOrCallback(String interaction) {
		FakeDiscord.Interaction answered = answered(interaction);
		String content = answered.callback().path("data").path("content").asString("");
		return content.isEmpty() ? followUp(interaction).path("content").asString() : content;
	}

	private static Map<String, Object> options(String setting, String value) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("setting", setting);
		options.put("value", value);
		return options;
	}

}
