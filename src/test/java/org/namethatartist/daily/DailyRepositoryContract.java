package org.namethatartist.daily;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.namethatartist.MutableClock;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.Choice;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.storage.StorageBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DailyRepository} does, run on each backend: a day's challenge written once and read
 * back whole, progress replaced and read back, per player and per day, all of it after a restart; and a
 * day played through {@link DailyService} on the backend, which a restart neither replays nor forgets.
 */
public abstract class DailyRepositoryContract {

	protected static final LocalDate DAY = LocalDate.parse("2026-12-05");

	protected static final Instant AT = Instant.parse("2026-12-05T09:00:00Z");

	/** A backend on a fresh, empty storage. */
	protected abstract StorageBackend backend();

	/** The same storage opened again, as after a restart. */
	protected abstract StorageBackend reopen();

	protected static DailyChallenge challenge(LocalDate day, String token) {
		List<Choice> choices = List.of(new Choice(1, "tz1a", "Ann Artist"), new Choice(2, "tz1b", "Bob \"B\" Artist"),
				new Choice(3, "tz1c", "Cé Artiste"));
		return new DailyChallenge(day, 12, AT, List.of(
				new DailyRound(1, "KT1:" + token, "https://img.test/1.png", choices, 2, "Work ☀", "https://objkt.com/1"),
				new DailyRound(2, "KT1:" + token + "b", "https://img.test/2.png", choices, 3, "Work 2",
						"https://objkt.com/2")));
	}

	protected static DailyProgress progress(LocalDate day, String user, boolean recorded) {
		return new DailyProgress(day, user, "Ann", "g1", List.of(
				new RoundPlay(1, AT, 2, AT.plusMillis(1500), true, true, 93),
				new RoundPlay(2, AT.plusSeconds(10), null, null, false, false, 0)), recorded);
	}

	@Test
	void aDaysChallengeIsWrittenOnceAndSurvivesARestart() {
		DailyRepository daily = backend().daily();
		assertThat(daily.challenge(DAY)).isEmpty();
		DailyChallenge first = challenge(DAY, "1");
		assertThat(daily.saveChallenge(first)).isEqualTo(first);
		assertThat(daily.saveChallenge(challenge(DAY, "2"))).isEqualTo(first);
		daily.saveChallenge(challenge(DAY.minusDays(2), "3"));
		daily.saveChallenge(challenge(DAY.plusDays(1), "4"));
		DailyRepository reopened = reopen().daily();
		assertThat(reopened.challenge(DAY)).contains(first);
		assertThat(reopened.challenges(DAY.minusDays(30), DAY)).extracting(DailyChallenge::day)
			.containsExactly(DAY.minusDays(2), DAY);
	}

	@Test
	void progressIsReplacedPerPlayerAndDayAndSurvivesARestart() {
		DailyRepository daily = backend().daily();
		daily.saveProgress(progress(DAY, "web:ann", false));
		daily.saveProgress(progress(DAY, "web:ann", true));
		daily.saveProgress(progress(DAY.minusDays(1), "web:ann", true));
		daily.saveProgress(progress(DAY, "ann", false));
		DailyRepository reopened = reopen().daily();
		assertThat(reopened.progress(DAY, "web:ann")).contains(progress(DAY, "web:ann", true));
		assertThat(reopened.progress(DAY, "web:bob")).isEmpty();
		assertThat(reopened.progressOf("web:ann")).extracting(DailyProgress::day)
			.containsExactly(DAY.minusDays(1), DAY);
		assertThat(reopened.progressOf("ann")).containsExactly(progress(DAY, "ann", false));
		assertThat(reopened.progressOn(DAY)).extracting(DailyProgress::userId)
			.containsExactlyInAnyOrder("web:ann", "ann");
	}

	@Test
	void progressIsReplacedOnlyOverWhatWasRead() {
		DailyRepository daily = backend().daily();
		DailyProgress first = progress(DAY, "web:ann", false);
		DailyProgress recorded = progress(DAY, "web:ann", true);
		assertThat(daily.replaceProgress(null, first)).isTrue();
		assertThat(daily.replaceProgress(null, recorded)).as("a second first write").isFalse();
		DailyProgress read = daily.progress(DAY, "web:ann").orElseThrow();
		assertThat(daily.replaceProgress(read, recorded)).isTrue();
		assertThat(daily.replaceProgress(read, first)).as("a write over a stale read").isFalse();
		assertThat(daily.replaceProgress(recorded, progress(DAY, "web:bob", false))).as("another player's row")
			.isFalse();
		DailyRepository reopened = reopen().daily();
		assertThat(reopened.progress(DAY, "web:ann")).contains(recorded);
		assertThat(reopened.progress(DAY, "web:bob")).isEmpty();
	}

	@Test
	void aDayPlayedOnTheBackendIsNeitherReplayedNorForgottenAfterARestart() {
		MutableClock clock = new MutableClock(AT);
		ArtworkCatalog artworks = new ArtworkCatalog(DailyServiceTests.catalog("k", 20));
		StorageBackend backend = backend();
		DailyService service = service(backend, artworks, clock);
		int score = 0;
		for (int n = 1; n <= 3; n++) {
			NextOutcome.Round round = (NextOutcome.Round) service.next(DAY, "web:ann", "ann", null);
			clock.advance(Duration.ofSeconds(4));
			score += ((AnswerOutcome.Answered) service.answer(DAY, "web:ann", n, round.round().correctChoice()))
				.points();
		}
		NextOutcome.Round fourth = (NextOutcome.Round) service.next(DAY, "web:ann", "ann", null);
		clock.advance(Duration.ofSeconds(4));

		StorageBackend restarted = reopen();
		DailyService after = service(restarted, new ArtworkCatalog(DailyServiceTests.catalog("other", 20)), clock);
		assertThat(after.answer(DAY, "web:ann", 3, 1)).isEqualTo(new AnswerOutcome.AlreadyAnswered(3));
		assertThat(after.next(DAY, "web:ann", "ann", null)).isEqualTo(fourth);
		score += ((AnswerOutcome.Answered) after.answer(DAY, "web:ann", 4, fourth.round().correctChoice())).points();
		NextOutcome.Round fifth = (NextOutcome.Round) after.next(DAY, "web:ann", "ann", null);
		clock.advance(Duration.ofSeconds(4));
		AnswerOutcome.Answered last = (AnswerOutcome.Answered) after.answer(DAY, "web:ann", 5,
				fifth.round().correctChoice());
		score += last.points();
		assertThat(last.finished()).isTrue();
		assertThat(score).isEqualTo(400);

		DailyService again = service(reopen(), artworks, clock);
		DailyResult result = again.result(DAY, "web:ann").orElseThrow();
		assertThat(result.score()).isEqualTo(400);
		assertThat(result.share()).isEqualTo("Name That Artist \u00B7 Daily #5 \u00B7 "
				+ "\uD83D\uDFE9".repeat(5) + " \u00B7 400");
		assertThat(again.next(DAY, "web:ann", "ann", null)).isInstanceOf(NextOutcome.AllPlayed.class);
		assertThat(reopen().periods()
			.standing(Period.week(AT), PeriodSort.DAILY_SCORE, null, "web:ann")
			.orElseThrow()
			.stats()
			.dailyScore()).isEqualTo(400);
	}

	/**
	 * The same storage as another bot process sees it. The append log has one process per data directory:
	 * there, another {@link DailyService} on the same storage stands for it (its player locks are its own).
	 */
	protected StorageBackend anotherProcess(StorageBackend backend) {
		return backend;
	}

	/**
	 * Two processes take one player's answer to one round at the same moment, and open one player's next
	 * round at the same moment: exactly one answer wins (the other is told it was already answered), the
	 * stored answer is the winner's, and both see the same opened round. Repeated on fresh players, since a
	 * lost race shows only when both writes meet.
	 */
	@Test
	void twoProcessesRacingOnOnePlayersDayLetExactlyOneAnswerWin() throws Exception {
		MutableClock clock = new MutableClock(AT);
		ArtworkCatalog artworks = new ArtworkCatalog(DailyServiceTests.catalog("k", 20));
		StorageBackend first = backend();
		List<DailyService> processes = List.of(service(first, artworks, clock),
				service(anotherProcess(first), artworks, clock));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int race = 0; race < 40; race++) {
				String player = "web:racer" + race;
				List<NextOutcome> opened = together(threads,
						(process) -> processes.get(process).next(DAY, player, "racer", null));
				assertThat(opened.get(0)).as("race %d: both processes show the same open round", race)
					.isEqualTo(opened.get(1));
				DailyRound round = ((NextOutcome.Round) opened.get(0)).round();
				int right = round.correctChoice();
				int wrong = (right % round.choices().size()) + 1;
				List<AnswerOutcome> answers = together(threads, (process) -> processes.get(process)
					.answer(DAY, player, 1, (process == 0) ? right : wrong));
				List<AnswerOutcome> won = answers.stream()
					.filter(AnswerOutcome.Answered.class::isInstance)
					.toList();
				assertThat(won).as("race %d: %s", race, answers).hasSize(1);
				assertThat(answers).as("race %d", race).contains(new AnswerOutcome.AlreadyAnswered(1));
				int winner = answers.indexOf(won.get(0));
				RoundPlay stored = first.daily().progress(DAY, player).orElseThrow().rounds().get(0);
				assertThat(stored.choice()).as("race %d: the stored answer is the winner's", race)
					.isEqualTo((winner == 0) ? right : wrong);
				assertThat(((AnswerOutcome.Answered) won.get(0)).correct()).isEqualTo(winner == 0);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Runs {@code call(0)} and {@code call(1)} on two threads released at once; their answers in that order. */
	private static <T> List<T> together(ExecutorService threads, IntFunction<T> call) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<Future<T>> calls = new ArrayList<>();
		for (int process = 0; process < 2; process++) {
			int which = process;
			calls.add(threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				return call.apply(which);
			}));
		}
		List<T> results = new ArrayList<>();
		for (Future<T> result : calls) {
			results.add(result.get(30, TimeUnit.SECONDS));
		}
		return results;
	}

	private static DailyService service(StorageBackend backend, ArtworkCatalog artworks, MutableClock clock) {
		return new DailyService(new DailyProperties(Duration.ofSeconds(20), LocalDate.parse("2026-12-01")), 4,
				Difficulty.EASY, 100, artworks, backend.daily(), backend.periods(), clock, new Random(7));
	}

}
