package org.namethatartist.discord.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole game over the wire: {@code /namethatartist rounds:3} from a player, three rounds each clicked by
 * six players at once, each round's end (its buttons off, the right one green), Game Over with the scores,
 * and the stats recorded. Every interaction is answered once, within 3 s, and nothing the bot sent broke
 * Discord's limits. It also counts the bot's requests per round (at most 2: the post and the edit that ends it).
 */
class GameWireTests extends WireTestCase {

	private static final Pattern ANSWER = Pattern.compile("nta:answer:([A-Za-z0-9_-]+):(\\d+):(\\d+)");

	/** Short rounds, so that the game takes seconds; the demo catalogue, so that nothing is fetched. */
	static final String[] SHORT_GAMES = { "--artwork.source=demo", "--game.limits.rounds=1..50", "--game.limits.round-time=2s..60s",
			"--game.round-time=3s", "--game.limits.between-round-time=1s..60s", "--game.between-round-time=1s",
			"--game.start-delay=0s" };

	@Test
	void threeRoundsSixPlayersClickingAtOnceThenGameOver() throws Exception {
		startBot(SHORT_GAMES);
		long seed = 12;
		System.out.println("GameWireTests seed " + seed);
		Random random = new Random(seed);
		List<String> players = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			players.add(FakeDiscord.snowflake(300 + i));
		}
		String start = this.discord.slashCommand("namethatartist", players.get(0), PLAYER, Map.of("rounds", 3));
		await(() -> this.discord.interaction(start).answeredAt());

		Map<String, List<String>> clicksByPlayer = new HashMap<>();
		List<String> clicks = new ArrayList<>();
		String gameId = null;
		for (int round = 1; round <= 3; round++) {
			int number = round;
			ObjectNode message = await(() -> openRound(number));
			List<String> buttons = customIds(message);
			assertThat(buttons).hasSize(4);
			Matcher id = ANSWER.matcher(buttons.get(0));
			assertThat(id.matches()).isTrue();
			gameId = id.group(1);
			// Six players at once: each click is sent before any is answered.
			for (String player : players) {
				String button = buttons.get(random.nextInt(buttons.size()));
				clicks.add(this.discord.click(message.path("id").asString(), button, player, PLAYER));
				clicksByPlayer.computeIfAbsent(player, (p) -> new ArrayList<>()).add(button);
			}
			// The round ends: its message is edited, buttons off, the right one green (style 3).
			String messageId = message.path("id").asString();
			ObjectNode ended = await(() -> this.discord.messages().stream()
				.filter((m) -> m.path("id").asString().equals(messageId) && allDisabled(m))
				.findFirst().orElse(null));
			assertThat(greenButtons(ended)).as("the right answer shown").hasSize(1);
		}
		ObjectNode over = await(() -> this.discord.messages().stream()
			.filter((m) -> m.toString().contains("Game Over")).findFirst().orElse(null));
		assertThat(over.toString()).contains("player");

		// Every click was answered once, within Discord's 3 s: deferred privately, then the feedback.
		for (String click : clicks) {
			FakeDiscord.Interaction interaction = answered(click);
			assertThat(java.time.Duration.between(interaction.created, interaction.answeredAt()))
				.isLessThan(FakeDiscord.CALLBACK_WINDOW);
			assertThat(interaction.callback().path("type").asInt()).as("deferred").isEqualTo(5);
			assertThat(interaction.callback().path("data").path("flags").asInt() & 64).as("privately").isEqualTo(64);
			// The feedback: the first follow-up, which takes the place of the deferred (private) answer.
			assertThat(followUp(click).path("content").asString()).containsAnyOf("Right!", "Not this one");
		}
		assertThat(this.discord.refusals()).isEmpty();

		// The stats count the game for each player, the points being those the feedback gave.
		PlayerRepository stats = this.context.getBean(PlayerRepository.class);
		for (String player : players) {
			PlayerStats one = stats.find(player).orElseThrow();
			assertThat(one.totalGames()).isEqualTo(1);
			assertThat(one.totalAnswers()).isEqualTo(3);
		}

		// Requests per round: the round's post and the edit that ends it.
		String game = gameId;
		long roundRequests = this.discord.sent().stream()
			.filter((sent) -> sent.path().startsWith("/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages"))
			.filter((sent) -> sent.body().contains("nta:answer:" + game + ":"))
			.count();
		double perRound = roundRequests / 3.0;
		System.out.printf("discord_requests_per_round %.2f%n", perRound);
		assertThat(perRound).isLessThanOrEqualTo(2.0);
	}

}
