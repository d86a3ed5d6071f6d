package org.namethatartist.discord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodEntry;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.player.PeriodStats;

/**
 * The week and month side of {@code /leaderboard} (its {@code period} option) and of {@code /stats}
 * (the ranks this week and this month).
 */
final class PeriodBoard {

	static final String ALL_TIME = "all-time";

	private PeriodBoard() {
	}

	static OptionData option() {
		return new OptionData(OptionType.STRING, "period", "All-time (default), or this or last week or month (UTC)")
			.addChoice("all-time", ALL_TIME)
			.addChoice("this week", "this week")
			.addChoice("this month", "this month")
			.addChoice("last week", "last week")
			.addChoice("last month", "last month");
	}

	/** The period a choice names at {@code now}, or empty for an unknown one. */
	static Optional<Period> period(String choice, Instant now) {
		return switch (choice) {
			case "this week" -> Optional.of(Period.week(now));
			case "this month" -> Optional.of(Period.month(now));
			case "last week" -> Optional.of(Period.week(now).previous());
			case "last month" -> Optional.of(Period.month(now).previous());
			default -> Optional.empty();
		};
	}

	static void refuse(SlashCommandInteractionEvent event, String choice) {
		Messages.error(event, "I don't know the period \"" + Text.plain(Text.shorten(choice, 40))
				+ "\": choose all-time, this week, this month, last week or last month.");
	}

	static void reply(SlashCommandInteractionEvent event, PeriodBoards boards, Instant now, String choice,
			String guildId) {
		Optional<Period> chosen = period(choice, now);
		if (chosen.isEmpty()) {
			refuse(event, choice);
			return;
		}
		Period period = chosen.get();
		List<PeriodEntry> top = boards.leaderboard(period, PeriodSort.TOTAL_SCORE, LeaderboardCommand.TOP, guildId);
		StringBuilder lines = new StringBuilder();
		for (PeriodEntry entry : top) {
			PeriodStats stats = entry.stats();
			lines.append(Text.rank(entry.rank())).append(" **").append(Text.plain(stats.username())).append("** — ")
				.append(Text.count(stats.totalScore(), "point", "points")).append(" (")
				.append(Text.count(stats.totalWins(), "win", "wins")).append(", ")
				.append(Text.count(stats.totalGames(), "game", "games"));
			if (stats.dailyScore() > 0) {
				lines.append(", ").append(Text.count(stats.dailyScore(), "daily point", "daily points"));
			}
			lines.append(")\n");
		}
		boolean finished = period.finishedAt(now);
		if (top.isEmpty()) {
			lines.append("Nobody played ").append((guildId != null) ? "in this server " : "").append(choice)
				.append(finished ? "." : " yet. Start a game with /namethatartist!");
		}
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("🏆 Leaderboard — " + ((guildId != null) ? "this server" : "all servers") + ", " + choice + " ("
					+ period.id() + ")")
			.setDescription(lines.toString().strip())
			.setFooter(finished ? "Final standings" : "Ends " + Text.relative(period.endInstant()));
		Messages.answerDeferred(event, Messages.embed(embed.build()));
	}

	/** "#2 of 14 · 350 points" for /stats, or that the player has not played in the period. */
	static String rankLine(PeriodBoards boards, Period period, String userId) {
		return boards.standing(period, PeriodSort.TOTAL_SCORE, null, userId)
			.map((entry) -> "#" + entry.rank() + " · " + Text.count(entry.stats().totalScore(), "point", "points"))
			.orElse("not played yet");
	}

}
