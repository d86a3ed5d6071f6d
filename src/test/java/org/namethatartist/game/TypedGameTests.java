package org.namethatartist.game;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.Difficulty;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed answers and game options through the game service, on real stores, time moved by hand. */
class TypedGameTests extends GameTestCase {

	private GameView startTyped(String channel, Difficulty difficulty) {
		StartOutcome outcome = this.games.service.start(channel, "guild-1", ANN,
				new GameOptions(2, Duration.ofSeconds(20), Duration.ofSeconds(5), difficulty, AnswerMode.TYPED));
		assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
		return ((StartOutcome.Started) outcome).game();
	}

	private String rightName(String channel) {
		StoredGame stored = this.games.stores.gameStates().find(channel).orElseThrow();
		GameSnapshot.RoundSnapshot round = ((StoredGame.Resumable) stored).snapshot().currentRound();
		String address = round.choices().get(round.correctChoice() - 1);
		return GameTestSupport.catalog().displayName(address);
	}

	@Test
	void shouldScoreARightTypedAnswerWithTheMultiplier() {
		GameView game = startTyped("c1", Difficulty.HARD);
		this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(5));
		TypedAnswer answer = this.games.service.answerText(game.gameId(), 1, ANN, rightName("c1").toUpperCase());
		// 15 s left of 20: round(100 × 15 / 20) = 75 with buttons; typed: round(1.5 × 75) = 113.
		assertThat(answer.outcome()).isEqualTo(new AnswerOutcome.Correct(1, 113, 113));
		assertThat(answer.match().kind()).isEqualTo(AnswerMatcher.Kind.EXACT);
	}

	@Test
	void shouldTakeACloseAnswerAndRefuseAWrongOne() {
		GameView game = startTyped("c1", Difficulty.NORMAL);
		this.games.nextRound(game.gameId());
		String name = rightName("c1");
		// "Artst 3" for "Artist 3": one letter missing, and two edits from every other "Artist n".
		String typo = name.replace("Artist", "Artst");
		TypedAnswer close = this.games.service.answerText(game.gameId(), 1, ANN, typo);
		assertThat(close.outcome()).isInstanceOf(AnswerOutcome.Correct.class);
		assertThat(close.match()).isEqualTo(new AnswerMatcher.Match(AnswerMatcher.Kind.CLOSE, typo, name));
		String other = name.endsWith("0") ? "Artist 1" : "Artist 0";
		TypedAnswer wrong = this.games.service.answerText(game.gameId(), 1, BOB, other);
		assertThat(wrong.outcome()).isEqualTo(new AnswerOutcome.Wrong(1, 0));
		assertThat(wrong.match().kind()).isEqualTo(AnswerMatcher.Kind.NONE);
	}

	@Test
	void aTypedAnswerKeepsWhereTheRoundIsShownSoThatARestartTurnsItsButtonOff() {
		GameView game = startTyped("c1", Difficulty.EASY);
		this.games.nextRound(game.gameId());
		this.games.service.roundShown(game.gameId(), 1, "message-1");
		this.games.service.answerText(game.gameId(), 1, ANN, rightName("c1"));
		StoredGame stored = this.games.stores.gameStates().find("c1").orElseThrow();
		GameSnapshot.RoundSnapshot round = ((StoredGame.Resumable) stored).snapshot().currentRound();
		assertThat(round.answers()).containsKey(ANN.id());
		assertThat(round.messageId()).isEqualTo("message-1");
	}

	@Test
	void shouldAcceptOneTypedAnswerPerPlayerPerRound() {
		GameView game = startTyped("c1", Difficulty.EASY);
		this.games.nextRound(game.gameId());
		assertThat(this.games.service.answerText(game.gameId(), 1, ANN, "nobody").outcome())
			.isInstanceOf(AnswerOutcome.Wrong.class);
		assertThat(this.games.service.answerText(game.gameId(), 1, ANN, rightName("c1")).outcome())
			.isEqualTo(new AnswerOutcome.AlreadyAnswered(1, 0));
	}

	@Test
	void shouldAcceptAnAliasGivenToTheService() {
		GameView game = startTyped("c1", Difficulty.NORMAL);
		this.games.nextRound(game.gameId());
		StoredGame stored = this.games.stores.gameStates().find("c1").orElseThrow();
		GameSnapshot.RoundSnapshot round = ((StoredGame.Resumable) stored).snapshot().currentRound();
		this.games.service.useAliases(Map.of(round.choices().get(round.correctChoice() - 1), List.of("The Nickname")));
		TypedAnswer answer = this.games.service.answerText(game.gameId(), 1, ANN, "nickname");
		assertThat(answer.match()).isEqualTo(new AnswerMatcher.Match(AnswerMatcher.Kind.EXACT, "nickname", "The Nickname"));
	}

	@Test
	void shouldRefuseTextInAButtonsGameAndAnswerNothingElse() {
		GameView game = this.games.start("c1", ANN, 2, Duration.ofSeconds(15));
		this.games.nextRound(game.gameId());
		TypedAnswer answer = this.games.service.answerText(game.gameId(), 1, ANN, "Artist 1");
		assertThat(answer.outcome()).isEqualTo(new AnswerOutcome.InvalidChoice(0, 0));
		assertThat(answer.match()).isNull();
		assertThat(this.games.service.find(game.gameId()).orElseThrow().scores()).isEmpty();
	}

	@Test
	void shouldKeepTheOptionsAcrossARestartAndDefaultThem() {
		GameView typed = startTyped("c1", Difficulty.HARD);
		GameView plain = this.games.start("c2", BOB, 2, Duration.ofSeconds(15));
		assertThat(this.games.service.settings(plain.gameId()).orElseThrow())
			.extracting(GameOptions::difficulty, GameOptions::answers)
			.containsExactly(Difficulty.NORMAL, AnswerMode.BUTTONS);
		this.games.nextRound(typed.gameId());
		this.games.restart(Duration.ofSeconds(1));
		assertThat(this.games.service.settings(typed.gameId()).orElseThrow())
			.extracting(GameOptions::difficulty, GameOptions::answers)
			.containsExactly(Difficulty.HARD, AnswerMode.TYPED);
		// The interrupted round is played again after the start delay.
		GameView resuming = this.games.service.find(typed.gameId()).orElseThrow();
		this.games.scheduler.advance(Duration.between(this.games.scheduler.now(), resuming.phaseEndsAt()));
		assertThat(this.games.service.find(typed.gameId()).orElseThrow().status()).isEqualTo(GameStatus.ROUND);
		assertThat(this.games.service.answerText(typed.gameId(), null, CAT, rightName("c1")).outcome())
			.isInstanceOf(AnswerOutcome.Correct.class);
	}

}
