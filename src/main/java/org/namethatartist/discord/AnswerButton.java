package org.namethatartist.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.namethatartist.game.AnswerOutcome;
import org.namethatartist.game.GameService;

/**
 * A click on one of a round's buttons, whose id says what it answers: {@code nta:answer:<game>:<round>:<n>}.
 * The feedback is private. It is answered directly, without {@code deferReply}: the answer's one durable
 * write shares an fsync with the others (about a millisecond), and deferring would double the requests
 * of a round in which everybody clicks at once.
 */
final class AnswerButton {

	static final String PREFIX = "nta:answer:";

	private static final Pattern ID = Pattern.compile("nta:answer:([A-Za-z0-9_-]{1,64}):([1-9][0-9]{0,3}):([1-9])");

	/** What a button id names. */
	record Target(String gameId, int round, int choice) {
	}

	private final GameService games;

	AnswerButton(GameService games) {
		this.games = games;
	}

	GameService games() {
		return this.games;
	}

	static String id(String gameId, int round, int choice) {
		return PREFIX + gameId + ":" + round + ":" + choice;
	}

	static Optional<Target> parse(String id) {
		Matcher matcher = ID.matcher((id != null) ? id : "");
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Target(matcher.group(1), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3))));
	}

	void handle(ButtonInteractionEvent event) {
		Optional<Target> target = parse(event.getComponentId());
		if (target.isEmpty()) {
			Messages.replyPrivately(event, "This button's id (" + Text.plain(Text.shorten(event.getComponentId(), 100))
					+ ") is not one I made, so it answers nothing.");
			return;
		}
		Target answer = target.get();
		// Acknowledged first: the answer is saved before it is confirmed (an fsync, or a database round trip),
		// and clicks of one game wait for each other; Discord allows 3 s. Scored by when the player clicked.
		event.deferReply(true).queue(null, Messages.failed("deferral of", event));
		AnswerOutcome outcome = this.games.answer(answer.gameId(), answer.round(), Members.player(event.getUser()),
				answer.choice(), clickedAt(event));
		Messages.answerDeferred(event, Messages.text(feedback(outcome)));
	}

	/** When the player clicked: the interaction's id encodes it (Discord's clock, to the millisecond). */
	private static Instant clickedAt(ButtonInteractionEvent event) {
		OffsetDateTime created = event.getTimeCreated();
		return (created != null) ? created.toInstant() : null;
	}

	static String feedback(AnswerOutcome outcome) {
		if (outcome instanceof AnswerOutcome.Correct correct) {
			return "✅ Right! +" + Text.count(correct.points(), "point", "points") + " (your score in this game: "
					+ Text.number(correct.totalScore()) + ").";
		}
		if (outcome instanceof AnswerOutcome.Wrong wrong) {
			return "❌ Not this one. The answer comes when the round ends (your score in this game: "
					+ Text.number(wrong.totalScore()) + ").";
		}
		if (outcome instanceof AnswerOutcome.AlreadyAnswered already) {
			return "You already answered round " + already.round() + " (" + Text.keycap(already.choice())
					+ "); one answer per round.";
		}
		if (outcome instanceof AnswerOutcome.RoundOver over) {
			return "⏰ Round " + over.round() + " is not open for answers (any more); wait for the next artwork.";
		}
		if (outcome instanceof AnswerOutcome.InvalidChoice invalid) {
			return "Button " + invalid.choice() + " is not one of this round's " + invalid.choices() + " choices.";
		}
		if (outcome instanceof AnswerOutcome.NoGame) {
			return "This game is over. Start a new one with /namethatartist.";
		}
		if (outcome instanceof AnswerOutcome.Unavailable unavailable) {
			return "⚠️ " + unavailable.reason();
		}
		// A new kind of outcome must be phrased here, not cast blindly.
		throw new IllegalStateException("no feedback for " + outcome.getClass().getName());
	}

}
