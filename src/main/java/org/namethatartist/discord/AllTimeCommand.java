package org.namethatartist.discord;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;

/** {@code /alltime sort}: the all-time top 10 by one of the seven keys of the original. Public. */
final class AllTimeCommand implements SlashCommand {

	private final PlayerRepository players;

	AllTimeCommand(PlayerRepository players) {
		this.players = players;
	}

	@Override
	public String name() {
		return "alltime";
	}

	@Override
	public SlashCommandData definition() {
		OptionData sort = new OptionData(OptionType.STRING, "sort", "What to rank players by (default: total score)",
				false);
		for (LeaderboardSort key : LeaderboardSort.values()) {
			sort.addChoice(label(key), key.key());
		}
		return Commands.slash(name(), "The all-time top 10 players by a statistic of your choice")
			.addOptions(sort)
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		OptionMapping option = event.getOption("sort");
		// Optional, as in the original: no sort is the total score.
		String key = (option != null) ? option.getAsString() : LeaderboardSort.TOTAL_SCORE.key();
		Optional<LeaderboardSort> sort = LeaderboardSort.fromKey(key);
		if (sort.isEmpty()) {
			Messages.replyPrivately(event, "I can't sort by \"" + Text.plain(key) + "\"; choose one of the options "
					+ "Discord offers for sort.");
			return;
		}
		Messages.defer(event, false);
		List<LeaderboardEntry> top = this.players.leaderboard(sort.get(), LeaderboardCommand.TOP, null);
		StringBuilder lines = new StringBuilder();
		for (LeaderboardEntry entry : top) {
			lines.append(Text.rank(entry.rank())).append(" **").append(Text.plain(entry.stats().username()))
				.append("** — ").append(value(sort.get(), entry)).append('\n');
		}
		if (top.isEmpty()) {
			lines.append("Nobody has finished a game yet. Start one with /namethatartist!");
		}
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("📜 All-time top " + LeaderboardCommand.TOP + " — " + label(sort.get()).toLowerCase(Locale.ROOT))
			.setDescription(lines.toString().strip());
		Messages.answerDeferred(event, Messages.embed(embed.build()));
	}

	static String label(LeaderboardSort sort) {
		return switch (sort) {
			case TOTAL_SCORE -> "Total score";
			case TOTAL_WINS -> "Wins";
			case AVERAGE_SCORE -> "Average score";
			case BEST_SCORE -> "Best score";
			case ACCURACY_RATE -> "Accuracy";
			case TOTAL_GAMES -> "Games played";
			case TOTAL_CORRECT_ANSWERS -> "Right answers";
		};
	}

	private static String value(LeaderboardSort sort, LeaderboardEntry entry) {
		long value = entry.value();
		PlayerStats stats = entry.stats();
		return switch (sort) {
			case TOTAL_SCORE -> Text.count(value, "point", "points");
			case TOTAL_WINS -> Text.count(value, "win", "wins") + " in " + Text.count(stats.totalGames(), "game", "games");
			case AVERAGE_SCORE -> Text.count(value, "point", "points") + " a game";
			case BEST_SCORE -> Text.count(value, "point", "points") + " in one game";
			case ACCURACY_RATE -> value + "% right of " + Text.count(stats.totalAnswers(), "answer", "answers");
			case TOTAL_GAMES -> Text.count(value, "game", "games");
			case TOTAL_CORRECT_ANSWERS -> Text.count(value, "right answer", "right answers");
		};
	}

}
