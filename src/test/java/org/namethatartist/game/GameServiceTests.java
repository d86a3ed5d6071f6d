package org.namethatartist.game;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namethatartist.StorageException;
import org.namethatartist.player.PlayerStats;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a game, on real stores with time moved by hand. */
class GameServiceTests extends GameTestCase {

	@Test
	void shouldScoreWithTheGamesOwnRoundTime() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(30));
		this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(6));
		AnswerOutcome outcome = this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		// 24 s left of this game's 30 s: round(100 × 24 / 30) = 80 (the original divided by the default 15 s).
		assertThat(outcome).isEqualTo(new AnswerOutcome.Correct(1, 80, 80));
	}

	@Test
	void shouldRoundPointsToTheNearestWhole() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofMillis(4_900));
		// 10.1 s left of 15 s: 67.33 points, rounded to 67.
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1")))
			.isEqualTo(new AnswerOutcome.Correct(1, 67, 67));
	}

	@Test
	void shouldCountAWrongAnswerAsIncorrectWithNoPoints() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.wrongChoice("c1")))
			.isEqualTo(new AnswerOutcome.Wrong(1, 0));
		finish(game);
		PlayerStats ann = this.games.stores.players().find(ANN.id()).orElseThrow();
		assertThat(ann.totalIncorrectAnswers()).isEqualTo(1);
		assertThat(ann.totalCorrectAnswers()).isZero();
		assertThat(ann.totalWins()).isZero();
	}

	@Test
	void shouldAcceptOneAnswerPerPlayerPerRound() {
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		int wrong = this.games.wrongChoice("c1");
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, wrong)).isInstanceOf(AnswerOutcome.Wrong.class);
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1")))
			.isEqualTo(new AnswerOutcome.AlreadyAnswered(1, wrong));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().scores())
			.containsExactly(new Standing(ANN.id(), "Ann", 0, 0, 1));
	}

	@Test
	void shouldRefuseAClickOnAnEarlierRoundsButton() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.nextRound(game.gameId());
		assertThat(this.games.service.answer(game.gameId(), 1, BOB, 1)).isEqualTo(new AnswerOutcome.RoundOver(1));
		assertThat(this.games.service.answer(game.gameId(), 2, BOB, this.games.correctChoice("c1")))
			.isInstanceOf(AnswerOutcome.Correct.class);
	}

	@Test
	void shouldRefuseAnswersBetweenRoundsAndAfterTheTimeIsUp() {
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		assertThat(this.games.service.answer(game.gameId(), null, ANN, 1)).isEqualTo(new AnswerOutcome.RoundOver(0));
		this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(15));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isEqualTo(GameStatus.BETWEEN_ROUNDS);
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, 1)).isEqualTo(new AnswerOutcome.RoundOver(1));
	}

	@Test
	void shouldRefuseAChoiceThatIsNotAButton() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, 5)).isEqualTo(new AnswerOutcome.InvalidChoice(5, 4));
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, 0)).isEqualTo(new AnswerOutcome.InvalidChoice(0, 4));
	}

	@Test
	void shouldAnswerNoGameForAnUnknownOrFinishedGame() {
		assertThat(this.games.service.answer("nope", 1, ANN, 1)).isEqualTo(new AnswerOutcome.NoGame());
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		finish(game);
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, 1)).isEqualTo(new AnswerOutcome.NoGame());
	}

	@Test
	void shouldMakeEveryPlayerTiedOnTheTopScoreAWinner() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		int correct = this.games.correctChoice("c1");
		this.games.service.answer(game.gameId(), 1, ANN, correct);
		this.games.service.answer(game.gameId(), 1, BOB, correct);
		this.games.service.answer(game.gameId(), 1, CAT, this.games.wrongChoice("c1"));
		finish(game);
		GameEvent.GameEnded ended = this.games.events(GameEvent.GameEnded.class).get(0);
		assertThat(ended.winners()).extracting(Standing::userId).containsExactly(ANN.id(), BOB.id());
		assertThat(this.games.stores.players().find(ANN.id()).orElseThrow().totalWins()).isEqualTo(1);
		assertThat(this.games.stores.players().find(BOB.id()).orElseThrow().totalWins()).isEqualTo(1);
		assertThat(this.games.stores.players().find(CAT.id()).orElseThrow().totalWins()).isZero();
	}

	@Test
	void shouldLetNobodyWinAGameInWhichNobodyScored() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		int wrong = this.games.wrongChoice("c1");
		this.games.service.answer(game.gameId(), 1, ANN, wrong);
		this.games.service.answer(game.gameId(), 1, BOB, wrong);
		finish(game);
		assertThat(this.games.events(GameEvent.GameEnded.class).get(0).winners()).isEmpty();
		assertThat(this.games.stores.players().find(ANN.id()).orElseThrow().totalWins()).isZero();
		assertThat(this.games.stores.players().find(BOB.id()).orElseThrow().totalGames()).isEqualTo(1);
	}

	@Test
	void shouldRecordOnlyPlayersWhoAnswered() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, BOB, this.games.correctChoice("c1"));
		finish(game);
		assertThat(this.games.stores.players().find(ANN.id())).isEmpty();
		assertThat(this.games.stores.players().find(BOB.id()).orElseThrow().totalScore()).isEqualTo(100);
	}

	@Test
	void shouldRecordPerServerStatsWithTheGuild() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		finish(game);
		assertThat(this.games.stores.players().find("guild-1", ANN.id()).orElseThrow().totalScore()).isEqualTo(100);
		assertThat(this.games.stores.players().find("guild-2", ANN.id())).isEmpty();
	}

	@Test
	void shouldPlayEveryRoundWithDistinctArtworksAndFourDistinctArtists() {
		GameView game = this.games.start("c1", ANN, 10, Duration.ofSeconds(15));
		for (int i = 1; i <= 10; i++) {
			RoundView round = this.games.nextRound(game.gameId());
			assertThat(round.number()).isEqualTo(i);
			assertThat(round.choices()).hasSize(4);
			assertThat(round.choices()).extracting(Choice::artistId).doesNotHaveDuplicates()
				.contains(round.token().primaryArtist());
			assertThat(round.choices()).extracting(Choice::number).containsExactly(1, 2, 3, 4);
		}
		finish(game);
		assertThat(this.games.events(GameEvent.RoundStarted.class)).extracting((e) -> e.round().token().tokenId())
			.hasSize(10)
			.doesNotHaveDuplicates();
		assertThat(this.games.events(GameEvent.RoundEnded.class)).extracting((e) -> e.result().number())
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
	}

	@Test
	void shouldShowTheRightAnswerAndItsLinkWhenARoundEnds() {
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		RoundView round = this.games.nextRound(game.gameId());
		int correct = this.games.correctChoice("c1");
		this.games.service.answer(game.gameId(), 1, ANN, correct);
		this.games.scheduler.advance(Duration.ofSeconds(15));
		GameEvent.RoundEnded ended = this.games.events(GameEvent.RoundEnded.class).get(0);
		assertThat(ended.result().answer().number()).isEqualTo(correct);
		assertThat(ended.result().answer().artistId()).isEqualTo(round.token().primaryArtist());
		assertThat(ended.result().link())
			.isEqualTo("https://objkt.com/tokens/KT1TestContract/" + round.token().tokenId());
		assertThat(ended.result().answers()).isEqualTo(1);
		assertThat(ended.scores()).extracting(Standing::userId).containsExactly(ANN.id());
		assertThat(this.games.service.find(game.gameId()).orElseThrow().lastRound()).isEqualTo(ended.result());
	}

	@Test
	void shouldKeepOneGamePerChannel() {
		GameView game = this.games.start("c1", ANN, 5, null);
		StartOutcome second = this.games.service.start("c1", "guild-1", BOB, GameOptions.defaults());
		assertThat(second).isInstanceOf(StartOutcome.AlreadyRunning.class);
		assertThat(((StartOutcome.AlreadyRunning) second).game().gameId()).isEqualTo(game.gameId());
		assertThat(this.games.service.start("c2", "guild-1", BOB, GameOptions.defaults()))
			.isInstanceOf(StartOutcome.Started.class);
	}

	@Test
	void shouldRefuseOptionsOutsideTheirBounds() {
		assertThat(this.games.service.start("c1", null, ANN, new GameOptions(51, null, null)))
			.isEqualTo(new StartOutcome.OutOfBounds("rounds", "51", "1..50"));
		StartOutcome slow = this.games.service.start("c1", null, ANN, new GameOptions(null, Duration.ofSeconds(61), null));
		assertThat(slow).isEqualTo(new StartOutcome.OutOfBounds("roundTime", "61s", "1s..60s"));
		assertThat(((StartOutcome.OutOfBounds) slow).message()).isEqualTo("roundTime must be within 1s..60s, not 61s");
		assertThat(this.games.service.start("c1", null, ANN, new GameOptions(null, null, null, 6)))
			.isEqualTo(new StartOutcome.OutOfBounds("choices", "6", "3..5"));
		assertThat(this.games.service.findByChannel("c1")).isEmpty();
	}

	@Test
	void shouldRefuseMoreRoundsThanArtworks() {
		StartOutcome outcome = this.games.service.start("c1", null, ANN, new GameOptions(31, null, null));
		assertThat(outcome).isEqualTo(new StartOutcome.NotEnoughArtworks(31, 30));
		assertThat(((StartOutcome.NotEnoughArtworks) outcome).message())
			.isEqualTo("Only 30 artworks are available, not enough for 31 rounds.");
	}

	@Test
	void shouldLetOnlyTheStarterOrAModeratorStop() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		assertThat(this.games.service.stop("c1", BOB, false)).isEqualTo(new StopOutcome.NotAllowed(ANN.id()));
		assertThat(this.games.service.stop("c1", BOB, true)).isInstanceOf(StopOutcome.Stopped.class);
		assertThat(this.games.service.stop("c1", ANN, false)).isEqualTo(new StopOutcome.NoGame());
		assertThat(this.games.events(GameEvent.GameStopped.class)).singleElement()
			.satisfies((stopped) -> assertThat(stopped.by()).isEqualTo(BOB));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isEqualTo(GameStatus.OVER);
	}

	@Test
	void shouldRecordWhatWasPlayedWhenStoppedButAwardNoWin() {
		GameView game = this.games.start("c1", ANN, 5, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		StopOutcome outcome = this.games.service.stop("c1", ANN, false);
		assertThat(outcome).isInstanceOf(StopOutcome.Stopped.class);
		assertThat(((StopOutcome.Stopped) outcome).game().stopped()).isTrue();
		PlayerStats ann = this.games.stores.players().find(ANN.id()).orElseThrow();
		assertThat(ann.totalScore()).isEqualTo(100);
		assertThat(ann.totalGames()).isEqualTo(1);
		assertThat(ann.totalWins()).isZero();
		assertThat(this.games.stores.gameStates().findAll()).isEmpty();
		assertThat(this.games.scheduler.pending()).isZero();
	}

	@Test
	void shouldSaveEveryAcceptedAnswerBeforeAcknowledgingIt() {
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		GameSnapshot saved = ((StoredGame.Resumable) this.games.stores.gameStates().find("c1").orElseThrow()).snapshot();
		assertThat(saved.currentRound().answers()).containsEntry(ANN.id(), this.games.correctChoice("c1"));
		assertThat(saved.scores().get(ANN.id()).score()).isEqualTo(100);
	}

	@Test
	void shouldRejectAnAnswerThatCannotBeSavedAndKeepTheGameAsItWas() {
		this.games.service = this.games.newService(this.games.stores.players(), new FailingStates(this.games, 2, 1));
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		AnswerOutcome outcome = this.games.service.answer(game.gameId(), 1, ANN, 1);
		assertThat(outcome).isInstanceOf(AnswerOutcome.Unavailable.class);
		// The player is told it did not count; the storage's own message goes to the log, not to players.
		assertThat(((AnswerOutcome.Unavailable) outcome).reason())
			.startsWith("Your answer could not be saved, so it does not count")
			.doesNotContain("disk full");
		assertThat(this.games.service.find(game.gameId()).orElseThrow().scores()).isEmpty();
		// The disk is back: the same player may answer now.
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, 1)).isNotInstanceOf(AnswerOutcome.Unavailable.class);
	}

	@Test
	void shouldTryARoundTransitionAgainWhenItCouldNotBeSaved() {
		this.games.service = this.games.newService(this.games.stores.players(), new FailingStates(this.games, 1, 1));
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.scheduler.advance(Duration.ofSeconds(3));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isEqualTo(GameStatus.STARTING);
		this.games.scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isEqualTo(GameStatus.ROUND);
	}

	@Test
	void shouldDeliverEventsOfAGameInOrder() {
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		finish(game);
		assertThat(this.games.events).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("RoundStarted", "RoundEnded", "RoundStarted", "RoundEnded", "GameEnded");
	}

	@Test
	void shouldKeepTheFinalResultVisibleAfterTheGameEnds() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		finish(game);
		GameView over = this.games.service.find(game.gameId()).orElseThrow();
		assertThat(over.status()).isEqualTo(GameStatus.OVER);
		assertThat(over.winners()).extracting(Standing::userId).containsExactly(ANN.id());
		assertThat(this.games.service.findByChannel("c1")).isEmpty();
		assertThat(this.games.service.running()).isZero();
	}

	@Test
	void shouldNotLetAListenerThatThrowsStopTheGame() {
		this.games.service.addListener((event) -> {
			throw new IllegalStateException("listener bug");
		});
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		finish(game);
		assertThat(this.games.events(GameEvent.GameEnded.class)).hasSize(1);
	}

	@Test
	void shouldEndAGameNobodyAnswersAfterTheConfiguredIdleRounds() {
		GameProperties p = GameTestSupport.PROPERTIES;
		GameProperties idle = new GameProperties(p.rounds(), p.roundTime(), p.betweenRoundTime(), p.startDelay(),
				p.choices(), p.baseScore(), p.resumeWindow(), p.maxRunning(), 3, p.limits());
		this.games.service = this.games.newService(idle, this.games.stores.players(), this.games.stores.gameStates());
		GameView game = this.games.start("c1", ANN, 10, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		finish(game);
		GameView over = this.games.service.find(game.gameId()).orElseThrow();
		assertThat(over.abandoned()).isTrue();
		// Round 1 was answered; rounds 2, 3 and 4 were not, and the game ended with round 4.
		assertThat(this.games.events(GameEvent.RoundEnded.class)).hasSize(4);
		assertThat(this.games.events(GameEvent.GameEnded.class).get(0).winners()).extracting(Standing::userId)
			.containsExactly(ANN.id());
		assertThat(this.games.stores.players().find(ANN.id()).orElseThrow().totalWins()).isEqualTo(1);
	}

	@Test
	void shouldRefuseANewGameWhenTheMostGamesAreRunning() {
		GameProperties p = GameTestSupport.PROPERTIES;
		GameProperties two = new GameProperties(p.rounds(), p.roundTime(), p.betweenRoundTime(), p.startDelay(),
				p.choices(), p.baseScore(), p.resumeWindow(), 2, 0, p.limits());
		this.games.service = this.games.newService(two, this.games.stores.players(), this.games.stores.gameStates());
		GameView first = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.start("c2", ANN, 1, Duration.ofSeconds(15));
		StartOutcome third = this.games.service.start("c3", null, ANN, GameOptions.defaults());
		assertThat(third).isEqualTo(new StartOutcome.Unavailable("Too many games are running (2); try again when "
				+ "one has ended."));
		finish(first);
		assertThat(this.games.service.start("c3", null, ANN, GameOptions.defaults()))
			.isInstanceOf(StartOutcome.Started.class);
	}

	@Test
	void shouldRefuseAChoiceBeyondTheButtonsEvenBetweenRounds() {
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		assertThat(this.games.service.answer(game.gameId(), null, ANN, 7)).isEqualTo(new AnswerOutcome.InvalidChoice(7, 4));
	}

	@Test
	void shouldRefuseAnAbsurdlyLongRoundTimeAsOutOfBounds() {
		StartOutcome outcome = this.games.service.start("c1", null, ANN,
				new GameOptions(null, Duration.ofSeconds(Long.MAX_VALUE), null));
		assertThat(outcome).isInstanceOf(StartOutcome.OutOfBounds.class);
		assertThat(((StartOutcome.OutOfBounds) outcome).value()).isEqualTo(Long.MAX_VALUE + "s");
	}

	@Test
	void shouldMakeGameIdsLongAndUnguessable() {
		GameView one = this.games.start("c1", ANN, 1, null);
		GameView two = this.games.start("c2", ANN, 1, null);
		assertThat(one.gameId()).hasSize(16).matches("[a-z2-9]+").isNotEqualTo(two.gameId());
	}

	private void finish(GameView game) {
		this.games.scheduler.advance(Duration.ofMinutes(30));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isEqualTo(GameStatus.OVER);
	}

	/** Game states whose saves fail {@code failures} times after {@code successes}, as a full disk does. */
	static final class FailingStates implements GameStateRepository {

		private final GameStateRepository delegate;

		private int successesBeforeFailing;

		private int failures;

		FailingStates(GameTestSupport games, int successes, int failures) {
			this.delegate = games.stores.gameStates();
			this.successesBeforeFailing = successes;
			this.failures = failures;
		}

		@Override
		public synchronized void save(GameSnapshot snapshot) {
			if (this.successesBeforeFailing > 0) {
				this.successesBeforeFailing--;
			}
			else if (this.failures > 0) {
				this.failures--;
				throw new StorageException("disk full (injected)");
			}
			this.delegate.save(snapshot);
		}

		@Override
		public java.util.Optional<StoredGame> find(String channelId) {
			return this.delegate.find(channelId);
		}

		@Override
		public void delete(String channelId) {
			this.delegate.delete(channelId);
		}

		@Override
		public List<StoredGame> findAll() {
			return this.delegate.findAll();
		}

	}

}
