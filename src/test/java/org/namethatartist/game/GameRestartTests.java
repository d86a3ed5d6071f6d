package org.namethatartist.game;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namethatartist.StorageException;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodEntry;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.player.PeriodStats;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Games across a restart of the stores and the service: resumed when recent, ended when old, results
 * recorded exactly once even when the process dies while recording them.
 */
class GameRestartTests extends GameTestCase {

	@Test
	void shouldResumeARecentGameAndReplayTheInterruptedRoundWithItsAnswers() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		RoundView second = this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(5));
		this.games.service.answer(game.gameId(), 2, BOB, this.games.correctChoice("c1"));
		this.games.events.clear();

		this.games.restart(Duration.ofMinutes(2));

		GameEvent.GameResumed resumed = this.games.events(GameEvent.GameResumed.class).get(0);
		assertThat(resumed.interrupted()).isEqualTo(Duration.ofMinutes(2));
		assertThat(resumed.game().status()).isEqualTo(GameStatus.STARTING);
		assertThat(resumed.game().scores()).extracting(Standing::userId, Standing::score)
			.containsExactly(tuple(ANN.id(), 100),
					tuple(BOB.id(), 67));
		assertThat(this.games.service.answer(game.gameId(), 2, ANN, 1)).isEqualTo(new AnswerOutcome.RoundOver(2));

		this.games.scheduler.advance(Duration.ofSeconds(3));
		RoundView replayed = this.games.service.find(game.gameId()).orElseThrow().round();
		assertThat(replayed.number()).isEqualTo(2);
		assertThat(replayed.token()).isEqualTo(second.token());
		assertThat(replayed.choices()).isEqualTo(second.choices());
		assertThat(replayed.endsAt()).isEqualTo(this.games.scheduler.now().plusSeconds(15));
		assertThat(this.games.service.answer(game.gameId(), 2, BOB, 1)).isInstanceOf(AnswerOutcome.AlreadyAnswered.class);
		assertThat(this.games.service.answer(game.gameId(), 2, ANN, this.games.correctChoice("c1")))
			.isEqualTo(new AnswerOutcome.Correct(2, 100, 200));

		this.games.scheduler.advance(Duration.ofMinutes(5));
		assertThat(this.games.events(GameEvent.RoundStarted.class)).extracting((e) -> e.round().number())
			.containsExactly(2, 3);
		assertThat(this.games.stores.players().find(ANN.id()).orElseThrow().totalScore()).isEqualTo(200);
		assertThat(this.games.stores.players().find(BOB.id()).orElseThrow().totalScore()).isEqualTo(67);
		assertThat(this.games.stores.gameStates().findAll()).isEmpty();
	}

	@Test
	void shouldResumeAGameBetweenRoundsAtTheNextRound() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(15));
		this.games.restart(Duration.ZERO);
		assertThat(this.games.service.find(game.gameId()).orElseThrow().lastRound().number()).isEqualTo(1);
		assertThat(this.games.nextRound(game.gameId()).number()).isEqualTo(2);
	}

	@Test
	void shouldKeepTheGamesNumberOfChoicesAcrossARestart() {
		StartOutcome outcome = this.games.service.start("c1", "guild-1", ANN, new GameOptions(3, null, null, 3));
		String gameId = ((StartOutcome.Started) outcome).game().gameId();
		assertThat(this.games.nextRound(gameId).choices()).hasSize(3);
		this.games.scheduler.advance(Duration.ofSeconds(15));
		this.games.restart(Duration.ZERO);
		assertThat(this.games.nextRound(gameId).choices()).hasSize(3);
	}

	@Test
	void shouldEndAGameOlderThanTheResumeWindowWithItsScoresSoFar() {
		GameView game = this.games.start("c1", ANN, 5, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		this.games.events.clear();

		this.games.restart(Duration.ofMinutes(11));
		this.games.scheduler.advance(Duration.ZERO);

		assertThat(this.games.events(GameEvent.GameResumed.class)).isEmpty();
		GameEvent.GameEnded ended = this.games.events(GameEvent.GameEnded.class).get(0);
		assertThat(ended.winners()).extracting(Standing::userId).containsExactly(ANN.id());
		PlayerStats ann = this.games.stores.players().find(ANN.id()).orElseThrow();
		assertThat(ann.totalGames()).isEqualTo(1);
		assertThat(ann.totalScore()).isEqualTo(100);
		assertThat(this.games.stores.gameStates().findAll()).isEmpty();

		this.games.restart(Duration.ZERO);
		this.games.scheduler.advance(Duration.ofMinutes(1));
		assertThat(this.games.stores.players().find(ANN.id()).orElseThrow().totalGames()).isEqualTo(1);
	}

	@Test
	void shouldRecordEachResultExactlyOnceWhenTheProcessDiesWhileRecording() {
		CrashingPlayers crashing = new CrashingPlayers(this.games.stores.players(), 1);
		this.games.service = this.games.newService(crashing, this.games.stores.gameStates());
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		int correct = this.games.correctChoice("c1");
		this.games.service.answer(game.gameId(), 1, ANN, correct);
		this.games.service.answer(game.gameId(), 1, BOB, correct);
		this.games.service.answer(game.gameId(), 1, CAT, this.games.wrongChoice("c1"));

		// Ann's result is written, then the process dies: Bob's and Cat's are not.
		this.games.scheduler.advance(Duration.ofSeconds(15));
		assertThat(crashing.recorded.get()).isEqualTo(1);
		assertThat(this.games.stores.players().find(BOB.id())).isEmpty();
		GameSnapshot saved = ((StoredGame.Resumable) this.games.stores.gameStates().find("c1").orElseThrow()).snapshot();
		assertThat(saved.phase()).isEqualTo("ENDING");

		this.games.restart(Duration.ZERO);
		this.games.scheduler.advance(Duration.ZERO);

		for (Player player : List.of(ANN, BOB, CAT)) {
			PlayerStats stats = this.games.stores.players().find(player.id()).orElseThrow();
			assertThat(stats.totalGames()).as(player.name()).isEqualTo(1);
			assertThat(stats.gamesHistory()).as(player.name()).hasSize(1);
			assertThat(this.games.stores.players().find("guild-1", player.id()).orElseThrow().totalGames()).isEqualTo(1);
		}
		assertThat(this.games.stores.players().find(ANN.id()).orElseThrow().totalWins()).isEqualTo(1);
		assertThat(this.games.stores.players().find(BOB.id()).orElseThrow().totalWins()).isEqualTo(1);
		assertThat(this.games.stores.players().find(CAT.id()).orElseThrow().totalWins()).isZero();
		assertThat(this.games.stores.gameStates().findAll()).isEmpty();
	}

	@ParameterizedTest(name = "the periods survive {0} writes")
	@ValueSource(ints = { 0, 1 })
	void shouldCountEachResultOnceInTheWeekAndMonthWhenTheProcessDiesWhileRecording(int survive) {
		{
			CrashingPeriods crashing = new CrashingPeriods(this.games.stores.periods(), survive);
			this.games.service = this.games.newService(GameTestSupport.PROPERTIES, this.games.stores.players(), crashing,
					this.games.stores.gameStates());
			GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
			this.games.nextRound(game.gameId());
			int correct = this.games.correctChoice("c1");
			this.games.service.answer(game.gameId(), 1, ANN, correct);
			this.games.service.answer(game.gameId(), 1, BOB, this.games.wrongChoice("c1"));

			// The all-time result of a player is written, then the process dies before (some of) the periods'.
			this.games.scheduler.advance(Duration.ofSeconds(15));
			assertThat(crashing.recorded.get()).isEqualTo(survive);
			assertThat(this.games.stores.players().find(BOB.id()).isPresent()).isEqualTo(survive == 1);
			this.games.restart(Duration.ZERO);
			this.games.scheduler.advance(Duration.ZERO);

			Instant ended = this.games.scheduler.now();
			for (Period period : List.of(Period.week(ended), Period.month(ended))) {
				for (String guild : new String[] { null, "guild-1" }) {
					for (Player player : List.of(ANN, BOB)) {
						PeriodStats stats = this.games.stores.periods()
							.standing(period, PeriodSort.TOTAL_GAMES, guild, player.id())
							.orElseThrow()
							.stats();
						assertThat(stats.totalGames()).as(survive + " " + period + " " + guild + " " + player.name())
							.isEqualTo(1);
						assertThat(stats.totalWins()).isEqualTo((player == ANN) ? 1 : 0);
					}
				}
			}
			assertThat(this.games.stores.players().find(ANN.id()).orElseThrow().totalGames()).isEqualTo(1);
			assertThat(this.games.stores.players().find(BOB.id()).orElseThrow().totalGames()).isEqualTo(1);
		}
	}

	/** Period boards whose process "dies" after {@code survive} results: every later write fails. */
	static final class CrashingPeriods implements PeriodBoards {

		private final PeriodBoards delegate;

		private final int survive;

		final AtomicInteger recorded = new AtomicInteger();

		CrashingPeriods(PeriodBoards delegate, int survive) {
			this.delegate = delegate;
			this.survive = survive;
		}

		@Override
		public void recordResult(GameResult result) {
			if (this.recorded.get() >= this.survive) {
				throw new StorageException("process killed (injected)");
			}
			this.delegate.recordResult(result);
			this.recorded.incrementAndGet();
		}

		@Override
		public void recordDaily(String userId, String username, String guildId, java.time.LocalDate day, long points,
				Instant at) {
			this.delegate.recordDaily(userId, username, guildId, day, points, at);
		}

		@Override
		public List<PeriodEntry> leaderboard(Period period, PeriodSort sort, int limit, String guildId) {
			return this.delegate.leaderboard(period, sort, limit, guildId);
		}

		@Override
		public Optional<PeriodEntry> standing(Period period, PeriodSort sort, String guildId, String userId) {
			return this.delegate.standing(period, sort, guildId, userId);
		}

	}

	@Test
	void shouldFinishAStoppedGameWithoutAWinAfterARestart() {
		CrashingPlayers crashing = new CrashingPlayers(this.games.stores.players(), 0);
		this.games.service = this.games.newService(crashing, this.games.stores.gameStates());
		GameView game = this.games.start("c1", ANN, 5, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		assertThat(this.games.service.stop("c1", ANN, false)).isInstanceOf(StopOutcome.Unavailable.class);

		this.games.restart(Duration.ZERO);
		this.games.scheduler.advance(Duration.ZERO);

		PlayerStats ann = this.games.stores.players().find(ANN.id()).orElseThrow();
		assertThat(ann.totalGames()).isEqualTo(1);
		assertThat(ann.totalWins()).isZero();
		assertThat(this.games.events(GameEvent.GameStopped.class)).hasSize(1);
	}

	@Test
	void shouldResumeOnlyTheGamesThisProcessOwnsAndLeaveTheOthersSaved() {
		GameOptions options = new GameOptions(3, Duration.ofSeconds(15), Duration.ofSeconds(5));
		GameView ours = ((StartOutcome.Started) this.games.service.start("c-ours", "guild-ours", ANN, options)).game();
		GameView theirs = ((StartOutcome.Started) this.games.service.start("c-theirs", "guild-theirs", BOB, options))
			.game();
		this.games.nextRound(ours.gameId());
		GameSnapshot theirsBefore = ((StoredGame.Resumable) this.games.stores.gameStates().find("c-theirs").orElseThrow())
			.snapshot();
		this.games.events.clear();

		this.games.restart(Duration.ofMinutes(1), (saved) -> "guild-ours".equals(saved.guildId()));
		this.games.scheduler.advance(Duration.ofMinutes(5));

		assertThat(this.games.events(GameEvent.GameResumed.class)).extracting((event) -> event.game().gameId())
			.containsExactly(ours.gameId());
		assertThat(this.games.service.find(theirs.gameId())).isEmpty();
		assertThat(this.games.stores.gameStates().find("c-theirs")).contains(new StoredGame.Resumable(theirsBefore));
		assertThat(this.games.stores.players().find(BOB.id())).isEmpty();
	}

	@Test
	void shouldResumeSavedGamesOnlyOnceTheAdaptersGatesAreOpen() throws Exception {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.restart(Duration.ofSeconds(30), (saved) -> false);
		this.games.events.clear();
		CountDownLatch shardsConnected = new CountDownLatch(1);
		CountDownLatch waiting = new CountDownLatch(1);
		ResumeGate discord = (max) -> {
			waiting.countDown();
			shardsConnected.await(max.toMillis(), TimeUnit.MILLISECONDS);
		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("discord", discord);
		try (ExecutorGameScheduler timers = new ExecutorGameScheduler(Clock.systemUTC(), 1)) {
			SmartLifecycle resumer = new GameConfiguration().savedGamesResumer(this.games.service, timers,
					beans.getBeanProvider(GameListener.class), beans.getBeanProvider(GameOwnership.class),
					beans.getBeanProvider(ResumeGate.class), beans.getBeanProvider(RoundGate.class));
			resumer.start();
			// Start-up goes on; the saved game waits inside the gate, so it cannot have resumed yet.
			assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(this.games.service.find(game.gameId())).isEmpty();
			shardsConnected.countDown();
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> this.games.service.find(game.gameId()).isPresent());
			assertThat(this.games.events(GameEvent.GameResumed.class)).hasSize(1);
			resumer.stop();
		}
	}

	@Test
	void shouldLeaveGameStatesOfOtherVersionsAlone() throws IOException {
		this.games.stores.close();
		// A state the original bot wrote, from before logs: no 'nta' member.
		Files.writeString(this.dataDir.resolve("game_state.json"), """
				{
				  "c-old": { "round": 3, "totalRounds": 20, "startedBy": "123", "scores": { "123": 50 },
				             "lastUpdated": "2026-11-27T09:59:00.000Z" }
				}
				""");
		Files.deleteIfExists(this.dataDir.resolve("logs/game_state.log"));
		this.games.stores = AppendLogStores.open(this.dataDir, LogOptions.defaults());
		this.games.service = this.games.newService(this.games.stores.players(), this.games.stores.gameStates());

		this.games.service.resumeSavedGames();
		this.games.scheduler.advance(Duration.ofHours(1));

		assertThat(this.games.events).isEmpty();
		assertThat(this.games.service.findByChannel("c-old")).isEmpty();
		Optional<StoredGame> kept = this.games.stores.gameStates().find("c-old");
		assertThat(kept).get().isInstanceOf(StoredGame.Unrecognised.class);
		assertThat(((StoredGame.Unrecognised) kept.get()).content()).containsEntry("totalRounds", 20);
		assertThat(this.games.stores.players().count()).isZero();
	}

	/** A player repository whose process "dies" after {@code survive} results: every later write fails. */
	static final class CrashingPlayers implements PlayerRepository {

		private final PlayerRepository delegate;

		private final int survive;

		final AtomicInteger recorded = new AtomicInteger();

		CrashingPlayers(PlayerRepository delegate, int survive) {
			this.delegate = delegate;
			this.survive = survive;
		}

		@Override
		public PlayerStats recordResult(GameResult result) {
			if (this.recorded.get() >= this.survive) {
				throw new StorageException("process killed (injected)");
			}
			PlayerStats stats = this.delegate.recordResult(result);
			this.recorded.incrementAndGet();
			return stats;
		}

		@Override
		public Optional<PlayerStats> find(String userId) {
			return this.delegate.find(userId);
		}

		@Override
		public Optional<PlayerStats> find(String guildId, String userId) {
			return this.delegate.find(guildId, userId);
		}

		@Override
		public List<LeaderboardEntry> leaderboard(LeaderboardSort sort, int limit, String guildId) {
			return this.delegate.leaderboard(sort, limit, guildId);
		}

		@Override
		public long count() {
			return this.delegate.count();
		}

	}

}
