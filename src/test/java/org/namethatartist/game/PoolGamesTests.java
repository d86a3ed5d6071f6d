package org.namethatartist.game;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.PoolProperties;
import org.namethatartist.artwork.Token;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodSort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Games on a server's own artwork pool, on real stores with time moved by hand: they draw from the pool,
 * count in the server's stats and boards only, fall back to the default artworks with the reason when the
 * pool cannot make them, and resume on the pool after a restart. The pool here is an {@code artist:} filter
 * of the test catalogue ({@link GameTestSupport#catalog()}: "Artist 2" made 5 of its 30 tokens).
 */
class PoolGamesTests extends GameTestCase {

	static final String POOL = "artist:Artist 2";

	static final String ARTIST_2 = "tz1Artist2xxxxxxxxxxxxxxxxxxxxxxxxxxxx";

	@BeforeEach
	void givePools() {
		this.games.setUp = (service) -> service.usePools(new ArtworkPools(this.games.artworks, null, null,
				PoolProperties.defaults(), Duration.ofHours(24), true, java.time.Clock.systemUTC()));
		this.games.service = this.games.newService(this.games.stores.players(), this.games.stores.gameStates());
	}

	@Test
	void aGameOnTheServersPoolDrawsFromItAndCountsInThatServerOnly() {
		GameView game = start(3, POOL);
		assertThat(tokens(game)).hasSize(3).allMatch((token) -> token.primaryArtist().equals(ARTIST_2));
		for (int round = 1; round <= 3; round++) {
			RoundView open = this.games.nextRound(game.gameId());
			assertThat(open.choices()).hasSize(4).anyMatch((choice) -> choice.artistId().equals(ARTIST_2));
			assertThat(this.games.service.answer(game.gameId(), round, ANN, this.games.correctChoice("c1")))
				.isInstanceOf(AnswerOutcome.Correct.class);
		}
		this.games.scheduler.advance(Duration.ofMinutes(30));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isEqualTo(GameStatus.OVER);

		assertThat(this.games.stores.players().find(ANN.id())).as("no global stats").isEmpty();
		assertThat(this.games.stores.players().find("guild-1", ANN.id()).orElseThrow().gamesHistory()).singleElement()
			.extracting(GameHistoryEntry::pool).isEqualTo(POOL);
		Period week = Period.week(this.games.scheduler.now());
		assertThat(this.games.stores.periods().leaderboard(week, PeriodSort.TOTAL_SCORE, 10, null)).isEmpty();
		assertThat(this.games.stores.periods().leaderboard(week, PeriodSort.TOTAL_SCORE, 10, "guild-1")).hasSize(1);
	}

	@Test
	void aPoolThatCannotMakeTheGamePlaysTheDefaultArtworksAndTheStarterIsToldWhy() {
		StartOutcome outcome = this.games.service.start("c1", "guild-1", ANN,
				new GameOptions(10, Duration.ofSeconds(15), Duration.ofSeconds(5)), POOL);
		assertThat(outcome).isInstanceOfSatisfying(StartOutcome.Started.class, (started) -> assertThat(started.notice())
			.isEqualTo("This server's artwork pool (artist:Artist 2) cannot make this game: it has 5 artworks to draw "
					+ "from, and a game needs 10. This game plays the default artworks."));
		GameView game = ((StartOutcome.Started) outcome).game();
		assertThat(tokens(game)).hasSize(10).anyMatch((token) -> !token.primaryArtist().equals(ARTIST_2));
		assertThat(snapshot().pool()).as("a default game, counted globally").isNull();
	}

	@Test
	void aGameOnThePoolResumesOnItAfterARestart() {
		GameView game = start(3, POOL);
		this.games.nextRound(game.gameId());
		this.games.restart(Duration.ofSeconds(2));
		assertThat(snapshot().pool()).isEqualTo(POOL);
		// The interrupted first round is played again, then the second opens.
		GameView view = this.games.service.find(game.gameId()).orElseThrow();
		for (int step = 0; step < 10 && (view.round() == null || view.round().number() < 2); step++) {
			this.games.scheduler.advance(Duration.between(this.games.scheduler.now(), view.phaseEndsAt()));
			view = this.games.service.find(game.gameId()).orElseThrow();
		}
		RoundView second = view.round();
		assertThat(second.number()).isEqualTo(2);
		assertThat(second.token().primaryArtist()).isEqualTo(ARTIST_2);
		assertThat(this.games.service.answer(game.gameId(), 2, BOB, this.games.correctChoice("c1")))
			.isInstanceOf(AnswerOutcome.Correct.class);
		this.games.scheduler.advance(Duration.ofMinutes(30));
		assertThat(this.games.stores.players().find(BOB.id())).isEmpty();
		assertThat(this.games.stores.players().find("guild-1", BOB.id())).isPresent();
	}

	private GameView start(int rounds, String pool) {
		StartOutcome outcome = this.games.service.start("c1", "guild-1", ANN,
				new GameOptions(rounds, Duration.ofSeconds(15), Duration.ofSeconds(5)), pool);
		assertThat(outcome).isInstanceOfSatisfying(StartOutcome.Started.class,
				(started) -> assertThat(started.notice()).isNull());
		return ((StartOutcome.Started) outcome).game();
	}

	private GameSnapshot snapshot() {
		return ((StoredGame.Resumable) this.games.stores.gameStates().find("c1").orElseThrow()).snapshot();
	}

	/** The game's tokens as saved, looked up in the operator's catalogue. */
	private List<Token> tokens(GameView game) {
		return snapshot().tokenKeys().stream().map((key) -> this.games.artworks.current().find(key).orElseThrow()).toList();
	}

}
