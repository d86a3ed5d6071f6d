package org.namethatartist.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.namethatartist.IsoTime;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.Choice;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.GameView;
import org.namethatartist.game.RoundResult;
import org.namethatartist.game.RoundView;
import org.namethatartist.game.Standing;

/**
 * A game as {@code GET /api/games/{gameId}} shows it: DESIGN.md's members first, then what the play page
 * needs to draw a countdown, the last answer and the end. Times are ISO-8601 UTC with milliseconds;
 * durations are seconds.
 *
 * @param status {@code STARTING}, {@code ROUND}, {@code BETWEEN_ROUNDS} or {@code OVER}; a game whose
 * results are being written is still {@code BETWEEN_ROUNDS}
 * @param round the open round, or null outside {@code ROUND}
 * @param scores every player who answered, best first
 * @param winners the players tied on the top score, once the game is over (none if nobody scored or the
 * game was stopped)
 * @param phaseEndsAt when the current status ends; null once over
 * @param lastRound the round that ended last, with its answer; null before the first ends
 * @param stopped whether the game was stopped before its last round
 * @param serverTime the server's clock when this was written, so a countdown does not trust the browser's
 * @param difficulty {@code easy}, {@code normal} or {@code hard}
 * @param answers {@code buttons} or {@code typed}; a typed round lists no choices
 */
record GameJson(String gameId, String status, @Nullable RoundJson round, List<ScoreJson> scores,
		List<ScoreJson> winners, int totalRounds, Number roundTime, Number betweenRoundTime,
		@Nullable String phaseEndsAt, @Nullable LastRoundJson lastRound, boolean stopped, String serverTime,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String difficulty,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String answers) {

	static GameJson of(GameView game, Instant now) {
		return of(game, now, null, false);
	}

	/**
	 * With the game's difficulty and answer mode; a typed round's choices are left out (no list of artists).
	 * @param showTitle whether the open round shows its artwork's title ({@code game.show-title})
	 */
	static GameJson of(GameView game, Instant now, @Nullable GameOptions options, boolean showTitle) {
		boolean typed = options != null && options.answers() == AnswerMode.TYPED;
		RoundJson round = (game.round() != null) ? RoundJson.of(game.gameId(), game.round(), showTitle) : null;
		if (round != null && typed) {
			round = new RoundJson(round.number(), round.total(), round.tokenName(), round.imageUrl(), List.of(),
					round.endsAt(), round.counts());
		}
		String phaseEndsAt = (game.phaseEndsAt() != null) ? IsoTime.format(game.phaseEndsAt()) : null;
		LastRoundJson lastRound = (game.lastRound() != null) ? LastRoundJson.of(game.gameId(), game.lastRound()) : null;
		return new GameJson(game.gameId(), status(game.status()), round, scores(game.scores()),
				scores(game.winners()), game.totalRounds(), seconds(game.roundTime()), seconds(game.betweenRoundTime()),
				phaseEndsAt, lastRound, game.stopped(), IsoTime.format(now),
				(options != null && options.difficulty() != null) ? options.difficulty().key() : null,
				(options != null && options.answers() != null) ? options.answers().key() : null);
	}

	/** DESIGN.md's four statuses: ENDING is only the time it takes to write the results. */
	private static String status(GameStatus status) {
		return ((status == GameStatus.ENDING) ? GameStatus.BETWEEN_ROUNDS : status).name();
	}

	private static List<ScoreJson> scores(List<Standing> standings) {
		return standings.stream().map((s) -> new ScoreJson(s.userId(), s.username(), s.score())).toList();
	}

	/** Whole seconds as an integer, anything finer as a fraction. */
	static Number seconds(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (Number) (millis / 1000) : (Number) (millis / 1000.0);
	}

	/**
	 * Where the page finds a round's image: served by this application from its image cache, so that the
	 * address says nothing about the artwork (a Commons file name names the painter, an IPFS content id
	 * leads to the token).
	 */
	static String image(String gameId, int round) {
		return "/api/games/" + gameId + "/rounds/" + round + "/image";
	}

	/**
	 * The open round: the artwork and the buttons, never which is right, nor anything that tells it: no
	 * title (unless {@code game.show-title} is {@code during-round}), no source address.
	 * @param total the game's number of rounds
	 * @param tokenName the artwork's title, only with {@code game.show-title: during-round}
	 * @param imageUrl {@code /api/games/{gameId}/rounds/{n}/image}
	 * @param counts {@code false} for a round that opened without its image (none could be had): its answers
	 * score nothing; absent otherwise
	 */
	record RoundJson(int number, int total, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String tokenName,
			String imageUrl, List<ChoiceJson> choices, String endsAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean counts) {

		static RoundJson of(String gameId, RoundView round, boolean showTitle) {
			List<ChoiceJson> choices = round.choices().stream().map(ChoiceJson::of).toList();
			return new RoundJson(round.number(), round.totalRounds(),
					(showTitle && round.token() != null) ? round.token().name() : null, image(gameId, round.number()),
					choices, IsoTime.format(round.endsAt()), round.scored() ? null : Boolean.FALSE);
		}

	}

	/**
	 * One button.
	 * @param number what {@code POST …/answers} takes as {@code choice}
	 * @param label the key-cap emoji Discord shows on the button (1️⃣ …)
	 * @param artist the artist's name as shown
	 */
	record ChoiceJson(int number, String label, String artist) {

		static ChoiceJson of(Choice choice) {
			return new ChoiceJson(choice.number(), label(choice.number()), choice.artistName());
		}

		/** {@code 1️⃣}: the digit, the emoji presentation selector, the combining key cap. */
		static String label(int number) {
			return (number >= 0 && number <= 9) ? number + "\uFE0F\u20E3" : String.valueOf(number);
		}

	}

	/**
	 * The round that ended last: the reveal, with the artwork's title and its page.
	 * @param imageUrl {@code /api/games/{gameId}/rounds/{n}/image}, as during the round
	 * @param answer the right button
	 * @param link the artwork's page (objkt.com, or Wikimedia Commons for the demo catalogue)
	 * @param answers how many players answered it
	 * @param correctAnswers how many of them were right
	 */
	record LastRoundJson(int number, @Nullable String tokenName, String imageUrl, AnswerJson answer,
			String link, int answers, int correctAnswers) {

		static LastRoundJson of(String gameId, RoundResult result) {
			return new LastRoundJson(result.number(), (result.token() != null) ? result.token().name() : null,
					image(gameId, result.number()), new AnswerJson(result.answer().number(), result.answer().artistName()),
					result.link(), result.answers(), result.correctAnswers());
		}

	}

	/** The right button of a finished round. */
	record AnswerJson(int number, String artist) {
	}

	/** A player's score in this game. */
	record ScoreJson(String userId, String username, int score) {
	}

}
