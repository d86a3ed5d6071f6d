package org.namethatartist.web;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.AnswerOutcome;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameService;
import org.namethatartist.game.Player;
import org.namethatartist.game.TypedAnswer;

/**
 * The web side of difficulty and typed answers, apart from {@link GameController} so that it stays small:
 * the start options and the answer body's {@code text}.
 */
final class WebRounds {

	/** What a typed answer returns. */
	record TypedReply(boolean correct, int points, int totalScore, String matched) {
	}

	private WebRounds() {
	}

	static Difficulty difficulty(@Nullable String value) {
		try {
			return Difficulty.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("difficulty must be one of easy, normal, hard, not "
					+ Texts.shown(String.valueOf(value), 30) + ".");
		}
	}

	static AnswerMode answers(@Nullable String value) {
		try {
			return AnswerMode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("answers must be one of buttons, typed, not "
					+ Texts.shown(String.valueOf(value), 30) + ".");
		}
	}

	/**
	 * The answer to a typed game's round, or null for a game played with buttons (the caller goes on with
	 * {@code choice}). {@code choice} in a typed game and {@code text} in a buttons game are 400s saying why.
	 */
	static @Nullable TypedReply typed(GameService games, String gameId, JsonBody body, Player player,
			Runnable checkWebGame) {
		GameOptions options = games.settings(gameId).orElse(null);
		boolean typedGame = options != null && options.answers() == AnswerMode.TYPED;
		if (!typedGame) {
			if (body.has("text")) {
				throw ApiException.badRequest("This game is played with buttons: send choice, the number of the "
						+ "button, not text.");
			}
			return null;
		}
		checkWebGame.run();
		if (body.has("choice")) {
			throw ApiException.badRequest("This game is played by typing the artist's name: send text, not choice.");
		}
		String text = body.string("text");
		if (text == null || text.isBlank()) {
			throw ApiException.badRequest("text is required: the artist's name as you would write it.");
		}
		BigInteger round = body.integer("round");
		if (round != null && (round.signum() <= 0 || round.bitLength() > 31)) {
			throw ApiException.badRequest(
					"round must be a round's number, 1 or more, not " + Texts.shown(round.toString(), 30) + ".");
		}
		TypedAnswer answer = games.answerText(gameId, (round != null) ? round.intValue() : null, player, text);
		AnswerOutcome outcome = answer.outcome();
		String matched = (answer.match() != null) ? answer.match().kind().wire() : "none";
		if (outcome instanceof AnswerOutcome.Correct correct) {
			return new TypedReply(true, correct.points(), correct.totalScore(), matched);
		}
		if (outcome instanceof AnswerOutcome.Wrong wrong) {
			return new TypedReply(false, 0, wrong.totalScore(), matched);
		}
		if (outcome instanceof AnswerOutcome.AlreadyAnswered already) {
			throw ApiException.conflict("You already answered round " + already.round() + "; the first answer stands.");
		}
		if (outcome instanceof AnswerOutcome.RoundOver over) {
			throw ApiException.conflict((over.round() == 0) ? "The first round has not started yet."
					: "Round " + over.round() + " is not open for answers.");
		}
		if (outcome instanceof AnswerOutcome.Unavailable down) {
			throw ApiException.unavailable(down.reason());
		}
		if (outcome instanceof AnswerOutcome.NoGame) {
			throw ApiException.notFound("No game with this id is running.");
		}
		throw new IllegalStateException("Unexpected outcome of a typed answer: " + outcome);
	}

}
