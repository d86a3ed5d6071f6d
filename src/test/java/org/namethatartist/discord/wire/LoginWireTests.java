package org.namethatartist.discord.wire;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application and the real JDA client against {@link FakeDiscord}, reached through
 * {@code discord.rest-url} only: the bot logs in over the gateway (zlib-stream), health says {@code UP},
 * and the commands Discord receives are the game's.
 */
class LoginWireTests extends WireTestCase {

	@Test
	void theBotLogsInHealthSaysUpAndTheCommandsAreRegistered() throws Exception {
		startBot();
		assertThat(health().path("status").asString()).isEqualTo("UP");

		// IDENTIFY carried the token and no privileged intent.
		JsonNode identify = await(() -> this.discord.gatewayReceived().stream()
			.filter((payload) -> payload.path("op").asInt() == 2).findFirst().orElse(null));
		assertThat(identify.path("d").path("token").asString()).isEqualTo("fake-token");

		FakeDiscord.Sent registration = await(() -> this.discord.sent().stream()
			.filter((sent) -> sent.method().equals("PUT") && sent.path().endsWith("/commands"))
			.findFirst().orElse(null));
		assertThat(registration.path()).isEqualTo("/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands");
		JsonNode commands = this.discord.body(registration);
		List<String> names = new ArrayList<>();
		commands.forEach((command) -> names.add(command.path("name").asString()));
		assertThat(names).containsExactlyInAnyOrder("namethatartist", "leaderboard", "stats", "alltime", "stopgame",
				"settings", "daily", "help", "ping", "precache");
		// /settings is offered by default only to members with Manage Server (permission bit 5).
		assertThat(find(commands, "settings").path("default_member_permissions").asString()).isEqualTo("32");
		JsonNode play = find(commands, "namethatartist");
		JsonNode rounds = find(play.path("options"), "rounds");
		assertThat(rounds.path("type").asInt()).as("rounds is an integer option").isEqualTo(4);
		assertThat(rounds.path("min_value").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(rounds.has("max_value")).isTrue();
		JsonNode sort = find(find(commands, "alltime").path("options"), "sort");
		assertThat(sort.path("type").asInt()).as("sort is a string option").isEqualTo(3);
		List<String> choices = new ArrayList<>();
		sort.path("choices").forEach((choice) -> choices.add(choice.path("value").asString()));
		assertThat(choices).contains("totalScore", "totalWins", "averageScore", "bestScore", "accuracyRate",
				"totalGames", "totalCorrectAnswers");
	}

	@Test
	void helpOverTheGatewayIsAnsweredByOneCallback() throws Exception {
		startBot();

		String id = this.discord.slashCommand("help", FakeDiscord.snowflake(200), 1024);
		FakeDiscord.Sent callback = await(() -> this.discord.sent().stream()
			.filter((sent) -> sent.path().startsWith("/api/v10/interactions/" + id + "/")).findFirst().orElse(null));
		assertThat(callback.method()).isEqualTo("POST");
		assertThat(callback.path()).isEqualTo("/api/v10/interactions/" + id + "/token-" + id + "/callback");
		JsonNode body = this.discord.body(callback);
		assertThat(body.path("type").asInt()).as("a message in answer").isEqualTo(4);
		assertThat(body.path("data").toString()).contains("/namethatartist");
	}

}
