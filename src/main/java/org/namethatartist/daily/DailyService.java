package org.namethatartist.daily;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.namethatartist.StorageException;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.game.Choice;
import org.namethatartist.player.PeriodBoards;

/**
 * The daily challenge's rules. A day's challenge is drawn the first time anybody asks for it, from the
 * catalogue of that moment, and saved before it is shown; every open and every answer is saved before it
 * is acknowledged. Time comes from the injected clock; each round runs {@link DailyProperties#roundTime()}
 * from when the player opened it, and scores as in a game: {@code round(baseScore × remaining / roundTime)}.
 * A player's day is locked in this process; between processes sharing one database, each write replaces
 * only the progress it read ({@link DailyRepository#replaceProgress}), so one answer wins a race and the
 * other is decided again on what the winner wrote.
 */
public class DailyService {

	/** Artworks of the last this many days (today excluded) are not drawn again while the catalogue allows. */
	static final int NO_REPEAT_DAYS = 30;

	private static final int STRIPES = 64;

	private final DailyProperties properties;

	private final int choices;

	private final Difficulty difficulty;

	private final int baseScore;

	private final ArtworkCatalog artworks;

	private final DailyRepository repository;

	private final PeriodBoards periods;

	private final Clock clock;

	private final RandomGenerator random;

	private final Object drawLock = new Object();

	private final Object[] playerLocks = new Object[STRIPES];

	/**
	 * @param choices the buttons of a round, as a game's default
	 * @param difficulty how wrong answers are drawn, as a game's default
	 * @param baseScore the points of an answer given at once, as in a game
	 */
	public DailyService(DailyProperties properties, int choices, Difficulty difficulty, int baseScore,
			ArtworkCatalog artworks, DailyRepository repository, PeriodBoards periods, Clock clock,
			RandomGenerator random) {
		this.properties = properties;
		this.choices = choices;
		this.difficulty = difficulty;
		this.baseScore = baseScore;
		this.artworks = artworks;
		this.repository = repository;
		this.periods = periods;
		this.clock = clock;
		this.random = random;
		for (int i = 0; i < STRIPES; i++) {
			this.playerLocks[i] = new Object();
		}
	}

	public DailyProperties properties() {
		return this.properties;
	}

	/** Today, in UTC. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** The challenge number of a day: 1 on the configured first day; 0 or less before it. */
	public int number(LocalDate day) {
		return (int) ChronoUnit.DAYS.between(this.properties.firstDay(), day) + 1;
	}

	/**
	 * Today's challenge, drawn and saved now when nobody has asked for it yet.
	 * @return empty when today is before the first day or the catalogue has too few artworks
	 */
	public Optional<DailyChallenge> today(boolean draw) {
		LocalDate day = today();
		Optional<DailyChallenge> saved = this.repository.challenge(day);
		if (saved.isPresent() || !draw || number(day) < 1) {
			return saved;
		}
		synchronized (this.drawLock) {
			saved = this.repository.challenge(day);
			if (saved.isPresent()) {
				return saved;
			}
			TokenCatalog catalog = this.artworks.current();
			if (catalog.playable().size() < DailyProperties.ROUNDS) {
				return Optional.empty();
			}
			return Optional.of(this.repository.saveChallenge(draw(day, catalog)));
		}
	}

	private DailyChallenge draw(LocalDate day, TokenCatalog catalog) {
		Set<String> recent = new HashSet<>();
		for (DailyChallenge past : this.repository.challenges(day.minusDays(NO_REPEAT_DAYS), day.minusDays(1))) {
			for (DailyRound round : past.rounds()) {
				recent.add(round.tokenKey());
			}
		}
		// Every playable artwork in random order, then the ones not shown lately first.
		List<Token> shuffled = catalog.draw(catalog.playable().size(), this.random);
		List<Token> picked = new ArrayList<>(DailyProperties.ROUNDS);
		for (Token token : shuffled) {
			if (picked.size() < DailyProperties.ROUNDS && !recent.contains(TokenCatalog.key(token))) {
				picked.add(token);
			}
		}
		for (Token token : shuffled) {
			if (picked.size() < DailyProperties.ROUNDS && recent.contains(TokenCatalog.key(token))) {
				picked.add(token);
			}
		}
		List<DailyRound> rounds = new ArrayList<>();
		for (Token token : picked) {
			List<String> artists = catalog.choices(token, this.choices, this.difficulty, this.random);
			List<Choice> buttons = new ArrayList<>();
			for (int i = 0; i < artists.size(); i++) {
				buttons.add(new Choice(i + 1, artists.get(i), catalog.displayName(artists.get(i))));
			}
			int correct = artists.indexOf(token.primaryArtist()) + 1;
			rounds.add(new DailyRound(rounds.size() + 1, TokenCatalog.key(token), token.shownImageUrl(), buttons,
					correct, token.name(), TokenCatalog.link(token)));
		}
		return new DailyChallenge(day, number(day), this.clock.instant(), rounds);
	}

	/**
	 * Opens the player's next round of {@code day}, or reopens the one still open. A round whose time ran out
	 * while the player was away is closed with 0 first.
	 */
	public NextOutcome next(LocalDate day, String userId, String username, String guildId) {
		if (!day.equals(today())) {
			return new NextOutcome.NotToday(today());
		}
		Optional<DailyChallenge> found = today(true);
		if (found.isEmpty()) {
			return new NextOutcome.Unavailable(unavailable(day));
		}
		DailyChallenge challenge = found.get();
		return untilWritten(userId, () -> {
			Instant now = this.clock.instant();
			Optional<DailyProgress> stored = this.repository.progress(day, userId);
			DailyProgress progress = stored.isPresent() ? settle(challenge, stored.get(), now)
					: DailyProgress.start(day, userId, username, guildId);
			RoundPlay open = progress.open();
			if (open == null) {
				if (progress.rounds().size() == challenge.rounds().size()) {
					return new NextOutcome.AllPlayed(result(challenge, progress));
				}
				open = RoundPlay.opened(progress.rounds().size() + 1, now);
				replace(stored.isPresent() ? progress : null, progress.with(open));
			}
			return new NextOutcome.Round(challenge, challenge.round(open.number()), challenge.rounds().size(),
					open.openedAt().plus(this.properties.roundTime()));
		});
	}

	/**
	 * Round {@code number} of {@code day}, once the player has opened it (its image is theirs to see from
	 * then on, not before: a round's time is what keeps players from looking the artwork up); empty otherwise.
	 */
	public Optional<DailyRound> openedRound(LocalDate day, String userId, int number) {
		Optional<DailyChallenge> challenge = this.repository.challenge(day);
		Optional<DailyProgress> progress = this.repository.progress(day, userId);
		if (challenge.isEmpty() || progress.isEmpty() || number < 1 || number > progress.get().rounds().size()
				|| number > challenge.get().rounds().size()) {
			return Optional.empty();
		}
		return Optional.of(challenge.get().round(number));
	}

	/** Takes the player's answer to a round of {@code day}; it is saved before this returns. */
	public AnswerOutcome answer(LocalDate day, String userId, int round, int choice) {
		if (!day.equals(today())) {
			return new AnswerOutcome.NotToday(today());
		}
		Optional<DailyChallenge> found = this.repository.challenge(day);
		if (found.isEmpty()) {
			return new AnswerOutcome.NotOpen(round);
		}
		DailyChallenge challenge = found.get();
		int total = challenge.rounds().size();
		if (round < 1 || round > total) {
			return new AnswerOutcome.Invalid("round must be between 1 and " + total + ", not " + round + ".");
		}
		DailyRound asked = challenge.round(round);
		if (choice < 1 || choice > asked.choices().size()) {
			return new AnswerOutcome.Invalid(
					"choice must be between 1 and " + asked.choices().size() + ", not " + choice + ".");
		}
		return untilWritten(userId, () -> {
			Instant now = this.clock.instant();
			Optional<DailyProgress> saved = this.repository.progress(day, userId);
			if (saved.isEmpty() || saved.get().rounds().size() < round) {
				return new AnswerOutcome.NotOpen(round);
			}
			DailyProgress progress = saved.get();
			RoundPlay play = progress.rounds().get(round - 1);
			if (play.closed()) {
				return (play.answeredAt() != null) ? new AnswerOutcome.AlreadyAnswered(round)
						: new AnswerOutcome.TooLate(round);
			}
			Duration remaining = Duration.between(now, play.openedAt().plus(this.properties.roundTime()));
			if (remaining.isNegative() || remaining.isZero()) {
				settle(challenge, progress, now);
				return new AnswerOutcome.TooLate(round);
			}
			boolean correct = choice == asked.correctChoice();
			int points = correct ? points(remaining) : 0;
			DailyProgress next = progress.with(play.answered(choice, now, correct, points));
			replace(progress, next);
			boolean finished = next.finished(total);
			if (finished) {
				recordOnce(next, now);
			}
			return new AnswerOutcome.Answered(asked, correct, points, next.score(), finished);
		});
	}

	/** The player's day: score, rounds, share line and streaks; empty when they have not started it. */
	public Optional<DailyResult> result(LocalDate day, String userId) {
		Optional<DailyChallenge> challenge = this.repository.challenge(day);
		if (challenge.isEmpty()) {
			return Optional.empty();
		}
		return untilWritten(userId, () -> {
			Optional<DailyProgress> progress = this.repository.progress(day, userId);
			if (progress.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(result(challenge.get(), settle(challenge.get(), progress.get(), this.clock.instant())));
		});
	}

	/**
	 * A day's board: the players who finished its challenge, best score first, ties by user id; ranks
	 * shared by equal scores are not merged (1, 2, 3 as on the other boards).
	 */
	public List<BoardEntry> board(LocalDate day, int limit) {
		Optional<DailyChallenge> challenge = this.repository.challenge(day);
		if (challenge.isEmpty()) {
			return List.of();
		}
		int total = challenge.get().rounds().size();
		List<DailyProgress> finished = new ArrayList<>(
				this.repository.progressOn(day).stream().filter((progress) -> progress.finished(total)).toList());
		finished.sort(java.util.Comparator.comparingInt(DailyProgress::score)
			.reversed()
			.thenComparing(DailyProgress::userId));
		List<BoardEntry> board = new ArrayList<>();
		for (DailyProgress progress : finished.subList(0, Math.min(limit, finished.size()))) {
			board.add(new BoardEntry(board.size() + 1, progress.userId(), progress.username(), progress.score(),
					(int) progress.rounds().stream().filter(RoundPlay::correct).count()));
		}
		return board;
	}

	/**
	 * The player's last {@code days} days, oldest first, ending today: for each, whether they finished it,
	 * started it only, or missed it, and their score. Days before the first challenge are left out.
	 */
	public List<DayEntry> recent(String userId, int days) {
		LocalDate today = today();
		java.util.Map<LocalDate, DailyProgress> byDay = new java.util.HashMap<>();
		for (DailyProgress progress : this.repository.progressOf(userId)) {
			byDay.put(progress.day(), progress);
		}
		List<DayEntry> entries = new ArrayList<>();
		for (LocalDate day = today.minusDays(days - 1); !day.isAfter(today); day = day.plusDays(1)) {
			if (number(day) < 1) {
				continue;
			}
			DailyProgress progress = byDay.get(day);
			boolean finished = progress != null && progress.finished(DailyProperties.ROUNDS);
			entries.add(new DayEntry(day, number(day), progress != null, finished,
					(progress != null) ? progress.score() : 0));
		}
		return entries;
	}

	/** One day of a player's recent daily results; {@code played} false: missed. */
	public record DayEntry(LocalDate day, int number, boolean played, boolean finished, int score) {
	}

	/** One row of a day's board. */
	public record BoardEntry(int rank, String userId, String username, int score, int correct) {
	}

	/** {@code round(baseScore × remaining / roundTime)}, as a game scores (game's {@code Scoring.points}). */
	int points(Duration remaining) {
		long total = this.properties.roundTime().toMillis();
		long left = Math.max(0, Math.min(remaining.toMillis(), total));
		return (int) Math.round((double) this.baseScore * left / total);
	}

	/**
	 * Closes with 0 an open round whose time has run out, and records a finished day not yet recorded.
	 * @param progress the progress as stored
	 * @return the progress as stored now
	 */
	private DailyProgress settle(DailyChallenge challenge, DailyProgress progress, Instant now) {
		RoundPlay open = progress.open();
		DailyProgress settled = progress;
		if (open != null && !now.isBefore(open.openedAt().plus(this.properties.roundTime()))) {
			settled = progress.with(open.expired());
			replace(progress, settled);
		}
		if (settled.finished(challenge.rounds().size()) && !settled.recorded()) {
			settled = recordOnce(settled, now);
		}
		return settled;
	}

	/**
	 * Adds a finished day to the week and month boards, then marks it recorded. The boards count a player's
	 * day once however often they are told (a crash between the two writes, or two processes finishing the
	 * same day, tell them twice).
	 */
	private DailyProgress recordOnce(DailyProgress progress, Instant now) {
		this.periods.recordDaily(progress.userId(), progress.username(), progress.guildId(), progress.day(),
				progress.score(), now);
		DailyProgress recorded = progress.markRecorded();
		replace(progress, recorded);
		return recorded;
	}

	/** Writes {@code next} over {@code expected} (null: nothing stored yet), or throws {@link LostRace}. */
	private void replace(DailyProgress expected, DailyProgress next) {
		if (!this.repository.replaceProgress(expected, next)) {
			throw LostRace.INSTANCE;
		}
	}

	/**
	 * Runs one read-decide-write of a player's day, again from a fresh read when another process wrote the
	 * player's progress in between. Each lost race means the other writer moved the day on (a round opened,
	 * answered, expired or recorded: a dozen steps a day at most), so a few attempts always settle it.
	 */
	private <T> T untilWritten(String userId, java.util.function.Supplier<T> attempt) {
		synchronized (lock(userId)) {
			for (int tries = 1;; tries++) {
				try {
					return attempt.get();
				}
				catch (LostRace ex) {
					if (tries == MAX_TRIES) {
						throw new StorageException("The daily progress of " + userId + " changed under each of "
								+ MAX_TRIES + " writes in a row; nothing was saved.");
					}
				}
			}
		}
	}

	/** More than the steps of a whole day (5 opens, 5 answers, one record), plus room. */
	private static final int MAX_TRIES = 16;

	/** Another writer changed the player's progress after it was read: read again and decide again. */
	private static final class LostRace extends RuntimeException {

		static final LostRace INSTANCE = new LostRace();

		private LostRace() {
			super("the daily progress changed after it was read", null, false, false);
		}

	}

	private DailyResult result(DailyChallenge challenge, DailyProgress progress) {
		int total = challenge.rounds().size();
		boolean finished = progress.finished(total);
		List<RoundPlay> closed = progress.rounds().stream().filter(RoundPlay::closed).toList();
		String share = finished ? share(challenge.number(), progress) : null;
		List<LocalDate> days = new ArrayList<>();
		for (DailyProgress day : this.repository.progressOf(progress.userId())) {
			if (day.finished(total) || (day.day().equals(progress.day()) && finished)) {
				days.add(day.day());
			}
		}
		int[] streaks = streaks(days, today());
		return new DailyResult(challenge.day(), challenge.number(), finished, progress.score(), closed, share,
				streaks[0], streaks[1]);
	}

	/** {@code Name That Artist · Daily #12 · 🟩🟥🟩🟩⬛ · 312}: green right, red wrong, black unanswered. */
	static String share(int number, DailyProgress progress) {
		StringBuilder squares = new StringBuilder();
		for (RoundPlay play : progress.rounds()) {
			squares.append(play.correct() ? "\uD83D\uDFE9" : (play.answeredAt() != null) ? "\uD83D\uDFE5" : "\u2B1B");
		}
		return "Name That Artist \u00B7 Daily #" + number + " \u00B7 " + squares + " \u00B7 " + progress.score();
	}

	/**
	 * The current streak (the run of finished days ending today, or yesterday when today is not finished) and
	 * the best run, of distinct days in any order.
	 */
	static int[] streaks(List<LocalDate> finishedDays, LocalDate today) {
		List<LocalDate> days = finishedDays.stream().distinct().sorted().toList();
		int best = 0;
		int run = 0;
		LocalDate previous = null;
		for (LocalDate day : days) {
			run = (previous != null && previous.plusDays(1).equals(day)) ? run + 1 : 1;
			best = Math.max(best, run);
			previous = day;
		}
		int current = 0;
		if (previous != null && (previous.equals(today) || previous.equals(today.minusDays(1)))) {
			current = run;
		}
		return new int[] { current, best };
	}

	private String unavailable(LocalDate day) {
		if (number(day) < 1) {
			return "The daily challenge starts on " + this.properties.firstDay() + ".";
		}
		return "The catalogue has too few artworks for today's challenge; try again after the next refresh.";
	}

	private Object lock(String userId) {
		return this.playerLocks[Math.floorMod(userId.hashCode(), STRIPES)];
	}

}
