package org.namethatartist.discord;

import java.time.Duration;
import java.util.Optional;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.unions.GuildMessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.DurationRange;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameProperties;
import org.namethatartist.game.GameService;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.GameView;
import org.namethatartist.game.StartOutcome;
import org.namethatartist.guildsettings.GuildSettings;
import org.namethatartist.guildsettings.GuildSettingsService;

/**
 * {@code /namethatartist [rounds] [roundtime] [betweenroundtime]}: starts a game in this channel, within
 * {@code game.limits}. The game is announced in the channel for everyone; the starter's own answer is
 * private, and so is a refusal. Deferred first: starting waits for the game's state to be on disk.
 */
final class NameThatArtistCommand implements SlashCommand {

	/** Discord's requests a second for a whole bot, whichever process sends them (interaction answers aside). */
	static final int BOT_REQUESTS_PER_SECOND = 50;

	/** The share of them games may use: commands, announcements and Game Over messages need the rest. */
	static final double GAMES_SHARE = 0.6;

	/** Requests a round costs: its post, and the one edit that closes it. */
	static final int REQUESTS_PER_ROUND = 2;

	private final GameService games;

	private final int maxGames;

	/** The server's own settings (allowed channels, defaults); null where none are kept (older tests). */
	private final GuildSettingsService settings;

	NameThatArtistCommand(GameService games) {
		this(games, maxGames(games.properties().limits()), null);
	}

	NameThatArtistCommand(GameService games, GuildSettingsService settings) {
		this(games, maxGames(games.properties().limits()), settings);
	}

	/** @param maxGames the most games running at once before a new one is refused */
	NameThatArtistCommand(GameService games, int maxGames) {
		this(games, maxGames, null);
	}

	NameThatArtistCommand(GameService games, int maxGames, GuildSettingsService settings) {
		this.games = games;
		this.maxGames = maxGames;
		this.settings = settings;
	}

	/**
	 * The most games the request budget carries, with every game at its fastest (the shortest round and
	 * pause the limits allow): 50 × 0.6 requests a second, each game spending 2 a round. With the default
	 * limits (10 s + 5 s) that is 225 games, well under {@code game.max-running}.
	 */
	static int maxGames(GameProperties.Limits limits) {
		double cycle = limits.roundTime().min().plus(limits.betweenRoundTime().min()).toMillis() / 1000.0;
		return Math.max(1, (int) Math.floor(BOT_REQUESTS_PER_SECOND * GAMES_SHARE * cycle / REQUESTS_PER_ROUND));
	}

	@Override
	public String name() {
		return "namethatartist";
	}

	@Override
	public SlashCommandData definition() {
		GameProperties settings = this.games.properties();
		GameProperties.Limits limits = settings.limits();
		return Commands.slash(name(), "Start a game in this channel: name the artist of each artwork")
			.addOptions(
					new OptionData(OptionType.INTEGER, "rounds", "How many artworks (default " + settings.rounds() + ")")
						.setRequiredRange(limits.rounds().min(), limits.rounds().max()),
					seconds("roundtime", "Seconds to answer each artwork", settings.roundTime(), limits.roundTime()),
					seconds("betweenroundtime", "Seconds between two rounds", settings.betweenRoundTime(),
							limits.betweenRoundTime()),
					new OptionData(OptionType.STRING, "difficulty",
							"How alike the wrong answers are (default: the server's, else " + settings.difficulty().key()
									+ ")")
						.addChoice("easy: wrong answers at random", "easy")
						.addChoice("normal: one of them similar", "normal")
						.addChoice("hard: all as similar as can be", "hard"),
					new OptionData(OptionType.STRING, "answers",
							"Choose from buttons, or type the artist's name (default: the server's, else "
									+ settings.answers().key() + ")")
						.addChoice("buttons", "buttons")
						.addChoice("typed (points × " + settings.typedMultiplier() + ")", "typed"))
			.setContexts(InteractionContextType.GUILD);
	}

	private static OptionData seconds(String name, String description, Duration byDefault, DurationRange range) {
		long min = Text.seconds(range.min());
		long max = Math.max(min, range.max().toSeconds());
		return new OptionData(OptionType.INTEGER, name,
				description + " (default " + Text.seconds(byDefault) + ", " + min + " to " + max + ")")
			.setRequiredRange(min, max);
	}

	@Override
	public Optional<String> refusal(SlashCommandInteractionEvent event) {
		Optional<Member> self = Members.self(event.getGuild());
		if (self.isEmpty()) {
			return Optional.of(Members.NO_BOT);
		}
		if (!Members.botCanPost(self.get(), event.getGuildChannel())) {
			return Optional.of(Members.CANNOT_POST);
		}
		if (this.games.running() >= this.maxGames) {
			return Optional.of("⏳ " + Text.count(this.maxGames, "game is", "games are") + " running, as many as Discord's limit on "
					+ "the bot's messages carries; try again when one ends.");
		}
		return Optional.empty();
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		Guild guild = event.getGuild();
		GuildMessageChannelUnion channel = event.getGuildChannel();
		Optional<String> refusal = refusal(event);
		if (refusal.isPresent()) {
			Messages.replyPrivately(event, refusal.get());
			return;
		}
		GameOptions options = new GameOptions(integer(event.getOption("rounds")),
				duration(event.getOption("roundtime")), duration(event.getOption("betweenroundtime")), null,
				choice(event.getOption("difficulty"), Difficulty::of), choice(event.getOption("answers"), AnswerMode::of));
		if (this.settings != null) {
			GuildSettings server = this.settings.settings(guild.getId());
			if (!server.allowsGamesIn(event.getChannelId())) {
				Messages.replyPrivately(event, "On this server, games start only in "
						+ String.join(", ", server.channels().stream().map((id) -> "<#" + id + ">").toList()) + ".");
				return;
			}
			options = this.settings.optionsFor(guild.getId(), options);
		}
		String pool = (this.settings != null) ? this.settings.pool(guild.getId()) : null;
		event.deferReply(true).queue(null, Messages.failed("deferral of", event));
		StartOutcome outcome = this.games.start(event.getChannelId(), guild.getId(), Members.player(event.getUser()),
				options, pool);
		if (outcome instanceof StartOutcome.Started started) {
			channel.sendMessage(GameMessages.announcement(started.game(), event.getUser().getName()))
				.queue(null, Messages.failed("announcing game " + started.game().gameId()));
			String played = (started.notice() != null) ? "\n⚠️ " + started.notice()
					: (pool != null) ? "\nIt plays this server's own artworks (" + pool + "), so it counts in this "
							+ "server's leaderboards only, not the global ones." : "";
			Messages.answerDeferred(event, Messages.text("Your game is on: the first artwork appears "
					+ Text.relative(started.game().phaseEndsAt()) + ". /stopgame ends it early." + played));
		}
		else if (outcome instanceof StartOutcome.AlreadyRunning running) {
			Messages.answerDeferred(event, Messages.text("A game is already running in this channel ("
					+ progress(running.game()) + "). Play along, or start one in another channel."));
		}
		else if (outcome instanceof StartOutcome.OutOfBounds bad) {
			Messages.answerDeferred(event, Messages.text("Not started: " + bad.message() + "."));
		}
		else if (outcome instanceof StartOutcome.NotEnoughArtworks few) {
			Messages.answerDeferred(event, Messages.text("Not started: " + few.message()));
		}
		else if (outcome instanceof StartOutcome.Unavailable unavailable) {
			Messages.answerDeferred(event, Messages.text("⚠️ Not started: " + unavailable.reason()));
		}
		else {
			// A new kind of outcome must be phrased here, not cast blindly (the router answers the user).
			throw new IllegalStateException("no answer for " + outcome.getClass().getName());
		}
	}

	static String progress(GameView game) {
		if (game.status() == GameStatus.STARTING) {
			return (game.roundNumber() == 0) ? "starting" : "resuming at round " + game.roundNumber();
		}
		return (game.status() == GameStatus.ROUND ? "round " : "after round ") + game.roundNumber() + " of "
				+ game.totalRounds();
	}

	/** An option with fixed choices; Discord sends only those, so a bad one is a bug (the router answers it). */
	private static <T> T choice(OptionMapping option, java.util.function.Function<String, T> of) {
		return (option != null) ? of.apply(option.getAsString()) : null;
	}

	private static Integer integer(OptionMapping option) {
		return (option != null) ? option.getAsInt() : null;
	}

	private static Duration duration(OptionMapping option) {
		return (option != null) ? Duration.ofSeconds(option.getAsLong()) : null;
	}

}
