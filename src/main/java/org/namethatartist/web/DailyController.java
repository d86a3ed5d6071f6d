package org.namethatartist.web;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.namethatartist.artwork.image.ArtworkImages;
import org.namethatartist.daily.AnswerOutcome;
import org.namethatartist.daily.DailyProperties;
import org.namethatartist.daily.DailyResult;
import org.namethatartist.daily.DailyRound;
import org.namethatartist.daily.DailyService;
import org.namethatartist.daily.NextOutcome;
import org.namethatartist.game.Player;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The daily challenge in the browser (docs/daily.md): today's challenge, a player's next round, their
 * answers and their day. Players are web names ({@code web:<name>}), as in games; bodies are read as
 * strictly as the game API's.
 */
@RestController
@RequestMapping("/api/daily")
class DailyController {

	private final DailyService daily;

	private final WebProperties properties;

	private final ArtworkImages images;

	DailyController(DailyService daily, WebProperties properties, ArtworkImages images) {
		this.daily = daily;
		this.properties = properties;
		this.images = images;
	}

	@GetMapping
	Today today() {
		LocalDate day = this.daily.today();
		return new Today(day.toString(), this.daily.number(day), DailyProperties.ROUNDS,
				this.daily.properties().roundTime().toSeconds());
	}

	/** Opens the player's next round, or reopens the open one; 409 once every round is played. */
	@PostMapping("/{day}/players/{player}/next")
	RoundReply next(@PathVariable String day, @PathVariable String player, HttpServletRequest request) {
		requirePlay();
		JsonBody.read(request);
		LocalDate asked = day(day);
		Player who = PlayerNames.player(player, "player");
		NextOutcome outcome = this.daily.next(asked, who.id(), who.name(), null);
		if (outcome instanceof NextOutcome.Round round) {
			DailyRound shown = round.round();
			// This round's image (it is the player's to see now), and the next one's ahead of time.
			this.images.prefetch(shown.token());
			if (shown.number() < round.challenge().rounds().size()) {
				this.images.prefetch(round.challenge().round(shown.number() + 1).token());
			}
			List<GameJson.ChoiceJson> choices = shown.choices().stream().map(GameJson.ChoiceJson::of).toList();
			return new RoundReply(new RoundJson(shown.number(), round.total(),
					"/api/daily/" + asked + "/players/" + UriUtils.encodePathSegment(player, StandardCharsets.UTF_8)
							+ "/rounds/" + shown.number() + "/image", choices,
					round.endsAt().toString()));
		}
		if (outcome instanceof NextOutcome.AllPlayed) {
			throw ApiException.conflict("You have played every round of today's challenge; see your result.");
		}
		if (outcome instanceof NextOutcome.Unavailable down) {
			throw ApiException.unavailable(down.reason());
		}
		throw overOrNotYet(asked);
	}

	/**
	 * A round's image, served by the bot like a game's (no source address, no metadata), to the player who
	 * has opened that round: 404 before, so nobody can look the next artworks up at leisure; 503 when the
	 * image could not be had.
	 */
	@GetMapping("/{day}/players/{player}/rounds/{round}/image")
	ResponseEntity<byte[]> image(@PathVariable String day, @PathVariable String player, @PathVariable String round) {
		LocalDate asked = day(day);
		Player who = PlayerNames.player(player, "player");
		int number;
		try {
			number = Integer.parseInt(round);
		}
		catch (NumberFormatException ex) {
			throw ApiException.notFound("No round " + Texts.shown(round, 20) + " in the daily challenge.");
		}
		DailyRound opened = this.daily.openedRound(asked, who.id(), number)
			.orElseThrow(() -> ApiException.notFound("You have not opened round " + number + " of that day's challenge."));
		return RoundImages.serve(this.images, opened.token());
	}

	/** Takes an answer once it is durable. */
	@PostMapping("/{day}/players/{player}/answers")
	AnswerReply answer(@PathVariable String day, @PathVariable String player, HttpServletRequest request) {
		requirePlay();
		JsonBody body = JsonBody.read(request, "round", "choice");
		LocalDate asked = day(day);
		Player who = PlayerNames.player(player, "player");
		int round = whole(body, "round", "round is required: the number of the round, 1.." + DailyProperties.ROUNDS + ".");
		int choice = whole(body, "choice", "choice is required: the number of the button.");
		AnswerOutcome outcome = this.daily.answer(asked, who.id(), round, choice);
		if (outcome instanceof AnswerOutcome.Answered answered) {
			DailyRound shown = answered.round();
			return new AnswerReply(answered.correct(), answered.points(), answered.totalScore(),
					new AnswerJson(shown.correctChoice(), shown.answer().artistName()), shown.link());
		}
		if (outcome instanceof AnswerOutcome.AlreadyAnswered already) {
			throw ApiException.conflict("You already answered round " + already.round() + "; the first answer stands.");
		}
		if (outcome instanceof AnswerOutcome.TooLate late) {
			throw ApiException.conflict("Round " + late.round() + "'s time ran out; it scores 0.");
		}
		if (outcome instanceof AnswerOutcome.NotOpen closed) {
			throw ApiException.conflict("Round " + closed.round() + " is not open: ask for the next round first.");
		}
		if (outcome instanceof AnswerOutcome.Invalid invalid) {
			throw ApiException.badRequest(invalid.message());
		}
		throw overOrNotYet(asked);
	}

	/** The player's day; 404 when they have not started it. */
	@GetMapping("/{day}/players/{player}")
	ResultJson result(@PathVariable String day, @PathVariable String player) {
		LocalDate asked = day(day);
		Player who = PlayerNames.player(player, "player");
		DailyResult result = this.daily.result(asked, who.id())
			.orElseThrow(() -> ApiException.notFound(who.name() + " has not played the challenge of " + asked + "."));
		List<RoundResultJson> rounds = result.rounds()
			.stream()
			.map((play) -> new RoundResultJson(play.number(), play.correct(), play.points()))
			.toList();
		return new ResultJson(result.day().toString(), result.number(), result.finished(), result.score(), rounds,
				result.share(), result.streak(), result.bestStreak());
	}

	/** A player's last 30 days of daily results (any player id: {@code web:<name>} or a Discord id). */
	@GetMapping("/history/{userId}")
	List<DayJson> history(@PathVariable String userId) {
		if (userId.isEmpty() || userId.length() > 100) {
			throw ApiException.badRequest("userId must be 1 to 100 characters.");
		}
		return this.daily.recent(userId, 30)
			.stream()
			.map((day) -> new DayJson(day.day().toString(), day.number(), day.played(), day.finished(), day.score()))
			.toList();
	}

	private ApiException overOrNotYet(LocalDate asked) {
		return asked.isBefore(this.daily.today()) ? ApiException.conflict("That day is over; today is "
				+ this.daily.today() + ".") : ApiException.conflict("That day has not begun; today is "
				+ this.daily.today() + ".");
	}

	private static LocalDate day(String raw) {
		try {
			if (raw.length() == 10) {
				return LocalDate.parse(raw);
			}
		}
		catch (DateTimeParseException ex) {
			// answered below
		}
		throw ApiException.badRequest("day must be a UTC day such as 2026-12-05, not '" + Texts.shown(raw, 40) + "'.");
	}

	private static int whole(JsonBody body, String member, String missing) {
		BigInteger value = body.integer(member);
		if (value == null) {
			throw ApiException.badRequest(missing);
		}
		if (value.bitLength() > 31) {
			throw ApiException.badRequest(member + " is out of range: " + Texts.shown(value.toString(), 30) + ".");
		}
		return value.intValue();
	}

	private void requirePlay() {
		if (!this.properties.play().enabled()) {
			throw new ApiException(HttpStatus.FORBIDDEN, GameController.PLAY_OFF);
		}
	}

	record DayJson(String day, int number, boolean played, boolean finished, int score) {
	}

	record Today(String day, int number, int rounds, long roundTime) {
	}

	record RoundJson(int number, int total, String imageUrl, List<GameJson.ChoiceJson> choices, String endsAt) {
	}

	record RoundReply(RoundJson round) {
	}

	record AnswerJson(int number, String artist) {
	}

	record AnswerReply(boolean correct, int points, int totalScore, AnswerJson answer, String link) {
	}

	record RoundResultJson(int number, boolean correct, int points) {
	}

	record ResultJson(String day, int number, boolean finished, int score, List<RoundResultJson> rounds, String share,
			int streak, int bestStreak) {
	}

}
