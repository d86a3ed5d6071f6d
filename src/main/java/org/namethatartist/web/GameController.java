package org.namethatartist.web;

import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.image.ArtworkImages;
import org.namethatartist.game.AnswerOutcome;
import org.namethatartist.game.DurationRange;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameProperties;
import org.namethatartist.game.GameService;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;
import org.namethatartist.game.StartOutcome;
import org.namethatartist.game.StopOutcome;
import org.namethatartist.game.TitleShown;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playing in the browser: start a game, follow it, answer, stop it. Each web game has a channel of its
 * own ({@code web:<random>}) and no server; this API sees only those games, never a Discord channel's.
 * Web players have no accounts, so anyone holding a game's id may answer in it or stop it.
 */
@RestController
@RequestMapping("/api")
class GameController {

	static final String PLAY_OFF = "Web play is turned off on this server.";

	/** The prefix of web games' channel ids. */
	static final String CHANNEL_PREFIX = "web:";

	/** Who starts a game without giving a name, and who stops games (every web player may). */
	private static final Player WEB = new Player("web", "a web player");

	/** The game's scheduler runs on the system clock as well. */

	/** Ids are the game service's; anything else is not one of ours and is answered 404 as it is. */
	private static final Pattern GAME_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final String CHANNEL_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	private final GameService games;

	private final WebProperties properties;

	/** The server's time in the game's JSON ({@code serverTime}), injected like every clock. */
	private final Clock clock;

	private final ArtworkImages images;

	GameController(GameService games, WebProperties properties, Clock clock, ArtworkImages images) {
		this.games = games;
		this.properties = properties;
		this.clock = clock;
		this.images = images;
	}

	/** What the play page offers: whether it may play, and the options' bounds and defaults in seconds. */
	@GetMapping("/config")
	PlayConfig config() {
		GameProperties game = this.games.properties();
		GameProperties.Limits limits = game.limits();
		return new PlayConfig(this.properties.play().enabled(),
				new Bounds(limits.rounds().min(), limits.rounds().max(), game.rounds()),
				Bounds.seconds(limits.roundTime(), game.roundTime()),
				Bounds.seconds(limits.betweenRoundTime(), game.betweenRoundTime()), game.choices(),
				PlayerNames.MAX_LENGTH);
	}

	@PostMapping("/games")
	ResponseEntity<GameJson> start(HttpServletRequest request) {
		requirePlay();
		JsonBody body = JsonBody.read(request, "rounds", "roundTime", "betweenRoundTime", "player", "difficulty",
				"answers");
		GameProperties.Limits limits = this.games.properties().limits();
		Integer rounds = whole(body, "rounds", limits.rounds().toString(), "");
		Integer roundTime = whole(body, "roundTime", limits.roundTime().toString(), "s");
		Integer betweenRoundTime = whole(body, "betweenRoundTime", limits.betweenRoundTime().toString(), "s");
		Player starter = body.has("player") ? PlayerNames.player(body.string("player"), "player") : WEB;
		GameOptions options = new GameOptions(rounds, seconds(roundTime), seconds(betweenRoundTime),
				body.has("difficulty") ? WebRounds.difficulty(body.string("difficulty")) : null,
				body.has("answers") ? WebRounds.answers(body.string("answers")) : null);
		StartOutcome outcome = this.games.start(newChannelId(), null, starter, options);
		if (outcome instanceof StartOutcome.Started started) {
			GameView game = started.game();
			return ResponseEntity.created(URI.create("/api/games/" + game.gameId()))
				.body(GameJson.of(game, this.clock.instant(), this.games.settings(game.gameId()).orElse(null),
						showTitle()));
		}
		if (outcome instanceof StartOutcome.OutOfBounds bad) {
			// The value as it was sent, in seconds: the game would write 600 seconds as 10m.
			Integer sent = switch (bad.option()) {
				case "roundTime" -> roundTime;
				case "betweenRoundTime" -> betweenRoundTime;
				default -> null;
			};
			throw ApiException.badRequest((sent != null)
					? bad.option() + " must be within " + bad.allowed() + ", not " + sent + "s." : bad.message() + ".");
		}
		if (outcome instanceof StartOutcome.NotEnoughArtworks few) {
			throw ApiException.unavailable(few.message());
		}
		if (outcome instanceof StartOutcome.Unavailable down) {
			throw ApiException.unavailable(down.reason());
		}
		// A fresh random channel cannot hold a game; should it ever, the client may simply try again.
		throw ApiException.conflict("A game is already running in this channel; try again.");
	}

	@GetMapping("/games/{gameId}")
	GameJson game(@PathVariable String gameId) {
		return GameJson.of(webGame(gameId), this.clock.instant(), this.games.settings(gameId).orElse(null),
				showTitle());
	}

	/**
	 * A round's image, from the bot's image cache: only once the round has opened (404 before), and while it
	 * is the open round or the last one revealed. 503 when the image could not be had; the page then says
	 * the image is unavailable.
	 */
	@GetMapping("/games/{gameId}/rounds/{round}/image")
	ResponseEntity<byte[]> image(@PathVariable String gameId, @PathVariable String round) {
		GameView game = webGame(gameId);
		int number;
		try {
			number = Integer.parseInt(round);
		}
		catch (NumberFormatException ex) {
			throw ApiException.notFound("No round " + Texts.shown(round, 20) + " in this game.");
		}
		Token token = null;
		if (game.round() != null && game.round().number() == number) {
			token = game.round().token();
		}
		else if (game.lastRound() != null && game.lastRound().number() == number) {
			token = game.lastRound().token();
		}
		if (token == null) {
			throw ApiException.notFound("Round " + number + " of this game is not open (its image is shown from the "
					+ "moment it opens until the next round's reveal).");
		}
		return RoundImages.serve(this.images, token);
	}

	private boolean showTitle() {
		return this.games.properties().showTitle() == TitleShown.DURING_ROUND;
	}

	/** Answers once the answer is durable; {@code round} (optional) guards against answering the next one. */
	@PostMapping("/games/{gameId}/answers")
	AnswerJson answer(@PathVariable String gameId, HttpServletRequest request) {
		requirePlay();
		JsonBody body = JsonBody.read(request, "player", "choice", "round", "text");
		Player player = PlayerNames.player(body.string("player"), "player");
		WebRounds.TypedReply typed = WebRounds.typed(this.games, gameId, body, player, () -> webGame(gameId));
		if (typed != null) {
			return new AnswerJson(typed.correct(), typed.points(), typed.totalScore(), typed.matched());
		}
		String buttons = "1.." + this.games.properties().choices();
		BigInteger choice = body.integer("choice");
		if (choice == null) {
			throw ApiException.badRequest("choice is required: the number of the button, " + buttons + ".");
		}
		BigInteger round = body.integer("round");
		if (round != null && (round.signum() <= 0 || round.bitLength() > 31)) {
			throw ApiException.badRequest(
					"round must be a round's number, 1 or more, not " + Texts.shown(round.toString(), 30) + ".");
		}
		webGame(gameId);
		if (choice.bitLength() > 31) {
			throw ApiException.badRequest(
					"choice must be within " + buttons + ", not " + Texts.shown(choice.toString(), 30) + ".");
		}
		AnswerOutcome outcome = this.games.answer(gameId, (round != null) ? round.intValue() : null, player,
				choice.intValue());
		if (outcome instanceof AnswerOutcome.Correct correct) {
			return new AnswerJson(true, correct.points(), correct.totalScore(), null);
		}
		if (outcome instanceof AnswerOutcome.Wrong wrong) {
			return new AnswerJson(false, 0, wrong.totalScore(), null);
		}
		if (outcome instanceof AnswerOutcome.AlreadyAnswered already) {
			throw ApiException.conflict("You already answered round " + already.round() + "; the first answer stands.");
		}
		if (outcome instanceof AnswerOutcome.RoundOver over) {
			throw ApiException.conflict((over.round() == 0) ? "The first round has not started yet."
					: "Round " + over.round() + " is not open for answers.");
		}
		if (outcome instanceof AnswerOutcome.InvalidChoice invalid) {
			throw ApiException.badRequest("choice must be within 1.." + invalid.choices() + ", not " + invalid.choice()
					+ ".");
		}
		if (outcome instanceof AnswerOutcome.Unavailable down) {
			throw ApiException.unavailable(down.reason());
		}
		throw ApiException.notFound("No game with this id is running.");
	}

	/** Stops the game; 204 once the results of what was played are durable. */
	@DeleteMapping("/games/{gameId}")
	ResponseEntity<Void> stop(@PathVariable String gameId) {
		requirePlay();
		GameView game = webGame(gameId);
		if (game.status() == GameStatus.OVER) {
			throw ApiException.notFound("This game is over; there is nothing to stop.");
		}
		StopOutcome outcome = this.games.stop(game.channelId(), WEB, true);
		if (outcome instanceof StopOutcome.Stopped) {
			return ResponseEntity.noContent().build();
		}
		if (outcome instanceof StopOutcome.Unavailable down) {
			throw ApiException.unavailable(down.reason());
		}
		if (outcome instanceof StopOutcome.NotAllowed) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Only the player who started this game may stop it.");
		}
		throw ApiException.notFound("This game is over; there is nothing to stop.");
	}

	private void requirePlay() {
		if (!this.properties.play().enabled()) {
			throw new ApiException(HttpStatus.FORBIDDEN, PLAY_OFF);
		}
	}

	/** A web game, running or recently over. */
	private GameView webGame(String gameId) {
		GameView game = GAME_ID.matcher(gameId).matches() ? this.games.find(gameId).orElse(null) : null;
		if (game == null || !game.channelId().startsWith(CHANNEL_PREFIX)) {
			throw ApiException.notFound("No game with this id.");
		}
		return game;
	}

	/**
	 * An optional whole-number option; a value beyond {@code int} gets the message the game gives for
	 * any value out of bounds ({@code rounds must be within 5..50, not 99999999999}).
	 */
	private static @Nullable Integer whole(JsonBody body, String name, String allowed, String unit) {
		BigInteger value = body.integer(name);
		if (value == null) {
			return null;
		}
		if (value.bitLength() > 31) {
			throw ApiException.badRequest(name + " must be within " + allowed + ", not "
					+ Texts.shown(value.toString(), 30) + unit + ".");
		}
		return value.intValue();
	}

	private static @Nullable Duration seconds(@Nullable Integer seconds) {
		return (seconds != null) ? Duration.ofSeconds(seconds) : null;
	}

	private String newChannelId() {
		StringBuilder id = new StringBuilder(CHANNEL_PREFIX);
		for (int i = 0; i < 16; i++) {
			id.append(CHANNEL_ALPHABET.charAt(this.random.nextInt(CHANNEL_ALPHABET.length())));
		}
		return id.toString();
	}

	/** {@code POST …/answers}: right or wrong, the round's points, and the player's score in this game. */
	record AnswerJson(boolean correct, int points, int totalScore,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String matched) {
	}

	/**
	 * {@code GET /api/config}.
	 * @param playEnabled {@code web.play.enabled}
	 * @param rounds rounds a game may have
	 * @param roundTime seconds a round may last
	 * @param betweenRoundTime seconds the pause after a round may last
	 * @param choices buttons per round
	 * @param maxNameLength the longest player name, in characters
	 */
	record PlayConfig(boolean playEnabled, Bounds rounds, Bounds roundTime, Bounds betweenRoundTime, int choices,
			int maxNameLength) {
	}

	/** What a starter may choose, bounds included, and what they get when they do not. */
	record Bounds(long min, long max, @JsonProperty("default") long defaultValue) {

		/** The whole seconds within a range of durations, and the default rounded into them. */
		static Bounds seconds(DurationRange range, Duration defaultValue) {
			long min = (range.min().toMillis() + 999) / 1000;
			long max = range.max().toMillis() / 1000;
			long seconds = Math.round(defaultValue.toMillis() / 1000.0);
			return new Bounds(min, max, Math.max(min, Math.min(max, seconds)));
		}

	}

}
