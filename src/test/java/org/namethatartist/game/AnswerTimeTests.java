package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer scores by when the player gave it, not by when it was processed: a click that waited behind
 * others (or a slow store) keeps its points. The time is clamped to the round, so nobody scores from the
 * future or from before the round opened.
 */
class AnswerTimeTests extends GameTestCase {

	@Test
	void anAnswerProcessedLateScoresByWhenItWasGiven() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		RoundView round = this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(10));
		// Clicked 3 s into the round, processed 10 s in: 12 s left of 15 s, round(100 × 12 / 15) = 80.
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"),
				round.startedAt().plusSeconds(3))).isEqualTo(new AnswerOutcome.Correct(1, 80, 80));
	}

	@Test
	void aClickNearTheCloseKeepsThePointsOfItsOwnTime() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		RoundView round = this.games.nextRound(game.gameId());
		// Clicked 12 s in, processed 14 s in: 3 s left, not 1 s.
		this.games.scheduler.advance(Duration.ofSeconds(14));
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"),
				round.endsAt().minusSeconds(3))).isEqualTo(new AnswerOutcome.Correct(1, 20, 20));
	}

	@Test
	void theTimeIsClampedToTheRoundAndToNow() {
		GameView game = this.games.start("c1", ANN, 1, Duration.ofSeconds(15));
		RoundView round = this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(6));
		// Before the round opened (a clock out of step): full points, not more.
		assertThat(this.games.service.answer(game.gameId(), 1, ANN, this.games.correctChoice("c1"),
				round.startedAt().minusSeconds(30))).isEqualTo(new AnswerOutcome.Correct(1, 100, 100));
		// From the future: now, 9 s left of 15 s.
		assertThat(this.games.service.answer(game.gameId(), 1, BOB, this.games.correctChoice("c1"),
				Instant.parse("2100-01-01T00:00:00Z"))).isEqualTo(new AnswerOutcome.Correct(1, 60, 60));
	}

}
