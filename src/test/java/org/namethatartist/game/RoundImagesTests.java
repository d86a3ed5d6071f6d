package org.namethatartist.game;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds open only on an artwork whose image is ready: the next round's image is asked for ahead of time,
 * and an artwork whose image is not ready when its round opens gives way to another, saved with the game.
 */
class RoundImagesTests extends GameTestCase {

	/** Images that become ready when asked for, except the broken ones; records what was asked. */
	private static final class FakeImages implements RoundImages {

		final Set<String> broken = ConcurrentHashMap.newKeySet();

		final Set<String> ready = ConcurrentHashMap.newKeySet();

		final List<String> asked = new ArrayList<>();

		final List<String> replaced = new ArrayList<>();

		final Set<String> pending = ConcurrentHashMap.newKeySet();

		boolean fetchOnAsk = true;

		@Override
		public boolean pending(Token token) {
			return this.pending.contains(TokenCatalog.key(token));
		}

		@Override
		public synchronized void prefetch(Token token) {
			String key = TokenCatalog.key(token);
			this.asked.add(key);
			if (this.fetchOnAsk && !this.broken.contains(key)) {
				this.ready.add(key);
			}
		}

		@Override
		public Optional<String> notReady(Token token) {
			String key = TokenCatalog.key(token);
			if (this.broken.contains(key)) {
				return Optional.of("the server answered 404");
			}
			return this.ready.contains(key) ? Optional.empty() : Optional.of("its image is still being fetched");
		}

		@Override
		public synchronized void replaced(Token dropped, Token instead, String reason) {
			this.replaced.add(TokenCatalog.key(dropped) + " -> " + TokenCatalog.key(instead) + ": " + reason);
		}

	}

	private final FakeImages images = new FakeImages();

	private List<String> drawn(String channel) {
		StoredGame stored = this.games.stores.gameStates().find(channel).orElseThrow();
		return ((StoredGame.Resumable) stored).snapshot().tokenKeys();
	}

	@Test
	void theFirstRoundsImageIsAskedForAtTheStartAndEachNextOneWhenARoundOpens() {
		this.games.service.useImages(this.images);
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		List<String> keys = drawn("c1");
		assertThat(this.images.asked).containsExactly(keys.get(0));
		this.games.nextRound(game.gameId());
		assertThat(this.images.asked).containsExactly(keys.get(0), keys.get(1));
		this.games.nextRound(game.gameId());
		this.games.nextRound(game.gameId());
		assertThat(this.images.asked).containsExactly(keys.get(0), keys.get(1), keys.get(2));
		assertThat(this.images.replaced).isEmpty();
	}

	@Test
	void anArtworkWhoseImageFailedGivesWayToAnotherAndTheGameKeepsItsRounds() {
		this.games.service.useImages(this.images);
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		List<String> keys = drawn("c1");
		this.images.broken.add(keys.get(1));
		// Some other artworks have their image ready (a cache filled beforehand).
		for (Token token : this.games.artworks.current().playable()) {
			if (!keys.contains(TokenCatalog.key(token))) {
				this.images.ready.add(TokenCatalog.key(token));
			}
		}
		RoundView first = this.games.nextRound(game.gameId());
		assertThat(TokenCatalog.key(first.token())).isEqualTo(keys.get(0));
		RoundView second = this.games.nextRound(game.gameId());
		String instead = TokenCatalog.key(second.token());
		assertThat(instead).isNotIn(keys);
		assertThat(this.images.replaced).containsExactly(keys.get(1) + " -> " + instead + ": the server answered 404");
		// The replacement is durable: a restart plays the same artwork.
		assertThat(drawn("c1")).containsExactly(keys.get(0), instead, keys.get(2));
		assertThat(second.choices()).extracting(Choice::artistId).contains(second.token().primaryArtist());
		this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(16));
		assertThat(this.games.events(GameEvent.RoundEnded.class)).hasSize(3);
		assertThat(this.games.events(GameEvent.GameEnded.class)).hasSize(1);
	}

	@Test
	void anImageStillOnItsWayWhenTheRoundOpensIsReplacedByOneThatIsReady() {
		this.images.fetchOnAsk = false;
		this.games.service.useImages(this.images);
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		String drawn = drawn("c1").get(0);
		Token ready = this.games.artworks.current().playable().stream()
			.filter((token) -> !TokenCatalog.key(token).equals(drawn))
			.findFirst()
			.orElseThrow();
		this.images.ready.add(TokenCatalog.key(ready));
		RoundView round = this.games.nextRound(game.gameId());
		assertThat(round.token()).isEqualTo(ready);
		assertThat(this.images.replaced).containsExactly(
				drawn + " -> " + TokenCatalog.key(ready) + ": its image is still being fetched");
	}

	@Test
	void withNoImageReadyAnywhereTheRoundOpensOnItsOwnArtwork() {
		this.images.fetchOnAsk = false;
		this.games.service.useImages(this.images);
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		String drawn = drawn("c1").get(0);
		RoundView round = this.games.nextRound(game.gameId());
		assertThat(TokenCatalog.key(round.token())).isEqualTo(drawn);
		assertThat(this.images.replaced).isEmpty();
		// It does not count: a right answer scores nothing and changes nobody's tally, durably.
		assertThat(round.scored()).isFalse();
		StoredGame stored = this.games.stores.gameStates().find("c1").orElseThrow();
		assertThat(((StoredGame.Resumable) stored).snapshot().currentRound().noImage()).isTrue();
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1")))
			.isEqualTo(new AnswerOutcome.Correct(1, 0, 0));
		assertThat(this.games.service.answer(game.gameId(), 1, BOB, this.games.wrongChoice("c1")))
			.isEqualTo(new AnswerOutcome.Wrong(1, 0));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().scores()).extracting(Standing::correctAnswers,
				Standing::incorrectAnswers, Standing::score).containsOnly(org.assertj.core.groups.Tuple.tuple(0, 0, 0));
		// A restart keeps it so.
		this.games.restart(Duration.ofSeconds(1));
		assertThat(((StoredGame.Resumable) this.games.stores.gameStates().find("c1").orElseThrow()).snapshot()
			.currentRound().noImage()).isTrue();
	}

	@Test
	void withNoOtherImageReadyTheRoundWaitsForItsOwnStillOnItsWayThenOpensWithIt() {
		this.images.fetchOnAsk = false;
		this.games.service.useImages(this.images);
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		String drawn = drawn("c1").get(0);
		this.images.pending.add(drawn);
		this.games.scheduler.advance(Duration.ofSeconds(3)); // the start delay
		assertThat(this.games.service.find(game.gameId()).orElseThrow().round()).as("waiting").isNull();
		this.games.scheduler.advance(Duration.ofMillis(300));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().round()).isNull();
		this.images.pending.remove(drawn);
		this.images.ready.add(drawn);
		this.games.scheduler.advance(Duration.ofMillis(100));
		RoundView round = this.games.service.find(game.gameId()).orElseThrow().round();
		assertThat(TokenCatalog.key(round.token())).isEqualTo(drawn);
		assertThat(round.scored()).isTrue();
	}

	@Test
	void aRoundWaitsForItsImageAtMostFiveSecondsThenOpensWithoutIt() {
		this.images.fetchOnAsk = false;
		this.games.service.useImages(this.images);
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.images.pending.add(drawn("c1").get(0));
		this.games.scheduler.advance(Duration.ofSeconds(3).plus(Duration.ofMillis(4_900)));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().round()).isNull();
		this.games.scheduler.advance(Duration.ofMillis(200));
		RoundView round = this.games.service.find(game.gameId()).orElseThrow().round();
		assertThat(round).isNotNull();
		assertThat(round.scored()).isFalse();
	}

	@Test
	void aRoundWithItsImageCounts() {
		this.games.service.useImages(this.images);
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		RoundView round = this.games.nextRound(game.gameId());
		assertThat(round.scored()).isTrue();
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1")))
			.isInstanceOf(AnswerOutcome.Correct.class)
			.satisfies((outcome) -> assertThat(((AnswerOutcome.Correct) outcome).points()).isPositive());
	}

}
