package org.namethatartist.game;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.NameThatArtistApplication;
import org.namethatartist.player.PlayerRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application stopped in the middle of a game and started again on the same data directory:
 * the game comes back with its scores, announced to the listening adapters, and plays on.
 */
class GameResumeAcrossContextsTests {

	private static final Player ANN = new Player("u-ann", "Ann");

	@TempDir
	Path dataDir;

	@Test
	void shouldResumeAGameAfterTheApplicationRestarts() throws Exception {
		String gameId;
		try (ConfigurableApplicationContext first = start()) {
			GameService games = first.getBean(GameService.class);
			StartOutcome started = games.start("channel-1", "guild-1", ANN,
					new GameOptions(5, Duration.ofSeconds(30), Duration.ofSeconds(5)));
			gameId = ((StartOutcome.Started) started).game().gameId();
			await(() -> games.find(gameId).orElseThrow().status() == GameStatus.ROUND);
			int correct = ((StoredGame.Resumable) first.getBean(GameStateRepository.class).find("channel-1").orElseThrow())
				.snapshot()
				.currentRound()
				.correctChoice();
			assertThat(games.answer(gameId, 1, ANN, correct)).isInstanceOf(AnswerOutcome.Correct.class);
		}

		try (ConfigurableApplicationContext second = start()) {
			GameService games = second.getBean(GameService.class);
			Recorder recorder = second.getBean(Recorder.class);
			assertThat(recorder.events).first().isInstanceOf(GameEvent.GameResumed.class);
			GameView resumed = games.findByChannel("channel-1").orElseThrow();
			assertThat(resumed.gameId()).isEqualTo(gameId);
			assertThat(resumed.scores()).singleElement().satisfies((standing) -> {
				assertThat(standing.userId()).isEqualTo(ANN.id());
				assertThat(standing.score()).isGreaterThan(90);
			});
			await(() -> games.find(gameId).orElseThrow().status() == GameStatus.ROUND);
			assertThat(games.find(gameId).orElseThrow().round().number()).isEqualTo(1);
			assertThat(games.answer(gameId, 1, ANN, 1)).isInstanceOf(AnswerOutcome.AlreadyAnswered.class);

			assertThat(games.stop("channel-1", ANN, false)).isInstanceOf(StopOutcome.Stopped.class);
			int score = resumed.scores().get(0).score();
			assertThat(second.getBean(PlayerRepository.class).find(ANN.id()).orElseThrow().totalScore()).isEqualTo(score);
			assertThat(second.getBean(GameStateRepository.class).findAll()).isEmpty();
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(NameThatArtistApplication.class, Recorder.class)
			.web(WebApplicationType.NONE)
			.run("--storage.data-dir=" + this.dataDir, "--spring.main.banner-mode=off", "--artwork.source=demo",
					"--game.start-delay=0s");
	}

	private static void await(Supplier<Boolean> condition) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
			.until(condition::get);
	}

	/** An adapter stand-in: a {@link GameListener} bean, subscribed before saved games resume. */
	@Configuration(proxyBeanMethods = false)
	static class Recorder implements GameListener {

		final List<GameEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onEvent(GameEvent event) {
			this.events.add(event);
		}
	}

}
