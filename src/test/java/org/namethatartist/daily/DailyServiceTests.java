package org.namethatartist.daily;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.MutableClock;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The daily challenge's rules, with time moved by hand and the week and month boards on a real append log. */
class DailyServiceTests {

	static final long SEED = 20261205L;

	static final LocalDate FIRST = LocalDate.parse("2026-11-24");

	/** Day 12 of the challenge, 09:00 UTC. */
	static final Instant NOON = Instant.parse("2026-12-05T09:00:00Z");

	static final LocalDate TODAY = LocalDate.parse("2026-12-05");

	@TempDir
	Path dataDir;

	AppendLogStores stores;

	MutableClock clock = new MutableClock(NOON);

	InMemoryDailyRepository repository = new InMemoryDailyRepository();

	ArtworkCatalog artworks = new ArtworkCatalog(catalog("a", 30));

	DailyService daily;

	@BeforeEach
	void open() {
		System.out.println("DailyServiceTests seed " + SEED);
		this.stores = AppendLogStores.open(this.dataDir, LogOptions.defaults());
		this.daily = service(this.repository);
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	DailyService service(DailyRepository repository) {
		return new DailyService(new DailyProperties(Duration.ofSeconds(20), FIRST), 4, Difficulty.EASY, 100,
				this.artworks, repository, this.stores.periods(), this.clock, new Random(SEED));
	}

	static TokenCatalog catalog(String prefix, int count) {
		List<Token> tokens = new ArrayList<>();
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (int a = 0; a < 6; a++) {
			String address = "tz1Artist" + a + "xxxxxxxxxxxxxxxxxxxxxxxxxxxx";
			artists.put(address, new ArtistInfo("Artist " + a, true, new ArtistProfile(null, "Artist " + a, null, null)));
		}
		List<String> addresses = new ArrayList<>(artists.keySet());
		for (int t = 0; t < count; t++) {
			String artist = addresses.get(t % addresses.size());
			tokens.add(new Token(prefix + t, "Work " + prefix + t, "", "https://img.test/" + prefix + t + ".png",
					"https://img.test/full/" + prefix + t + ".png", List.of(artist), artist, "KT1Test"));
		}
		return TokenCatalog.of("test", new TokenDocument("2026-11-27T00:00:00.000Z", count, tokens, artists), true);
	}

	NextOutcome.Round next(String user) {
		NextOutcome outcome = this.daily.next(this.daily.today(), user, user, null);
		assertThat(outcome).isInstanceOf(NextOutcome.Round.class);
		return (NextOutcome.Round) outcome;
	}

	static int wrong(DailyRound round) {
		return (round.correctChoice() % round.choices().size()) + 1;
	}

	@Test
	void theChallengeIsNumberedFromTheFirstDayAndIsTheSameForEverybody() {
		NextOutcome.Round ann = next("ann");
		NextOutcome.Round bob = next("bob");
		assertThat(ann.challenge().number()).isEqualTo(12);
		assertThat(ann.challenge().day()).isEqualTo(TODAY);
		assertThat(ann.total()).isEqualTo(5);
		assertThat(bob.challenge()).isEqualTo(ann.challenge());
		assertThat(ann.challenge().rounds()).extracting(DailyRound::tokenKey).doesNotHaveDuplicates();
		for (DailyRound round : ann.challenge().rounds()) {
			assertThat(round.choices()).hasSize(4);
			assertThat(round.answer().artistName()).isNotBlank();
			assertThat(round.imageUrl()).startsWith("https://img.test/full/a");
		}
	}

	@Test
	void aRefreshAfterTheDrawDoesNotChangeTheDay() {
		DailyChallenge drawn = next("ann").challenge();
		this.artworks.replace(catalog("b", 30));
		assertThat(next("bob").challenge()).isEqualTo(drawn);
		assertThat(this.repository.challenge(TODAY)).contains(drawn);
		// a restart: a new service on the same store
		assertThat(((NextOutcome.Round) service(this.repository).next(TODAY, "cid", "cid", null)).challenge())
			.isEqualTo(drawn);
	}

	@Test
	void thereIsNoChallengeBeforeTheFirstDayOrWithTooFewArtworks() {
		this.clock.set(Instant.parse("2026-11-23T12:00:00Z"));
		assertThat(this.daily.next(this.daily.today(), "ann", "ann", null))
			.isEqualTo(new NextOutcome.Unavailable("The daily challenge starts on 2026-11-24."));
		this.clock.set(NOON);
		this.artworks.replace(catalog("c", 4));
		assertThat(this.daily.next(TODAY, "ann", "ann", null)).isInstanceOf(NextOutcome.Unavailable.class);
		assertThat(this.repository.challenge(TODAY)).isEmpty();
	}

	@Test
	void aRoundScoresByTheTimeLeftSinceItOpened() {
		NextOutcome.Round first = next("ann");
		assertThat(first.endsAt()).isEqualTo(NOON.plusSeconds(20));
		this.clock.advance(Duration.ofSeconds(5));
		AnswerOutcome answered = this.daily.answer(TODAY, "ann", 1, first.round().correctChoice());
		assertThat(answered).isEqualTo(new AnswerOutcome.Answered(first.round(), true, 75, 75, false));
		assertThat(this.daily.answer(TODAY, "ann", 1, first.round().correctChoice()))
			.isEqualTo(new AnswerOutcome.AlreadyAnswered(1));

		NextOutcome.Round second = next("ann");
		assertThat(second.round().number()).isEqualTo(2);
		assertThat(second.endsAt()).isEqualTo(NOON.plusSeconds(25));
		this.clock.advance(Duration.ofMillis(1000));
		assertThat(this.daily.answer(TODAY, "ann", 2, wrong(second.round())))
			.isEqualTo(new AnswerOutcome.Answered(second.round(), false, 0, 75, false));

		NextOutcome.Round third = next("ann");
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.daily.answer(TODAY, "ann", 3, third.round().correctChoice()))
			.isEqualTo(new AnswerOutcome.TooLate(3));
		assertThat(this.daily.answer(TODAY, "ann", 3, third.round().correctChoice()))
			.isEqualTo(new AnswerOutcome.TooLate(3));
		assertThat(this.daily.answer(TODAY, "ann", 5, 1)).isEqualTo(new AnswerOutcome.NotOpen(5));
		assertThat(this.daily.answer(TODAY, "bob", 1, 1)).isEqualTo(new AnswerOutcome.NotOpen(1));
	}

	@Test
	void badRoundsChoicesAndOtherDaysAreRefused() {
		next("ann");
		assertThat(this.daily.answer(TODAY, "ann", 6, 1))
			.isEqualTo(new AnswerOutcome.Invalid("round must be between 1 and 5, not 6."));
		assertThat(this.daily.answer(TODAY, "ann", 1, 0))
			.isEqualTo(new AnswerOutcome.Invalid("choice must be between 1 and 4, not 0."));
		assertThat(this.daily.answer(TODAY.minusDays(1), "ann", 1, 1)).isEqualTo(new AnswerOutcome.NotToday(TODAY));
		assertThat(this.daily.next(TODAY.plusDays(1), "ann", "ann", null)).isEqualTo(new NextOutcome.NotToday(TODAY));
	}

	@Test
	void comingBackReopensTheOpenRoundAsItWasOrScoresZeroForOneThatRanOut() {
		NextOutcome.Round first = next("ann");
		this.clock.advance(Duration.ofSeconds(8));
		NextOutcome.Round again = next("ann");
		assertThat(again).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(12));
		NextOutcome.Round second = next("ann");
		assertThat(second.round().number()).isEqualTo(2);
		assertThat(second.endsAt()).isEqualTo(NOON.plusSeconds(40));
		DailyResult result = this.daily.result(TODAY, "ann").orElseThrow();
		assertThat(result.rounds()).extracting(RoundPlay::number, RoundPlay::correct, RoundPlay::points)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, false, 0));
		assertThat(result.finished()).isFalse();
		assertThat(result.share()).isNull();
	}

	@Test
	void aFinishedDayGivesScoreShareLineStreakAndCountsInTheWeekAndMonthOnce() {
		String[] expected = { "\uD83D\uDFE9", "\uD83D\uDFE5", "\u2B1B", "\uD83D\uDFE9", "\uD83D\uDFE9" };
		int score = 0;
		for (int n = 1; n <= 5; n++) {
			NextOutcome.Round round = next("ann");
			this.clock.advance(Duration.ofSeconds(2));
			switch (n) {
				case 2 -> this.daily.answer(TODAY, "ann", n, wrong(round.round()));
				case 3 -> this.clock.advance(Duration.ofSeconds(30));
				default -> score += ((AnswerOutcome.Answered) this.daily.answer(TODAY, "ann", n,
						round.round().correctChoice())).points();
			}
		}
		assertThat(score).isEqualTo(270);
		DailyResult result = this.daily.result(TODAY, "ann").orElseThrow();
		assertThat(result.finished()).isTrue();
		assertThat(result.score()).isEqualTo(270);
		assertThat(result.share()).isEqualTo("Name That Artist \u00B7 Daily #12 \u00B7 " + String.join("", expected)
				+ " \u00B7 270");
		assertThat(result.streak()).isEqualTo(1);
		assertThat(result.bestStreak()).isEqualTo(1);
		assertThat(this.daily.next(TODAY, "ann", "ann", null)).isEqualTo(new NextOutcome.AllPlayed(result));
		assertThat(this.stores.periods()
			.standing(Period.week(NOON), PeriodSort.DAILY_SCORE, null, "ann")
			.orElseThrow()
			.stats()
			.dailyScore()).isEqualTo(270);
		assertThat(this.repository.progress(TODAY, "ann").orElseThrow().recorded()).isTrue();
	}

	@Test
	void streaksCountConsecutiveFinishedDays() {
		for (int day = 0; day < 6; day++) {
			this.clock.set(NOON.plus(Duration.ofDays(day)));
			if (day == 3) {
				continue;
			}
			for (int n = 1; n <= 5; n++) {
				NextOutcome.Round round = next("ann");
				this.daily.answer(this.daily.today(), "ann", n, round.round().correctChoice());
			}
		}
		DailyResult result = this.daily.result(this.daily.today(), "ann").orElseThrow();
		assertThat(result.number()).isEqualTo(17);
		assertThat(result.streak()).isEqualTo(2);
		assertThat(result.bestStreak()).isEqualTo(3);
		assertThat(DailyService.streaks(List.of(TODAY.minusDays(1), TODAY.minusDays(2)), TODAY))
			.containsExactly(2, 2);
		assertThat(DailyService.streaks(List.of(TODAY.minusDays(2)), TODAY)).containsExactly(0, 1);
		assertThat(DailyService.streaks(List.of(), TODAY)).containsExactly(0, 0);
	}

	@Test
	void noArtworkRepeatsWithinThirtyDaysWhileTheCatalogueAllows() {
		this.artworks.replace(catalog("d", 150));
		Set<String> seen = new HashSet<>();
		for (int day = 0; day < 30; day++) {
			this.clock.set(NOON.plus(Duration.ofDays(day)));
			for (DailyRound round : next("ann").challenge().rounds()) {
				assertThat(seen.add(round.tokenKey())).as("day %d repeats %s", day, round.tokenKey()).isTrue();
			}
		}
		assertThat(seen).hasSize(150);
	}

	@Test
	void aSmallCatalogueRepeatsOnlyWhatItMust() {
		this.artworks.replace(catalog("e", 12));
		Set<String> seen = new HashSet<>();
		for (int day = 0; day < 2; day++) {
			this.clock.set(NOON.plus(Duration.ofDays(day)));
			next("ann").challenge().rounds().forEach((round) -> seen.add(round.tokenKey()));
		}
		assertThat(seen).hasSize(10);
		this.clock.set(NOON.plus(Duration.ofDays(2)));
		List<String> third = next("ann").challenge().rounds().stream().map(DailyRound::tokenKey).toList();
		assertThat(third).hasSize(5).doesNotHaveDuplicates();
		assertThat(third.stream().filter((key) -> !seen.contains(key)).count()).isEqualTo(2);
	}

	@Test
	void theRoundTimeIsValidated() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DailyProperties(Duration.ofSeconds(1), FIRST))
			.withMessage("game.daily.round-time must be between 5s and 5m, not PT1S");
		assertThatIllegalArgumentException().isThrownBy(() -> new DailyProperties(Duration.ofSeconds(20), null))
			.withMessage("game.daily.first-day must be a day such as 2026-12-01");
	}

}
