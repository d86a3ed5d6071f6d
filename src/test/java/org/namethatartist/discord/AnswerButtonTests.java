package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Duration;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.discord.DiscordTester.Kind;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;
import org.namethatartist.game.RoundView;

import static org.assertj.core.api.Assertions.assertThat;

/** A click on an answer button in every state of a game, against a real game service; always private. */
class AnswerButtonTests {

	private static final Player ANN = new Player("301", "Ann");

	@TempDir
	Path dataDir;

	private TestGames games;

	private AnswerButton buttons;

	private final DiscordTester discord = new DiscordTester();

	private GameView game;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.buttons = new AnswerButton(this.games.service);
		this.game = this.games.start(DiscordTester.CHANNEL, ANN, 2);
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void beforeTheFirstRoundOpens() {
		assertThat(click(1, 1, "Bob")).isEqualTo("⏰ Round 1 is not open for answers (any more); wait for the next artwork.");
	}

	@Test
	void aRightAnswerScoresByTheTimeLeft() {
		RoundView round = this.games.nextRound(this.game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(3));
		// 12 s left of 15 s: 80 points.
		assertThat(click(1, TestGames.rightChoice(round), "Ann")).isEqualTo("✅ Right! +80 points (your score in this game: 80).");
	}

	@Test
	void aClickScoresByWhenItWasMadeNotWhenItIsHandled() {
		RoundView round = this.games.nextRound(this.game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(9));
		// Clicked 3 s into the round, handled 9 s in (behind other clicks and a slow store): 80 points, not 40.
		Interaction<ButtonInteractionEvent> click = this.discord
			.button(AnswerButton.id(this.game.gameId(), 1, TestGames.rightChoice(round)))
			.by("301", "Ann")
			.at(round.startedAt().plusSeconds(3))
			.build();
		this.buttons.handle(click.event);
		assertThat(click.answer().text()).isEqualTo("✅ Right! +80 points (your score in this game: 80).");
	}

	@Test
	void aWrongAnswerSaysSoWithoutGivingTheAnswerAway() {
		RoundView round = this.games.nextRound(this.game.gameId());
		assertThat(click(1, TestGames.wrongChoice(round), "Ann"))
			.isEqualTo("❌ Not this one. The answer comes when the round ends (your score in this game: 0).");
	}

	@Test
	void oneAnswerPerPlayerPerRound() {
		RoundView round = this.games.nextRound(this.game.gameId());
		int wrong = TestGames.wrongChoice(round);
		click(1, wrong, "Ann");
		assertThat(click(1, TestGames.rightChoice(round), "Ann")).isEqualTo("You already answered round 1 ("
				+ Text.keycap(wrong) + "); one answer per round.");
	}

	@Test
	void afterTheRoundEndsAndBetweenRounds() {
		this.games.nextRound(this.game.gameId());
		this.games.endRound(this.game.gameId());
		assertThat(click(1, 1, "Ann")).startsWith("⏰ Round 1 is not open");
		this.games.nextRound(this.game.gameId());
		// Round 1's buttons are still on its message while round 2 is open.
		assertThat(click(1, 1, "Ann")).startsWith("⏰ Round 1 is not open");
	}

	@Test
	void afterTheGameIsOver() {
		this.games.nextRound(this.game.gameId());
		this.games.endRound(this.game.gameId());
		this.games.nextRound(this.game.gameId());
		this.games.endRound(this.game.gameId());
		assertThat(this.games.service.find(this.game.gameId()).orElseThrow().status().name()).isEqualTo("OVER");
		assertThat(click(2, 1, "Ann")).isEqualTo("This game is over. Start a new one with /namethatartist.");
	}

	@Test
	void aGameThatIsNotRunning() {
		Interaction<ButtonInteractionEvent> click = this.discord.button(AnswerButton.id("unknowngame1", 1, 1)).build();
		this.buttons.handle(click.event);
		assertThat(click.answer().text()).isEqualTo("This game is over. Start a new one with /namethatartist.");
	}

	@Test
	void aButtonBeyondTheRoundsChoices() {
		this.games.nextRound(this.game.gameId());
		assertThat(click(1, 9, "Ann")).isEqualTo("Button 9 is not one of this round's 4 choices.");
	}

	@Test
	void anAnswerThatCannotBeSavedDoesNotCount() {
		RoundView round = this.games.nextRound(this.game.gameId());
		this.games.states.broken = true;
		assertThat(click(1, TestGames.rightChoice(round), "Ann"))
			.isEqualTo("⚠️ Your answer could not be saved, so it does not count (a storage error, logged for the "
					+ "bot's admins).");
		this.games.states.broken = false;
		assertThat(click(1, TestGames.rightChoice(round), "Ann")).startsWith("✅ Right!");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nta:answer:", "nta:answer:abc", "nta:answer:abc:1", "nta:answer:abc:0:1",
			"nta:answer:abc:1:0", "nta:answer:abc:1:x", "nta:answer:abc:1:2:3", "nta:answer:a b:1:2" })
	void aMalformedIdGetsAClearPrivateAnswerAndChangesNothing(String id) {
		this.games.nextRound(this.game.gameId());
		Interaction<ButtonInteractionEvent> click = this.discord.button(id).build();
		this.buttons.handle(click.event);
		assertThat(click.privately()).isTrue();
		assertThat(click.answer().text()).startsWith("This button's id (").endsWith(") is not one I made, so it answers nothing.");
		assertThat(this.games.service.find(this.game.gameId()).orElseThrow().scores()).isEmpty();
	}

	@Test
	void idsRoundTrip() {
		assertThat(AnswerButton.id("k3xq9", 12, 4)).isEqualTo("nta:answer:k3xq9:12:4");
		assertThat(AnswerButton.parse("nta:answer:k3xq9:12:4")).contains(new AnswerButton.Target("k3xq9", 12, 4));
	}

	/** Clicks button {@code choice} of round {@code round}; returns the private answer. */
	private String click(int round, int choice, String name) {
		String userId = name.equals("Ann") ? "301" : "302";
		Interaction<ButtonInteractionEvent> click = this.discord.button(AnswerButton.id(this.game.gameId(), round, choice))
			.by(userId, name)
			.build();
		this.buttons.handle(click.event);
		// Acknowledged (privately) before the answer is saved, then answered through the hook.
		assertThat(click.sent.get(0).kind).isEqualTo(Kind.DEFER);
		assertThat(click.sent.get(0).ephemeral).isTrue();
		assertThat(click.privately()).isTrue();
		return click.answer().text();
	}

}
