package org.namethatartist.discord;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.namethatartist.artwork.image.ArtworkImage;
import org.namethatartist.artwork.image.ArtworkImages;
import org.namethatartist.daily.AnswerOutcome;
import org.namethatartist.daily.DailyResult;
import org.namethatartist.daily.DailyRound;
import org.namethatartist.daily.DailyService;
import org.namethatartist.daily.NextOutcome;
import org.namethatartist.game.Choice;

/**
 * {@code /daily}: today's challenge, played privately. Each round is an ephemeral message with the image
 * and one button per artist; an answer turns that message into the answer and a "Next round" button, and
 * the last one into the result with a Share button, which posts only the share line in the channel.
 * {@code /daily} after finishing shows the result and the streak again. Button ids:
 * {@code nta:daily:a:<day>:<round>:<choice>}, {@code nta:daily:n:<day>}, {@code nta:daily:s:<day>}.
 */
final class DailyCommand implements SlashCommand {

	static final String PREFIX = "nta:daily:";

	private static final int LABEL_MAX = 80;

	private final DailyService daily;

	/** A round's image, if it can be had in time to answer the interaction; empty otherwise. */
	private final Function<DailyRound, Optional<ArtworkImage>> images;

	/** The longest an interaction waits for a round's image still being fetched (Discord allows 3 s). */
	static final Duration IMAGE_WAIT = Duration.ofMillis(1500);

	DailyCommand(DailyService daily) {
		this(daily, (round) -> Optional.empty());
	}

	/** With rounds' images from the image pipeline: uploaded with the message, never linked (fair play). */
	DailyCommand(DailyService daily, ArtworkImages images) {
		this(daily, (round) -> {
			try {
				return Optional.of(images.image(round.token()).get(IMAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			catch (ExecutionException | TimeoutException ex) {
				return Optional.empty();
			}
		});
	}

	DailyCommand(DailyService daily, Function<DailyRound, Optional<ArtworkImage>> images) {
		this.daily = daily;
		this.images = images;
	}

	@Override
	public String name() {
		return "daily";
	}

	@Override
	public SlashCommandData definition() {
		return Commands.slash(name(), "Today's challenge: 5 artworks, the same for everybody, played privately")
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		LocalDate today = this.daily.today();
		String userId = event.getUser().getId();
		Optional<DailyResult> result = this.daily.result(today, userId);
		if (result.isPresent() && result.get().finished()) {
			Messages.reply(event, create(resultEmbed(result.get()), shareRow(today)), true);
			return;
		}
		NextOutcome next = this.daily.next(today, userId, event.getUser().getName(),
				(event.getGuild() != null) ? event.getGuild().getId() : null);
		Messages.reply(event, create(next), true);
	}

	/** A click on one of this command's buttons. */
	void handle(ButtonInteractionEvent event) {
		String[] parts = event.getComponentId().substring(PREFIX.length()).split(":");
		LocalDate day = day(parts.length > 1 ? parts[1] : "");
		String userId = event.getUser().getId();
		if (day == null || !day.equals(this.daily.today())) {
			Messages.replyPrivately(event, "That challenge is over; /daily plays today's.");
			return;
		}
		switch (parts[0]) {
			case "a" -> {
				if (parts.length != 4) {
					Messages.replyPrivately(event, "This button does nothing (any more).");
					return;
				}
				AnswerOutcome outcome = this.daily.answer(day, userId, Integer.parseInt(parts[2]),
						Integer.parseInt(parts[3]));
				event.editMessage(answered(outcome, day, userId)).queue(null, Messages.failed("answer to", event));
			}
			case "n" -> {
				NextOutcome next = this.daily.next(day, userId, event.getUser().getName(),
						(event.getGuild() != null) ? event.getGuild().getId() : null);
				event.editMessage(MessageEditData.fromCreateData(create(next)))
					.queue(null, Messages.failed("next round of", event));
			}
			case "s" -> {
				Optional<DailyResult> result = this.daily.result(day, userId);
				if (result.isEmpty() || result.get().share() == null) {
					Messages.replyPrivately(event, "Finish today's challenge first; then Share posts your line.");
					return;
				}
				// Publicly, the line only: no artist, no title, no image.
				Messages.reply(event, Messages.text(result.get().share()), false);
			}
			default -> Messages.replyPrivately(event, "This button does nothing (any more).");
		}
	}

	private MessageEditData answered(AnswerOutcome outcome, LocalDate day, String userId) {
		if (outcome instanceof AnswerOutcome.Answered answered) {
			DailyRound round = answered.round();
			String verdict = answered.correct() ? "✅ Right: +" + answered.points() + " points."
					: "❌ Not this one: 0 points.";
			EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
				.setTitle("Round " + round.number() + " — " + Text.plain(Text.oneLine(round.answer().artistName())))
				.setDescription(verdict + " It was **" + Text.plain(Text.oneLine(round.title())) + "** by "
						+ Text.plain(Text.oneLine(round.answer().artistName())) + ".\nScore so far: "
						+ answered.totalScore());
			if (answered.finished()) {
				DailyResult result = this.daily.result(day, userId).orElseThrow();
				return new MessageEditBuilder().setEmbeds(embed.build(), resultEmbed(result))
					.setComponents(shareRow(day))
					.setAllowedMentions(Messages.NO_MENTIONS)
					.build();
			}
			return new MessageEditBuilder().setEmbeds(embed.build())
				.setComponents(ActionRow.of(Button.of(ButtonStyle.PRIMARY, PREFIX + "n:" + day, "Next round",
						Emoji.fromUnicode("➡️"))))
				.setAllowedMentions(Messages.NO_MENTIONS)
				.build();
		}
		String text = "That round is not open.";
		if (outcome instanceof AnswerOutcome.AlreadyAnswered already) {
			text = "You already answered round " + already.round() + ".";
		}
		else if (outcome instanceof AnswerOutcome.TooLate late) {
			text = "⌛ Round " + late.round() + "'s time ran out: 0 points.";
		}
		return new MessageEditBuilder().setContent(text)
			.setEmbeds(List.of())
			.setComponents(ActionRow.of(Button.of(ButtonStyle.PRIMARY, PREFIX + "n:" + day, "Next round",
					Emoji.fromUnicode("➡️"))))
			.setAllowedMentions(Messages.NO_MENTIONS)
			.build();
	}

	private MessageCreateData create(NextOutcome next) {
		if (next instanceof NextOutcome.Round round) {
			DailyRound shown = round.round();
			EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_GAME)
				.setTitle("🗓️ Daily #" + round.challenge().number() + " — round " + shown.number() + " of "
						+ round.total())
				.setDescription("Who made this? Answer " + Text.relative(round.endsAt()) + ".");
			Optional<ArtworkImage> image = this.images.apply(shown);
			image.ifPresentOrElse((found) -> embed.setImage("attachment://" + found.fileName()),
					() -> embed.appendDescription("\n🖼️ *The artwork's image could not be loaded.*"));
			List<Button> buttons = new ArrayList<>();
			for (Choice choice : shown.choices()) {
				buttons.add(Button.of(ButtonStyle.PRIMARY,
						PREFIX + "a:" + round.challenge().day() + ":" + shown.number() + ":" + choice.number(),
						Text.shorten(choice.artistName(), LABEL_MAX), Emoji.fromUnicode(Text.keycap(choice.number()))));
			}
			MessageCreateData message = create(embed.build(), ActionRow.of(buttons));
			if (image.isEmpty()) {
				return message;
			}
			return new MessageCreateBuilder().applyData(message)
				.setFiles(FileUpload.fromData(image.get().bytes(), image.get().fileName()))
				.build();
		}
		if (next instanceof NextOutcome.AllPlayed played) {
			return create(resultEmbed(played.result()), shareRow(played.result().day()));
		}
		if (next instanceof NextOutcome.Unavailable down) {
			return Messages.text(down.reason());
		}
		return Messages.text("That challenge is over; /daily plays today's.");
	}

	private static MessageEmbed resultEmbed(DailyResult result) {
		return new EmbedBuilder().setColor(Messages.COLOR_GAME)
			.setTitle("🗓️ Daily #" + result.number() + " — " + result.score() + " points")
			.setDescription(result.share() + "\n🔥 Streak: " + Text.count(result.streak(), "day", "days")
					+ " · best: " + Text.count(result.bestStreak(), "day", "days"))
			.build();
	}

	private static ActionRow shareRow(LocalDate day) {
		return ActionRow.of(Button.of(ButtonStyle.SUCCESS, PREFIX + "s:" + day, "Share", Emoji.fromUnicode("📣")));
	}

	private static MessageCreateData create(MessageEmbed embed, ActionRow row) {
		return new MessageCreateBuilder().setEmbeds(embed)
			.setComponents(row)
			.setAllowedMentions(Messages.NO_MENTIONS)
			.build();
	}

	private static LocalDate day(String raw) {
		try {
			return LocalDate.parse(raw);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
