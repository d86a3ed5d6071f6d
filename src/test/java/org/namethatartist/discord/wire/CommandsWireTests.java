package org.namethatartist.discord.wire;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.image.ImageServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other commands over the wire, as Discord sees them: what each answers with (a public or private
 * callback, a deferral and its follow-up, an edit), the refusals and the cooldowns, and stopping a game.
 * Every interaction is answered once within 3 s; nothing breaks Discord's limits.
 */
class CommandsWireTests extends WireTestCase {

	/** Manage Messages, besides a player's permissions: a moderator. */
	private static final long MODERATOR = PLAYER | 8192;

	/** Administrator. */
	private static final long ADMINISTRATOR = 8;

	@Test
	void pingAnswersThenEditsItsAnswerWithTheRoundTrip() throws Exception {
		startBot("--artwork.source=demo");
		String user = FakeDiscord.snowflake(800);
		String ping = this.discord.slashCommand("ping", user, PLAYER);
		JsonNode callback = callback(ping);
		assertThat(callback.path("type").asInt()).as("a message").isEqualTo(4);
		assertThat(callback.path("data").path("content").asString()).startsWith("🏓 Pong! Gateway: ");
		FakeDiscord.Sent edit = await(() -> this.discord.sent().stream()
			.filter((sent) -> sent.method().equals("PATCH") && sent.path().endsWith("/token-" + ping + "/messages/@original"))
			.findFirst().orElse(null));
		assertThat(this.discord.body(edit).path("content").asString()).contains(" · round trip: ").endsWith(" ms");

		// Again at once: the user's cooldown (5 s by default) answers privately.
		String again = this.discord.slashCommand("ping", user, PLAYER);
		JsonNode cooling = callback(again);
		assertThat(cooling.path("data").path("flags").asInt() & 64).isEqualTo(64);
		assertThat(cooling.path("data").path("content").asString()).startsWith("⏳ /ping is cooling down: try again in ");
		// A moderator is never held.
		String moderator = FakeDiscord.snowflake(801);
		this.discord.slashCommand("ping", moderator, MODERATOR);
		String moderatorAgain = this.discord.slashCommand("ping", moderator, MODERATOR);
		assertThat(callback(moderatorAgain).path("data").path("content").asString()).startsWith("🏓 Pong!");
		assertThat(this.discord.refusals()).isEmpty();
	}

	@Test
	void statsLeaderboardAndAllTimeAreDeferredThenFollowedUp() throws Exception {
		startBot("--artwork.source=demo");
		String user = FakeDiscord.snowflake(810);
		String stats = this.discord.slashCommand("stats", user, PLAYER);
		JsonNode deferred = callback(stats);
		assertThat(deferred.path("type").asInt()).isEqualTo(5);
		assertThat(deferred.path("data").path("flags").asInt() & 64).as("privately").isEqualTo(64);
		assertThat(followUpText(stats)).isNotEmpty();

		String board = this.discord.slashCommand("leaderboard", user, PLAYER, Map.of("period", "this week"));
		JsonNode publicly = callback(board);
		assertThat(publicly.path("type").asInt()).isEqualTo(5);
		assertThat(publicly.path("data").path("flags").asInt(0) & 64).as("publicly").isZero();
		assertThat(followUpText(board)).isNotEmpty();

		String alltime = this.discord.slashCommand("alltime", user, PLAYER, Map.of("sort", "totalWins"));
		assertThat(callback(alltime).path("type").asInt()).isIn(4, 5);
		assertThat(followUpOrCallback(alltime)).isNotEmpty();
		assertThat(this.discord.refusals()).isEmpty();
	}

	@Test
	void refusalsAreShownOnlyToTheAskerAndAGameIsStoppedByAModerator() throws Exception {
		// Without the channel's 5 s cooldown, which would answer the second start first.
		startBot(java.util.stream.Stream.concat(java.util.Arrays.stream(GameWireTests.SHORT_GAMES),
				java.util.stream.Stream.of("--discord.cooldowns.namethatartist.channel=0s")).toArray(String[]::new));
		String starter = FakeDiscord.snowflake(820);
		String other = FakeDiscord.snowflake(821);
		// Nothing to stop yet.
		JsonNode nothing = callback(this.discord.slashCommand("stopgame", other, PLAYER));
		assertThat(nothing.path("data").path("flags").asInt() & 64).isEqualTo(64);
		assertThat(nothing.path("data").path("content").asString()).isEqualTo("No game is running in this channel.");

		String start = this.discord.slashCommand("namethatartist", starter, PLAYER, Map.of("rounds", 5, "roundtime", 30));
		callback(start);
		ObjectNode round = await(() -> this.discord.messages().stream()
			.filter((m) -> !customIds(m).isEmpty() && !allDisabled(m))
			.findFirst().orElse(null));
		// A second game in the same channel is refused privately.
		String second = this.discord.slashCommand("namethatartist", other, PLAYER, Map.of("rounds", 5));
		assertThat(followUpOrCallback(second)).containsIgnoringCase("already");
		// Another player may not stop the starter's game; a moderator may.
		String notAllowed = this.discord.slashCommand("stopgame", FakeDiscord.snowflake(822), PLAYER);
		assertThat(followUpOrCallback(notAllowed)).isNotEmpty().doesNotContain("stopped");
		assertThat(this.discord.messages().stream().noneMatch((m) -> m.toString().contains("stopped"))).isTrue();
		String stop = this.discord.slashCommand("stopgame", FakeDiscord.snowflake(823), MODERATOR);
		callback(stop);
		// The open round's buttons go off, and the channel is told.
		String roundId = round.path("id").asString();
		await(() -> this.discord.messages().stream()
			.filter((m) -> m.path("id").asString().equals(roundId) && allDisabled(m))
			.findFirst().orElse(null));
		assertThat(greenButtons(this.discord.messages().stream()
			.filter((m) -> m.path("id").asString().equals(roundId)).findFirst().orElseThrow()))
			.as("a stopped round does not give its answer away").isEmpty();
		assertThat(this.discord.refusals()).isEmpty();
	}

	@Test
	void precacheIsForAdministratorsFillsTheImageCacheAndPostsNothingInTheChannel() throws Exception {
		try (ImageServer images = new ImageServer()) {
			startBot("--artwork.source=demo", "--artwork.images.demo-mirror=" + images.demoMirror(),
					"--artwork.images.prefetch-all=false", "--artwork.images.requests-per-second=50");
			JsonNode refused = callback(this.discord.slashCommand("precache", FakeDiscord.snowflake(830), PLAYER));
			assertThat(refused.path("data").path("flags").asInt() & 64).isEqualTo(64);
			assertThat(images.requests()).isZero();

			String precache = this.discord.slashCommand("precache", FakeDiscord.snowflake(831), ADMINISTRATOR);
			JsonNode deferred = callback(precache);
			assertThat(deferred.path("type").asInt()).isEqualTo(5);
			assertThat(deferred.path("data").path("flags").asInt() & 64).as("private").isEqualTo(64);
			int playable = this.context.getBean(ArtworkCatalog.class).current().playable().size();
			FakeDiscord.Sent report = await(() -> this.discord.sent().stream()
				.filter((sent) -> sent.method().equals("PATCH") && sent.path().endsWith("/messages/@original")
						&& sent.body().contains("Image cache filled"))
				.findFirst().orElse(null));
			assertThat(this.discord.body(report).path("content").asString())
				.isEqualTo("🖼️ Image cache filled: " + playable + " of " + playable + " artworks ready (0 already cached, "
						+ playable + " fetched now).");
			assertThat(images.requests()).isEqualTo(playable);
			assertThat(this.discord.sent()).noneMatch((sent) -> sent.path().contains("/channels/"));
			assertThat(this.discord.refusals()).isEmpty();
		}
	}

	/** The interaction's callback, once it came (within Discord's 3 s, or the fake refused it). */
	private JsonNode callback(String interaction) {
		return answered(interaction).callback();
	}

	/** The text of the first follow-up of a deferred interaction. */
	private String followUpText(String interaction) {
		JsonNode body = followUp(interaction);
		return body.path("content").asString("") + body.path("embeds").toString();
	}

	/** The answer's text, whether it came in the callback or in a follow-up after a deferral. */
	private String followUpOrCallback(String interaction) throws Exception {
		JsonNode callback = callback(interaction);
		if (callback.path("type").asInt() == 4) {
			return callback.path("data").path("content").asString("") + callback.path("data").path("embeds");
		}
		return followUpText(interaction);
	}

}
