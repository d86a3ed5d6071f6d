package org.namethatartist.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.image.ArtworkImage;
import org.namethatartist.game.Choice;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameView;
import org.namethatartist.game.RoundResult;
import org.namethatartist.game.RoundView;
import org.namethatartist.game.Standing;

/** How a game looks in a channel: one message per event, and the round's buttons. */
final class GameMessages {

	/** Discord's limit on a button's label. */
	private static final int LABEL_MAX = 80;

	/** Room for the tied winners' names in the Game Over description (Discord allows 4,096 characters). */
	static final int WINNERS_MAX = 3000;

	/** JDA's and Discord's limit on an embed's addresses. */
	static final int URL_MAX = 2000;

	/** The longest title the reveal shows; longer ones are cut with an ellipsis. */
	static final int TITLE_MAX = 200;

	private GameMessages() {
	}

	/** Posted when a game starts, before its first round. */
	static MessageCreateData announcement(GameView game, String starter) {
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("🎨 Name That Artist")
			.setDescription("**" + Text.plain(starter) + "** started a game of "
					+ Text.count(game.totalRounds(), "round", "rounds") + ": " + Text.seconds(game.roundTime())
					+ " s to answer each, " + Text.seconds(game.betweenRoundTime()) + " s between rounds.\n"
					+ "The first artwork appears " + when(game.phaseEndsAt()) + ". Press the button of the artist "
					+ "you think made it: one answer per round, and the faster a right answer, the more it scores.");
		return Messages.embed(embed.build());
	}

	/**
	 * The round's message in the forms Discord may take, best first; each is posted only when the one before
	 * was refused. The artwork's image is uploaded with the message as {@code artwork.jpg} (or {@code .png},
	 * {@code .gif}), made anonymous by the image pipeline: no address, content id, token id or, unless
	 * {@code game.show-title} is {@code during-round}, title appears in the message before the reveal.
	 * @param image the round's image, or empty when it could not be had (the round says so)
	 * @param showTitle whether the artwork's title is shown during the round
	 */
	static List<Supplier<MessageCreateData>> roundForms(GameEvent.RoundStarted event, boolean typed,
			Optional<ArtworkImage> image, boolean showTitle) {
		if (image.isEmpty()) {
			return List.of(() -> round(event, null, typed, showTitle), () -> plainRound(event, typed, showTitle));
		}
		return List.of(() -> round(event, image.get(), typed, showTitle), () -> round(event, null, typed, showTitle),
				() -> plainRound(event, typed, showTitle));
	}

	private static MessageCreateData plainRound(GameEvent.RoundStarted event, boolean typed, boolean showTitle) {
		RoundView round = event.round();
		String text = "**Round " + round.number() + " of " + round.totalRounds() + "**"
				+ (showTitle ? ": " + Text.plain(round.token().name()) : "") + "\n"
				+ (round.scored() ? "" : missingImage(round) + "\n") + question(typed)
				+ " Answers close " + Text.relative(round.endsAt()) + ".";
		return new MessageCreateBuilder().setContent(text)
			.setComponents(components(event.game().gameId(), round.number(), round.choices(), typed))
			.setAllowedMentions(Messages.NO_MENTIONS)
			.build();
	}

	/** Why the round shows no image; a round that opened without one does not count, and says so. */
	private static String missingImage(RoundView round) {
		return round.scored() ? "🖼️ *The artwork's image could not be loaded for this round.*"
				: "🖼️ *The artwork's image could not be loaded, so this round does not count: answers score nothing.*";
	}

	private static String question(boolean typed) {
		return typed ? "Who created this artwork? Press ✍️ and type the name." : "Who created this artwork?";
	}

	/** The round as an embed, with the uploaded image, or saying the image is unavailable when it is null. */
	private static MessageCreateData round(GameEvent.RoundStarted event, ArtworkImage image, boolean typed,
			boolean showTitle) {
		RoundView round = event.round();
		Token token = round.token();
		String title = showTitle ? "**" + Text.plain(token.name()) + "**\n" : "";
		String missing = (image == null) ? missingImage(round) + "\n" : "";
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("Round " + round.number() + " of " + round.totalRounds())
			.setDescription(title + missing + question(typed) + "\nAnswers close " + Text.relative(round.endsAt()) + " ("
					+ Text.seconds(Duration.between(round.startedAt(), round.endsAt())) + " s).")
			.setFooter("One answer per player · faster right answers score more");
		MessageCreateBuilder message = new MessageCreateBuilder()
			.setComponents(components(event.game().gameId(), round.number(), round.choices(), typed))
			.setAllowedMentions(Messages.NO_MENTIONS);
		if (image != null) {
			embed.setImage("attachment://" + image.fileName());
			message.setFiles(FileUpload.fromData(image.bytes(), image.fileName()));
		}
		return message.setEmbeds(embed.build()).build();
	}

	/** The round's buttons: one per choice, or for a typed round the one that opens the answer form. */
	static ActionRow components(String gameId, int round, List<Choice> choices, boolean typed) {
		if (typed) {
			return ActionRow.of(Button.of(ButtonStyle.PRIMARY, TypedAnswers.buttonId(gameId, round), "Name the artist",
					Emoji.fromUnicode("✍️")));
		}
		return buttons(gameId, round, choices);
	}

	static ActionRow buttons(String gameId, int round, List<Choice> choices) {
		List<Button> buttons = new ArrayList<>();
		for (Choice choice : choices) {
			buttons.add(Button.of(ButtonStyle.PRIMARY, AnswerButton.id(gameId, round, choice.number()),
					Text.shorten(choice.artistName(), LABEL_MAX), Emoji.fromUnicode(Text.keycap(choice.number()))));
		}
		return ActionRow.of(buttons);
	}

	/** The round's buttons once it is over: all disabled, the right one green, the others grey. */
	static MessageEditData closedButtons(String gameId, int round, List<Choice> choices, int answer) {
		return closedButtons(gameId, round, choices, answer, false);
	}

	/** As {@link #closedButtons(String, int, List, int)}; a typed round's one button goes off, grey. */
	static MessageEditData closedButtons(String gameId, int round, List<Choice> choices, int answer, boolean typed) {
		if (typed) {
			return stoppedButtons(gameId, round, choices, true);
		}
		List<Button> buttons = new ArrayList<>();
		for (Button button : buttons(gameId, round, choices).getButtons()) {
			boolean right = button.getCustomId().equals(AnswerButton.id(gameId, round, answer));
			buttons.add(button.withStyle(right ? ButtonStyle.SUCCESS : ButtonStyle.SECONDARY).asDisabled());
		}
		return Messages.editComponents(List.of(ActionRow.of(buttons)));
	}

	/**
	 * The end of a round in one request: the round's own message edited, its buttons off (the right one
	 * green), its artwork kept, and the "Time's Up" embed added below it. A round costs two requests (post,
	 * edit) rather than three; Discord allows 50 a second per bot.
	 * @param posted the round's message as it was posted
	 */
	static MessageEditData roundOver(GameEvent.RoundEnded event, MessageCreateData posted, List<Choice> choices) {
		return roundOver(event, posted, choices, false);
	}

	static MessageEditData roundOver(GameEvent.RoundEnded event, MessageCreateData posted, List<Choice> choices,
			boolean typed) {
		RoundResult result = event.result();
		String gameId = event.game().gameId();
		List<MessageEmbed> embeds = new ArrayList<>(posted.getEmbeds());
		embeds.add(timesUpEmbed(event));
		MessageEditData buttons = closedButtons(gameId, result.number(), choices, result.answer().number(), typed);
		return new MessageEditBuilder().setEmbeds(embeds)
			.setComponents(buttons.getComponents())
			.setAllowedMentions(Messages.NO_MENTIONS)
			.build();
	}

	/** A stopped game's open round: every button off and grey, the answer not given away. */
	static MessageEditData stoppedButtons(String gameId, int round, List<Choice> choices) {
		return stoppedButtons(gameId, round, choices, false);
	}

	static MessageEditData stoppedButtons(String gameId, int round, List<Choice> choices, boolean typed) {
		List<Button> buttons = new ArrayList<>();
		for (Button button : components(gameId, round, choices, typed).getButtons()) {
			buttons.add(button.withStyle(ButtonStyle.SECONDARY).asDisabled());
		}
		return Messages.editComponents(List.of(ActionRow.of(buttons)));
	}

	static MessageCreateData timesUp(GameEvent.RoundEnded event) {
		return Messages.embed(timesUpEmbed(event));
	}

	private static MessageEmbed timesUpEmbed(GameEvent.RoundEnded event) {
		RoundResult result = event.result();
		StringBuilder text = new StringBuilder();
		String title = (result.token() != null && result.token().name() != null && !result.token().name().isBlank())
				? "“" + Text.shorten(Text.plain(result.token().name()), TITLE_MAX) + "” is by **" : "The artist was **";
		text.append(title).append(Text.plain(result.answer().artistName())).append("** (")
			.append(Text.keycap(result.answer().number())).append(").\n");
		if (isWebLink(result.link())) {
			text.append("[See the artwork](").append(result.link()).append(")\n");
		}
		text.append(result.correctAnswers()).append(" of ").append(Text.count(result.answers(), "answer", "answers"))
			.append(" right.");
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_RIGHT)
			.setTitle("⏰ Time's Up! (round " + result.number() + " of " + event.game().totalRounds() + ")")
			.setDescription(text)
			.addField("Scores", Text.scores(event.scores()), false);
		return embed.build();
	}

	static MessageCreateData gameOver(GameEvent.GameEnded event) {
		GameView game = event.game();
		String early = game.abandoned() ? "Nobody answered several rounds in a row, so the game ended after round "
				+ game.roundNumber() + " of " + game.totalRounds() + ".\n" : "";
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_OVER)
			.setTitle("🏁 Game Over!")
			.setDescription(early + winners(event.winners(), event.scores()))
			.addField("Final scores", Text.scores(event.scores()), false)
			.setFooter("Thanks for playing! /namethatartist starts another game.");
		return Messages.embed(embed.build());
	}

	private static String winners(List<Standing> winners, List<Standing> scores) {
		if (winners.isEmpty()) {
			return scores.isEmpty() ? "Nobody answered, so nobody wins this time."
					: "Nobody scored, so nobody wins this time.";
		}
		String points = Text.count(winners.get(0).score(), "point", "points");
		if (winners.size() == 1) {
			return "🏆 **" + Text.plain(winners.get(0).username()) + "** wins with " + points + "!";
		}
		return "🏆 A tie! " + names(winners) + " win with " + points + " each.";
	}

	/**
	 * The tied winners' names, as many as fit in {@value #WINNERS_MAX} characters, then "and 41 more": with
	 * hundreds of players tied, the list would pass the description's 4,096 characters and the message would
	 * be refused.
	 */
	static String names(List<Standing> winners) {
		StringBuilder names = new StringBuilder();
		int shown = 0;
		for (Standing winner : winners) {
			String name = "**" + Text.plain(winner.username()) + "**";
			if (shown > 0 && names.length() + name.length() + 2 > WINNERS_MAX) {
				break;
			}
			names.append((shown > 0) ? ", " : "").append(name);
			shown++;
		}
		if (shown < winners.size()) {
			names.append(" and ").append(Text.number(winners.size() - shown)).append(" more");
		}
		return names.toString();
	}

	static MessageCreateData stopped(GameEvent.GameStopped event) {
		GameView game = event.game();
		String who = (event.by() != null) ? "**" + Text.plain(event.by().name()) + "** stopped the game"
				: "The game was stopped";
		String when = (game.roundNumber() > 0) ? " after round " + game.roundNumber() + " of " + game.totalRounds()
				: " before its first round";
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_STOPPED)
			.setTitle("⏹️ Game stopped")
			.setDescription(who + when + ". The points scored count in everyone's stats; nobody wins a stopped game.")
			.addField("Scores", Text.scores(event.scores()), false);
		return Messages.embed(embed.build());
	}

	static MessageCreateData resumed(GameEvent.GameResumed event, Instant now) {
		long seconds = Text.seconds(Duration.between(now, event.nextRoundAt()));
		return Messages.text("🔄 The bot restarted; this game resumes in " + seconds + " s.");
	}

	/**
	 * An address JDA and Discord accept in an embed: http(s), with a host, no whitespace or control
	 * characters, at most {@value #URL_MAX} characters; one they refuse would lose the whole message. No
	 * {@code )} either, which would end a markdown link early.
	 */
	static boolean isWebLink(String url) {
		if (url == null || url.length() > URL_MAX || !(url.startsWith("https://") || url.startsWith("http://"))
				|| url.indexOf(')') >= 0) {
			return false;
		}
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
				return false;
			}
		}
		try {
			URI uri = new URI(url);
			return uri.getHost() != null && !uri.getHost().isEmpty();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String when(Instant at) {
		return (at != null) ? Text.relative(at) : "shortly";
	}

}
