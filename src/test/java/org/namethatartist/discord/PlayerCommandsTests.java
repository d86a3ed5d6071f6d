package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.discord.DiscordTester.Kind;
import org.namethatartist.discord.DiscordTester.Sent;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** /leaderboard, /alltime and /stats, read from real player stores. */
class PlayerCommandsTests {

	private static final String OTHER_GUILD = "100000000000000777";

	@TempDir
	Path dataDir;

	private TestGames games;

	private PlayerRepository players;

	private final DiscordTester discord = new DiscordTester();

	private int gameNumber;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.players = this.games.stores.players();
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void leaderboardShowsTheGlobalTopTenByTotalScoreWithMedals() {
		for (int p = 1; p <= 12; p++) {
			record(String.valueOf(p), "Player" + p, DiscordTester.GUILD, p * 10, p % 2 == 0, 3, 1);
		}
		record("12", "Player12", OTHER_GUILD, 1000, true, 4, 0);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("leaderboard").build();
		new LeaderboardCommand(this.players).execute(slash.event);

		Sent reply = slash.answer();
		assertThat(slash.privately()).isFalse();
		assertThat(reply.embed().getTitle()).isEqualTo("🏆 Leaderboard — all servers");
		assertThat(reply.embed().getDescription().lines()).hasSize(10)
			.startsWith("🥇 **Player12** — 1,120 points (2 wins, 2 games)",
					"🥈 **Player11** — 110 points (0 wins, 1 game)",
					"🥉 **Player10** — 100 points (1 win, 1 game)", "**4.** **Player9** — 90 points (0 wins, 1 game)")
			.endsWith("**10.** **Player3** — 30 points (0 wins, 1 game)");
	}

	@Test
	void leaderboardOfThisServerCountsOnlyItsGames() {
		record("1", "Ann", DiscordTester.GUILD, 50, true, 2, 0);
		record("2", "Bob", OTHER_GUILD, 500, true, 5, 0);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("leaderboard").option("scope", "server")
			.build();
		new LeaderboardCommand(this.players).execute(slash.event);
		assertThat(slash.answer().embed().getTitle()).isEqualTo("🏆 Leaderboard — this server");
		assertThat(slash.answer().embed().getDescription()).isEqualTo("🥇 **Ann** — 50 points (1 win, 1 game)");
	}

	@Test
	void anEmptyLeaderboardSaysSo() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("leaderboard").option("scope", "server")
			.build();
		new LeaderboardCommand(this.players).execute(slash.event);
		assertThat(slash.answer().embed().getDescription())
			.isEqualTo("Nobody has finished a game in this server yet. Start one with /namethatartist!");
	}

	@Test
	void leaderboardOffersGlobalAndServer() {
		OptionData scope = new LeaderboardCommand(this.players).definition().getOptions().get(0);
		assertThat(scope.isRequired()).isFalse();
		assertThat(scope.getChoices()).extracting(Command.Choice::getAsString).containsExactly("global", "server");
	}

	@Test
	void allTimeOffersTheSevenKeysOfTheOriginal() {
		OptionData sort = new AllTimeCommand(this.players).definition().getOptions().get(0);
		// Optional, as in the original: the total score when left out.
		assertThat(sort.isRequired()).isFalse();
		assertThat(sort.getChoices()).extracting(Command.Choice::getAsString)
			.containsExactly("totalScore", "totalWins", "averageScore", "bestScore", "accuracyRate", "totalGames",
					"totalCorrectAnswers");
	}

	@Test
	void allTimeRanksByTheChosenKey() {
		record("1", "Ann", DiscordTester.GUILD, 100, true, 3, 1);
		record("2", "Bob", DiscordTester.GUILD, 40, false, 1, 0);
		record("3", "Cat", DiscordTester.GUILD, 10, false, 1, 3);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("alltime").option("sort", "accuracyRate")
			.build();
		new AllTimeCommand(this.players).execute(slash.event);
		assertThat(slash.privately()).isFalse();
		assertThat(slash.answer().embed().getTitle()).isEqualTo("📜 All-time top 10 — accuracy");
		assertThat(slash.answer().embed().getDescription()).isEqualTo("""
				🥇 **Bob** — 100% right of 1 answer
				🥈 **Ann** — 75% right of 4 answers
				🥉 **Cat** — 25% right of 4 answers""");

		Interaction<SlashCommandInteractionEvent> best = this.discord.slash("alltime").option("sort", "bestScore").build();
		new AllTimeCommand(this.players).execute(best.event);
		assertThat(best.answer().embed().getDescription()).startsWith("🥇 **Ann** — 100 points in one game\n");
	}

	@Test
	void allTimeWithoutASortRanksByTotalScore() {
		record("1", "Ann", DiscordTester.GUILD, 100, true, 3, 1);
		record("2", "Bob", DiscordTester.GUILD, 400, true, 1, 0);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("alltime").build();
		new AllTimeCommand(this.players).execute(slash.event);
		assertThat(slash.privately()).isFalse();
		assertThat(slash.answer().embed().getTitle()).isEqualTo("📜 All-time top 10 — total score");
		assertThat(slash.answer().embed().getDescription()).isEqualTo("""
				🥇 **Bob** — 400 points
				🥈 **Ann** — 100 points""");
	}

	@Test
	void commandsThatReadTheStoreAreAcknowledgedFirst() {
		record("301", "Ann", DiscordTester.GUILD, 120, true, 4, 1);
		Interaction<SlashCommandInteractionEvent> leaderboard = this.discord.slash("leaderboard").build();
		new LeaderboardCommand(this.players).execute(leaderboard.event);
		Interaction<SlashCommandInteractionEvent> allTime = this.discord.slash("alltime").option("sort", "bestScore")
			.build();
		new AllTimeCommand(this.players).execute(allTime.event);
		Interaction<SlashCommandInteractionEvent> stats = this.discord.slash("stats").by("301", "Ann").build();
		new StatsCommand(this.players).execute(stats.event);
		for (Interaction<SlashCommandInteractionEvent> slash : List.of(leaderboard, allTime, stats)) {
			assertThat(slash.sent.get(0).kind).isEqualTo(Kind.DEFER);
			assertThat(slash.answer().kind).isEqualTo(Kind.FOLLOW_UP);
		}
		assertThat(leaderboard.privately()).isFalse();
		assertThat(allTime.privately()).isFalse();
		assertThat(stats.privately()).isTrue();
	}

	@Test
	void allTimeRefusesAnUnknownKeyPrivately() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("alltime").option("sort", "luck").build();
		new AllTimeCommand(this.players).execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).startsWith("I can't sort by \"luck\"");
	}

	@Test
	void statsArePrivateAndComplete() {
		record("301", "Ann", DiscordTester.GUILD, 120, true, 4, 1);
		record("301", "Ann", OTHER_GUILD, 30, false, 1, 2);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("stats").by("301", "Ann").build();
		new StatsCommand(this.players).execute(slash.event);

		assertThat(slash.privately()).isTrue();
		Sent reply = slash.answer();
		assertThat(reply.embed().getDescription()).isEqualTo("**Ann**");
		assertThat(reply.embed().getFields()).extracting((field) -> field.getName() + ": " + field.getValue())
			.containsExactly("Games: 2", "Wins: 1", "Win rate: 50%", "Total score: 150", "Best score: 120",
					"Average score: 75", "Right answers: 5", "Wrong answers: 3", "Accuracy: 63%");
		assertThat(reply.embed().getFooter().getText()).isEqualTo("In this server: 1 game, 120 points, 1 win");
	}

	@Test
	void statsOfAnotherPlayer() {
		record("302", "Bob", OTHER_GUILD, 70, true, 2, 0);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("stats")
			.option("user", DiscordTester.user("302", "bob_now"))
			.build();
		new StatsCommand(this.players).execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().embed().getDescription()).isEqualTo("**Bob**");
		assertThat(slash.answer().embed().getFooter()).isNull();
	}

	@Test
	void statsOfSomebodyWhoNeverPlayedSaySo() {
		Interaction<SlashCommandInteractionEvent> mine = this.discord.slash("stats").build();
		new StatsCommand(this.players).execute(mine.event);
		assertThat(mine.privately()).isTrue();
		assertThat(mine.answer().text()).isEqualTo("You have not finished a game yet. Start one with /namethatartist!");

		Interaction<SlashCommandInteractionEvent> theirs = this.discord.slash("stats")
			.option("user", DiscordTester.user("999", "a_b"))
			.build();
		new StatsCommand(this.players).execute(theirs.event);
		assertThat(theirs.answer().text()).isEqualTo("a_b has not finished a game yet.");
	}

	private void record(String userId, String name, String guildId, int score, boolean winner, int correct,
			int incorrect) {
		this.players.recordResult(new GameResult("g" + (++this.gameNumber), userId, name, guildId, score, winner, correct,
				incorrect, Instant.parse("2026-11-27T10:00:00Z")));
	}

}
