package org.namethatartist.discord;

import java.time.Clock;
import java.util.List;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.jspecify.annotations.Nullable;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;

/**
 * {@code /leaderboard [scope] [period]}: the top 10 by total score, everyone's (the default, as the
 * original) or this server's, all-time (the default) or of this or last week or month, with medals and
 * "points (wins, games)". Public; the leaderboard is read from memory.
 */
final class LeaderboardCommand implements SlashCommand {

	static final int TOP = 10;

	private final PlayerRepository players;

	private final @Nullable PeriodBoards periods;

	private final @Nullable Clock clock;

	/** All-time boards only: no {@code period} option. */
	LeaderboardCommand(PlayerRepository players) {
		this(players, null, null);
	}

	LeaderboardCommand(PlayerRepository players, @Nullable PeriodBoards periods, @Nullable Clock clock) {
		this.players = players;
		this.periods = periods;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "leaderboard";
	}

	@Override
	public SlashCommandData definition() {
		SlashCommandData command = Commands.slash(name(), "The top 10 players by total score")
			.addOptions(new OptionData(OptionType.STRING, "scope", "Everyone's (default) or this server's players")
				.addChoice("global", "global")
				.addChoice("server", "server"))
			.setContexts(InteractionContextType.GUILD);
		if (this.periods != null) {
			command.addOptions(PeriodBoard.option());
		}
		return command;
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		OptionMapping scope = event.getOption("scope");
		boolean server = scope != null && "server".equals(scope.getAsString());
		OptionMapping period = event.getOption("period");
		boolean byPeriod = this.periods != null && period != null
				&& !PeriodBoard.ALL_TIME.equals(period.getAsString());
		// An unknown period is refused privately before the public "thinking…" of the deferral.
		if (byPeriod && PeriodBoard.period(period.getAsString(), this.clock.instant()).isEmpty()) {
			PeriodBoard.refuse(event, period.getAsString());
			return;
		}
		Messages.defer(event, false);
		if (byPeriod) {
			PeriodBoard.reply(event, this.periods, this.clock.instant(), period.getAsString(),
					server ? event.getGuild().getId() : null);
			return;
		}
		List<LeaderboardEntry> top = this.players.leaderboard(LeaderboardSort.TOTAL_SCORE, TOP,
				server ? event.getGuild().getId() : null);
		StringBuilder lines = new StringBuilder();
		for (LeaderboardEntry entry : top) {
			PlayerStats stats = entry.stats();
			lines.append(Text.rank(entry.rank())).append(" **").append(Text.plain(stats.username())).append("** — ")
				.append(Text.count(stats.totalScore(), "point", "points")).append(" (")
				.append(Text.count(stats.totalWins(), "win", "wins")).append(", ")
				.append(Text.count(stats.totalGames(), "game", "games")).append(")\n");
		}
		if (top.isEmpty()) {
			lines.append(server ? "Nobody has finished a game in this server yet." : "Nobody has finished a game yet.")
				.append(" Start one with /namethatartist!");
		}
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("🏆 Leaderboard — " + (server ? "this server" : "all servers"))
			.setDescription(lines.toString().strip());
		Messages.answerDeferred(event, Messages.embed(embed.build()));
	}

}
