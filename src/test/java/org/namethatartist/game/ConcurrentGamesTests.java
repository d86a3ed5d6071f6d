package org.namethatartist.game;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.log.FsyncPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand games at once, sharing players, answered from eight threads while time moves and rounds
 * close under them: every accepted answer counts once, every refused one not at all.
 */
class ConcurrentGamesTests {

	private static final int GAMES = 1000;

	private static final int PLAYERS = 60;

	private static final int PLAYERS_PER_GAME = 3;

	private static final int ROUNDS = 5;

	@TempDir
	Path dataDir;

	@Test
	void shouldRunAThousandConcurrentGamesAndCountEveryAcceptedAnswerOnce() throws Exception {
		// The disk is not what this test is about; fsync: never keeps it fast on a shared machine.
		try (GameTestSupport games = new GameTestSupport(this.dataDir, FsyncPolicy.NEVER)) {
			Random random = new Random(42);
			List<String> gameIds = new ArrayList<>();
			Map<String, List<Player>> playersOf = new HashMap<>();
			for (int g = 0; g < GAMES; g++) {
				GameView game = games.start("channel-" + g, new Player("starter", "Starter"), ROUNDS,
						Duration.ofSeconds(15));
				gameIds.add(game.gameId());
				List<Player> players = new ArrayList<>();
				while (players.size() < PLAYERS_PER_GAME) {
					int p = random.nextInt(PLAYERS);
					Player player = new Player("u" + p, "Player " + p);
					if (!players.contains(player)) {
						players.add(player);
					}
				}
				playersOf.put(game.gameId(), players);
			}
			assertThat(games.service.running()).isEqualTo(GAMES);

			Map<String, LongAdder> acceptedPoints = new ConcurrentHashMap<>();
			Map<String, Map<String, Integer>> gameScores = new ConcurrentHashMap<>();
			AtomicInteger accepted = new AtomicInteger();
			AtomicInteger refused = new AtomicInteger();
			ExecutorService answerers = Executors.newFixedThreadPool(8);
			try {
				games.scheduler.advance(Duration.ofSeconds(3));
				for (int round = 1; round <= ROUNDS; round++) {
					int number = round;
					List<Future<?>> answers = new ArrayList<>();
					for (String gameId : gameIds) {
						for (Player player : playersOf.get(gameId)) {
							int choice = 1 + Math.floorMod((gameId + player.id() + number).hashCode(), 4);
							answers.add(answerers.submit(() -> {
								AnswerOutcome outcome = games.service.answer(gameId, number, player, choice);
								int points;
								if (outcome instanceof AnswerOutcome.Correct correct) {
									points = correct.points();
								}
								else if (outcome instanceof AnswerOutcome.Wrong) {
									points = 0;
								}
								else {
									assertThat(outcome).isEqualTo(new AnswerOutcome.RoundOver(number));
									refused.incrementAndGet();
									return;
								}
								accepted.incrementAndGet();
								acceptedPoints.computeIfAbsent(player.id(), (id) -> new LongAdder()).add(points);
								gameScores.computeIfAbsent(gameId, (id) -> new ConcurrentHashMap<>())
									.merge(player.id(), points, Integer::sum);
							}));
						}
					}
					// Half the answers at full points, most of the rest later in the round, and the last ones race
					// the rounds closing under them.
					awaitDone(answers, 0.5);
					games.scheduler.advance(Duration.ofSeconds(7));
					awaitDone(answers, 0.9);
					for (int second = 7; second < 20; second++) {
						games.scheduler.advance(Duration.ofSeconds(1));
					}
					for (Future<?> answer : answers) {
						answer.get(60, TimeUnit.SECONDS);
					}
				}
			}
			finally {
				answerers.shutdown();
			}
			games.scheduler.advance(Duration.ofMinutes(1));

			assertThat(games.service.running()).isZero();
			assertThat(games.scheduler.pending()).isZero();
			assertThat(games.stores.gameStates().findAll()).isEmpty();
			assertThat(accepted.get()).isGreaterThan(GAMES * PLAYERS_PER_GAME);
			assertThat(accepted.get() + refused.get()).isEqualTo(GAMES * PLAYERS_PER_GAME * ROUNDS);
			assertThat(games.events(GameEvent.GameEnded.class)).hasSize(GAMES);
			assertThat(games.events(GameEvent.RoundStarted.class)).hasSize(GAMES * ROUNDS);

			Map<String, Integer> expectedGames = new HashMap<>();
			Map<String, Integer> expectedWins = new HashMap<>();
			for (String gameId : gameIds) {
				Map<String, Integer> scores = gameScores.getOrDefault(gameId, Map.of());
				int top = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
				scores.forEach((player, score) -> {
					expectedGames.merge(player, 1, Integer::sum);
					expectedWins.merge(player, (top > 0 && score == top) ? 1 : 0, Integer::sum);
				});
			}
			assertThat(refused.get()).isLessThan(GAMES * PLAYERS_PER_GAME * ROUNDS / 5);
			for (int p = 0; p < PLAYERS; p++) {
				String id = "u" + p;
				PlayerStats stats = games.stores.players().find(id).orElse(null);
				if (!expectedGames.containsKey(id)) {
					assertThat(stats).isNull();
					continue;
				}
				assertThat(stats.totalScore()).as(id).isEqualTo(acceptedPoints.get(id).sum());
				assertThat(stats.totalGames()).as(id).isEqualTo(expectedGames.get(id));
				assertThat(stats.totalWins()).as(id).isEqualTo(expectedWins.get(id));
			}
		}
	}

	private static void awaitDone(List<Future<?>> tasks, double fraction) {
		org.awaitility.Awaitility.await("answers to complete").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(1))
			.until(() -> tasks.stream().filter(Future::isDone).count() >= tasks.size() * fraction);
	}

}
