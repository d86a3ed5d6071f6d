package org.namethatartist.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.namethatartist.game.AnswerMatcher;
import org.namethatartist.game.AnswerOutcome;
import org.namethatartist.game.GameService;
import org.namethatartist.game.TypedAnswer;

/**
 * Typed rounds: the round's one button, {@code ✍️ Name the artist} ({@code nta:type:<game>:<round>}),
 * opens a modal with one text field ({@code nta:typed:<game>:<round>}); its submission is the answer. The
 * modal is Discord's answer to the click (no deferral: a modal must be the first answer), and the
 * submission is deferred privately before the answer is saved, like a click, and scored by when it was
 * sent. No message-content intent is needed: the text comes in the interaction.
 */
final class TypedAnswers {

	static final String BUTTON_PREFIX = "nta:type:";

	static final String MODAL_PREFIX = "nta:typed:";

	/** The modal's text field. */
	static final String FIELD = "artist";

	/** The longest name a player may type; longer is cut by Discord's client. */
	static final int MAX_TEXT = 100;

	private static final Pattern ID = Pattern.compile("nta:typed?:([A-Za-z0-9_-]{1,64}):([1-9][0-9]{0,3})");

	/** What a button or modal id names. */
	record Target(String gameId, int round) {
	}

	private final GameService games;

	TypedAnswers(GameService games) {
		this.games = games;
	}

	static String buttonId(String gameId, int round) {
		return BUTTON_PREFIX + gameId + ":" + round;
	}

	static String modalId(String gameId, int round) {
		return MODAL_PREFIX + gameId + ":" + round;
	}

	static Optional<Target> parse(String id) {
		Matcher matcher = ID.matcher((id != null) ? id : "");
		return matcher.matches() ? Optional.of(new Target(matcher.group(1), Integer.parseInt(matcher.group(2))))
				: Optional.empty();
	}

	/** The modal of a round: its title names the round, its one field takes the artist's name. */
	static Modal modal(Target target) {
		TextInput name = TextInput.create(FIELD, TextInputStyle.SHORT)
			.setRequired(true)
			.setMaxLength(MAX_TEXT)
			.setPlaceholder("a name, alias, .tez domain or tz address")
			.build();
		return Modal.create(modalId(target.gameId(), target.round()), "Round " + target.round() + ": who made it?")
			.addComponents(Label.of("The artist", name))
			.build();
	}

	/** A click on a typed round's button: the modal, as Discord's answer to the click. */
	void open(ButtonInteractionEvent event) {
		Optional<Target> target = parse(event.getComponentId());
		if (target.isEmpty() || !event.getComponentId().startsWith(BUTTON_PREFIX)) {
			Messages.replyPrivately(event, "This button does nothing (any more).");
			return;
		}
		event.replyModal(modal(target.get())).queue(null, Messages.failed("the answer form for", event));
	}

	/** A submitted modal: the typed answer, deferred privately, then how it was taken. */
	void submit(ModalInteractionEvent event) {
		Optional<Target> target = parse(event.getModalId());
		ModalMapping field = event.getValue(FIELD);
		if (target.isEmpty() || !event.getModalId().startsWith(MODAL_PREFIX) || field == null) {
			Messages.replyPrivately(event, "This form answers nothing (any more).");
			return;
		}
		String text = field.getAsString();
		event.deferReply(true).queue(null, Messages.failed("deferral of", event));
		TypedAnswer answer = this.games.answerText(target.get().gameId(), target.get().round(),
				Members.player(event.getUser()), text, sentAt(event));
		Messages.answerDeferred(event, Messages.text(feedback(answer)));
	}

	private static Instant sentAt(ModalInteractionEvent event) {
		OffsetDateTime created = event.getTimeCreated();
		return (created != null) ? created.toInstant() : null;
	}

	static String feedback(TypedAnswer answer) {
		AnswerOutcome outcome = answer.outcome();
		AnswerMatcher.Match match = answer.match();
		String typed = (match != null) ? "“" + Text.plain(Text.shorten(match.typed(), MAX_TEXT)) + "”" : "";
		if (outcome instanceof AnswerOutcome.Correct correct) {
			String how = (match != null && match.kind() == AnswerMatcher.Kind.CLOSE)
					? "✅ Close enough (you typed " + typed + ")" : "✅ Right, exactly!";
			return how + " +" + Text.count(correct.points(), "point", "points") + " (your score in this game: "
					+ Text.number(correct.totalScore()) + ").";
		}
		if (outcome instanceof AnswerOutcome.Wrong wrong) {
			return "❌ Not " + typed + ". The answer comes when the round ends (your score in this game: "
					+ Text.number(wrong.totalScore()) + ").";
		}
		if (outcome instanceof AnswerOutcome.InvalidChoice) {
			return "This game is played with buttons: choose one of the round's artists.";
		}
		return AnswerButton.feedback(outcome);
	}

}
