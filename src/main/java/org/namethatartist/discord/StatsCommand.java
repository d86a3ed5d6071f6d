package org.namethatartist.discord;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.jspecify.annotations.Nullable;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;

/** {@code /stats [user]}: a player's all-time stats, and this server's share of them; private. */
final class StatsCommand implements SlashCommand {

	private final PlayerRepository players;

	private final @Nullable PeriodBoards periods;

	private final @Nullable Clock clock;

	/** All-time stats only: no ranks this week and this month. */
	StatsCommand(PlayerRepository players) {
		this(players, null, null);
	}

	StatsCommand(PlayerRepository players, @Nullable PeriodBoards periods, @Nullable Clock clock) {
		this.players = players;
		this.periods = periods;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "stats";
	}

	@Override
	public SlashCommandData definition() {
		return Commands.slash(name(), "Your all-time stats, or another player's (only you see the answer)")
			.addOption(OptionType.USER, "user", "Whose stats (default: yours)")
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		OptionMapping option = event.getOption("user");
		User user = (option != null) ? option.getAsUser() : event.getUser();
		boolean self = user.getId().equals(event.getUser().getId());
		Messages.defer(event, true);
		Optional<PlayerStats> here = this.players.find(event.getGuild().getId(), user.getId());
		Optional<PlayerStats> found = this.players.find(user.getId());
		if (found.isEmpty() && here.isPresent()) {
			// Only games on this server's own artworks: they count here, never globally.
			found = Optional.of(PlayerStats.newPlayer(user.getId(), here.get().username()));
		}
		if (found.isEmpty()) {
			Messages.answerDeferred(event, Messages.text(self ? "You have not finished a game yet. Start one with "
					+ "/namethatartist!" : Text.plain(user.getName()) + " has not finished a game yet."));
			return;
		}
		PlayerStats stats = found.get();
		long winRate = (stats.totalGames() > 0) ? Math.round(100.0 * stats.totalWins() / stats.totalGames()) : 0;
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("📊 Stats")
			.setDescription("**" + Text.plain(stats.username()) + "**")
			.addField("Games", Text.number(stats.totalGames()), true)
			.addField("Wins", Text.number(stats.totalWins()), true)
			.addField("Win rate", winRate + "%", true)
			.addField("Total score", Text.number(stats.totalScore()), true)
			.addField("Best score", Text.number(stats.bestScore()), true)
			.addField("Average score", Text.number(stats.averageScore()), true)
			.addField("Right answers", Text.number(stats.totalCorrectAnswers()), true)
			.addField("Wrong answers", Text.number(stats.totalIncorrectAnswers()), true)
			.addField("Accuracy", stats.accuracyRate() + "%", true);
		if (this.periods != null) {
			Instant now = this.clock.instant();
			embed.addField("This week", PeriodBoard.rankLine(this.periods, Period.week(now), user.getId()), true)
				.addField("This month", PeriodBoard.rankLine(this.periods, Period.month(now), user.getId()), true);
		}
		here.ifPresent((server) -> embed.setFooter("In this server: " + Text.count(server.totalGames(), "game", "games")
				+ ", " + Text.count(server.totalScore(), "point", "points") + ", "
				+ Text.count(server.totalWins(), "win", "wins") + poolGames(server)));
		Messages.answerDeferred(event, Messages.embed(embed.build()));
	}

	/**
	 * Which of the server's games counted here only: those on its own artwork pool, among the history the
	 * stats keep (the last games).
	 */
	static String poolGames(PlayerStats server) {
		long pool = server.gamesHistory().stream().filter((entry) -> entry.pool() != null).count();
		if (pool == 0) {
			return "";
		}
		int kept = server.gamesHistory().size();
		String of = (kept < server.totalGames()) ? " of the last " + kept : "";
		return ". " + Text.count(pool, "game", "games") + of + " played this server's own artworks: they count in "
				+ "this server's leaderboards only, not in the global numbers above";
	}

}
