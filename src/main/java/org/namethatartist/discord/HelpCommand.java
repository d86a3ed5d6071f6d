package org.namethatartist.discord;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.game.GameProperties;

/** {@code /help}: how to play, the commands, and what the catalogue holds now. Public. */
final class HelpCommand implements SlashCommand {

	private final ArtworkCatalog artworks;

	private final GameProperties settings;

	HelpCommand(ArtworkCatalog artworks, GameProperties settings) {
		this.artworks = artworks;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "help";
	}

	@Override
	public SlashCommandData definition() {
		return Commands.slash(name(), "How to play Name That Artist, and the commands")
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		TokenCatalog catalog = this.artworks.current();
		String howToPlay = "Each round shows an artwork and " + this.settings.choices() + " artists. Press the button "
				+ "of the one who made it. One answer per round; a right answer scores up to "
				+ this.settings.baseScore() + " points, fewer the longer you wait, and a wrong one scores nothing. "
				+ "After the last round, the best score wins. In a typed game (answers: typed) you press ✍️ and type "
				+ "the artist's name instead: small typos are forgiven, and a right answer scores "
				+ this.settings.typedMultiplier() + " × the points.";
		String commands = """
				/namethatartist [rounds] [roundtime] [betweenroundtime] [difficulty] [answers] — start a game in this channel
				/stopgame — stop it (its starter, or members who can manage messages)
				/leaderboard [scope] [period] — the top 10 by total score, everyone's or this server's, all time or this week or month
				/alltime [sort] — the all-time top 10 by a statistic of your choice
				/stats [user] — stats and this week's and month's ranks, shown to you only
				/daily — today's challenge: 5 artworks, the same for everybody, played privately; Share posts your line
				/ping — how quickly I answer
				/settings — members who can manage the server: this server's game (defaults, difficulty, answers, channels, stop role)
				/precache — administrators: get Discord to load every artwork's image in advance""";
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("🎨 Name That Artist — how to play")
			.setDescription(howToPlay)
			.addField("Commands", commands, false)
			.setFooter(Text.count(catalog.playable().size(), "artwork", "artworks") + " by "
					+ Text.count(catalog.artists().size(), "artist", "artists") + " to play (" + catalog.source() + ")");
		Messages.reply(event, Messages.embed(embed.build()), false);
	}

}
