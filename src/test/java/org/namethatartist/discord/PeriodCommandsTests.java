package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /leaderboard period:…} and the week's and month's ranks of {@code /stats}, on real stores, "now"
 * being Saturday 2026-12-05 12:00 UTC (2026-W49).
 */
class PeriodCommandsTests {

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final String OTHER_GUILD = "100000000000000777";

	@TempDir
	Path dataDir;

	private TestGames games;

	private PlayerRepository players;

	private PeriodBoards periods;

	private final DiscordTester discord = new DiscordTester();

	private int gameNumber;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.players = this.games.stores.players();
		this.periods = this.games.stores.periods();
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void leaderboardOffersTheFivePeriods() {
		OptionData period = new LeaderboardCommand(this.players, this.periods, CLOCK).definition().getOptions().get(1);
		assertThat(period.getName()).isEqualTo("period");
		assertThat(period.isRequired()).isFalse();
		assertThat(period.getChoices()).extracting(Command.Choice::getName)
			.containsExactly("all-time", "this week", "this month", "last week", "last month");
	}

	@Test
	void thisWeeksBoardCountsOnlyThisWeeksGamesAndDailyPoints() {
		record("1", "Ann", DiscordTester.GUILD, 50, true, NOW.minusSeconds(60));
		record("2", "Bob", OTHER_GUILD, 500, true, Instant.parse("2026-11-27T10:00:00Z"));
		record("2", "Bob", OTHER_GUILD, 20, false, NOW.minusSeconds(60));
		this.periods.recordDaily("1", "Ann", DiscordTester.GUILD, LocalDate.of(2026, 12, 5), 300, NOW);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("leaderboard")
			.option("period", "this week")
			.build();
		new LeaderboardCommand(this.players, this.periods, CLOCK).execute(slash.event);
		assertThat(slash.privately()).isFalse();
		assertThat(slash.answer().embed().getTitle()).isEqualTo("🏆 Leaderboard — all servers, this week (2026-W49)");
		assertThat(slash.answer().embed().getDescription()).isEqualTo("""
				🥇 **Ann** — 50 points (1 win, 1 game, 300 daily points)
				🥈 **Bob** — 20 points (0 wins, 1 game)""");
		assertThat(slash.answer().embed().getFooter().getText()).startsWith("Ends <t:");
	}

	@Test
	void lastWeeksBoardOfThisServerIsFinal() {
		record("1", "Ann", DiscordTester.GUILD, 70, true, Instant.parse("2026-11-27T10:00:00Z"));
		record("2", "Bob", OTHER_GUILD, 500, true, Instant.parse("2026-11-27T10:00:00Z"));
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("leaderboard")
			.option("scope", "server")
			.option("period", "last week")
			.build();
		new LeaderboardCommand(this.players, this.periods, CLOCK).execute(slash.event);
		assertThat(slash.answer().embed().getTitle()).isEqualTo("🏆 Leaderboard — this server, last week (2026-W48)");
		assertThat(slash.answer().embed().getDescription()).isEqualTo("🥇 **Ann** — 70 points (1 win, 1 game)");
		assertThat(slash.answer().embed().getFooter().getText()).isEqualTo("Final standings");
	}

	@Test
	void anEmptyMonthSaysSoAndAllTimeIsTheOriginalBoard() {
		record("1", "Ann", DiscordTester.GUILD, 70, true, Instant.parse("2026-10-27T10:00:00Z"));
		Interaction<SlashCommandInteractionEvent> month = this.discord.slash("leaderboard")
			.option("period", "last month")
			.build();
		new LeaderboardCommand(this.players, this.periods, CLOCK).execute(month.event);
		assertThat(month.answer().embed().getTitle()).endsWith("last month (2026-11)");
		assertThat(month.answer().embed().getDescription()).isEqualTo("Nobody played last month.");

		Interaction<SlashCommandInteractionEvent> all = this.discord.slash("leaderboard").option("period", "all-time")
			.build();
		new LeaderboardCommand(this.players, this.periods, CLOCK).execute(all.event);
		assertThat(all.answer().embed().getTitle()).isEqualTo("🏆 Leaderboard — all servers");
		assertThat(all.answer().embed().getDescription()).isEqualTo("🥇 **Ann** — 70 points (1 win, 1 game)");
	}

	@Test
	void anUnknownPeriodIsRefusedPrivately() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("leaderboard").option("period", "year")
			.build();
		new LeaderboardCommand(this.players, this.periods, CLOCK).execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).startsWith("I don't know the period \"year\"");
	}

	@Test
	void statsShowTheRankThisWeekAndThisMonth() {
		record("1", "Ann", DiscordTester.GUILD, 50, true, NOW.minusSeconds(60));
		record("2", "Bob", OTHER_GUILD, 80, true, NOW.minusSeconds(60));
		record("1", "Ann", DiscordTester.GUILD, 60, true, Instant.parse("2026-12-01T10:00:00Z"));
		record("2", "Bob", OTHER_GUILD, 200, true, Instant.parse("2026-11-27T10:00:00Z"));
		Interaction<SlashCommandInteractionEvent> ann = this.discord.slash("stats").by("1", "Ann").build();
		new StatsCommand(this.players, this.periods, CLOCK).execute(ann.event);
		assertThat(ann.answer().embed().getFields()).extracting((field) -> field.getName() + ": " + field.getValue())
			.endsWith("This week: #1 · 110 points", "This month: #1 · 110 points");

		record("3", "Cat", DiscordTester.GUILD, 5, false, Instant.parse("2026-11-02T10:00:00Z"));
		Interaction<SlashCommandInteractionEvent> cat = this.discord.slash("stats").by("3", "Cat").build();
		new StatsCommand(this.players, this.periods, CLOCK).execute(cat.event);
		assertThat(cat.answer().embed().getFields()).extracting((field) -> field.getName() + ": " + field.getValue())
			.endsWith("This week: not played yet", "This month: not played yet");
	}

	private void record(String userId, String name, String guildId, int score, boolean winner, Instant at) {
		GameResult result = new GameResult("g" + (++this.gameNumber), userId, name, guildId, score, winner, 1, 0, at);
		this.players.recordResult(result);
		this.periods.recordResult(result);
	}

}
