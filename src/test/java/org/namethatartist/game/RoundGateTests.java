package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round does not open while a gate says its players cannot see it (Discord while the channel's shard
 * reconnects): the game waits, the round then opens with its full time, and a game held too long stops
 * with its scores recorded. Time is moved by hand.
 */
class RoundGateTests extends GameTestCase {

	private final AtomicReference<String> reason = new AtomicReference<>();

	@BeforeEach
	void gate() {
		this.games.service.addRoundGate((game) -> Optional.ofNullable(this.reason.get()));
	}

	@Test
	void aHeldRoundOpensWhenTheGateLetsItWithItsFullTime() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.reason.set("shard 0 is RECONNECT_QUEUED");
		this.games.scheduler.advance(Duration.ofSeconds(3));
		this.games.scheduler.advance(Duration.ofSeconds(30));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().round()).isNull();
		assertThat(this.games.events(GameEvent.RoundStarted.class)).isEmpty();
		assertThat(this.games.service.held()).singleElement().satisfies((held) -> {
			assertThat(held.gameId()).isEqualTo(game.gameId());
			assertThat(held.round()).isEqualTo(1);
			assertThat(held.reason()).isEqualTo("shard 0 is RECONNECT_QUEUED");
			assertThat(held.since()).isEqualTo(GameTestSupport.T0.plusSeconds(3));
		});

		this.reason.set(null);
		Instant released = this.games.scheduler.now();
		this.games.scheduler.advance(GameService.HOLD_CHECK);
		RoundView round = this.games.service.find(game.gameId()).orElseThrow().round();
		assertThat(round.number()).isEqualTo(1);
		assertThat(Duration.between(round.startedAt(), round.endsAt())).isEqualTo(Duration.ofSeconds(15));
		assertThat(round.startedAt()).isAfter(released).isBeforeOrEqualTo(this.games.scheduler.now());
		assertThat(this.games.service.held()).isEmpty();
		assertThat(this.games.events(GameEvent.RoundStarted.class)).hasSize(1);
	}

	@Test
	void aRoundAlreadyOpenRunsOnAndTheNextOneIsHeld() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		this.reason.set("shard 0 is DISCONNECTED");
		// The open round closes on time; the pause ends; round 2 waits.
		this.games.scheduler.advance(Duration.ofSeconds(15 + 5 + 10));
		GameView now = this.games.service.find(game.gameId()).orElseThrow();
		assertThat(now.roundNumber()).isEqualTo(1);
		assertThat(this.games.events(GameEvent.RoundEnded.class)).hasSize(1);
		assertThat(this.games.service.held()).singleElement().extracting(HeldGame::round).isEqualTo(2);
	}

	@Test
	void aGameHeldLongerThanTheLimitStopsWithItsScoresRecorded() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"));
		this.reason.set("shard 0 is DISCONNECTED");
		this.games.scheduler.advance(Duration.ofSeconds(20));
		this.games.scheduler.advance(RoundGate.MAX_HOLD.minusSeconds(5));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isNotEqualTo(GameStatus.OVER);

		this.games.scheduler.advance(Duration.ofSeconds(10));
		assertThat(this.games.service.find(game.gameId()).orElseThrow().status()).isEqualTo(GameStatus.OVER);
		assertThat(this.games.events(GameEvent.GameStopped.class)).hasSize(1);
		assertThat(this.games.service.held()).isEmpty();
		assertThat(this.games.stores.players().find(ANN.id())).hasValueSatisfying(
				(stats) -> assertThat(stats.totalScore()).isPositive());
		assertThat(this.games.stores.gameStates().find("c1")).isEmpty();
	}

	@Test
	void aResumedGameWaitsForTheGateToo() {
		GameView game = this.games.start("c1", ANN, 3, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		this.games.restart(Duration.ofSeconds(30));
		this.games.service.addRoundGate((view) -> Optional.ofNullable(this.reason.get()));
		this.reason.set("shard 0 is CONNECTING_TO_WEBSOCKET");
		this.games.scheduler.advance(Duration.ofSeconds(20));
		assertThat(this.games.service.held()).singleElement().extracting(HeldGame::round).isEqualTo(1);
		this.reason.set(null);
		Instant released = this.games.scheduler.now();
		this.games.scheduler.advance(GameService.HOLD_CHECK);
		RoundView round = this.games.service.find(game.gameId()).orElseThrow().round();
		assertThat(round.number()).isEqualTo(1);
		// Reopened at the first check after the release, with its full time.
		assertThat(round.startedAt()).isAfter(released).isBeforeOrEqualTo(this.games.scheduler.now());
		assertThat(Duration.between(round.startedAt(), round.endsAt())).isEqualTo(Duration.ofSeconds(15));
	}

}
