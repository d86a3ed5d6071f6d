package org.namethatartist.storage.postgres;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two "processes" (two repositories, each on its own connection pool) on one database record results for
 * the same players at once, some of them twice (a game's end replayed by the other process): the totals
 * are exact.
 */
class TwoProcessesTests {

	@Test
	void twoPoolsOnOneDatabaseNeverLoseOrDoubleAnUpdate() throws Exception {
		String url = TestDatabases.newDatabaseUrl();
		try (HikariDataSource first = TestDatabases.pool(url, 8); HikariDataSource second = TestDatabases.pool(url, 8)) {
			List<PlayerRepository> processes = List.of(PostgresStorage.open(first).players(),
					PostgresStorage.open(second).players());
			int games = 400;
			ExecutorService threads = Executors.newFixedThreadPool(16);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int t = 0; t < 16; t++) {
					int thread = t;
					done.add(threads.submit(() -> {
						// Each game is recorded by both processes; threads split the games between them.
						for (int game = thread; game < games; game += 8) {
							for (int p = 0; p < 5; p++) {
								processes.get(thread % 2)
									.recordResult(new GameResult("game-" + game, "p" + p, "P" + p, "guild-" + (game % 2),
											7, p == 0, 1, 2, Instant.EPOCH));
							}
						}
					}));
				}
				for (Future<?> future : done) {
					future.get(5, TimeUnit.MINUTES);
				}
			}
			finally {
				threads.shutdownNow();
			}
			for (PlayerRepository process : processes) {
				for (int p = 0; p < 5; p++) {
					PlayerStats stats = process.find("p" + p).orElseThrow();
					assertThat(stats.totalGames()).isEqualTo(games);
					assertThat(stats.totalScore()).isEqualTo(7L * games);
					assertThat(stats.totalAnswers()).isEqualTo(3 * games);
					assertThat(stats.totalWins()).isEqualTo((p == 0) ? games : 0);
					assertThat(process.find("guild-0", "p" + p).orElseThrow().totalGames()).isEqualTo(games / 2);
					assertThat(process.find("guild-1", "p" + p).orElseThrow().totalGames()).isEqualTo(games / 2);
				}
			}
		}
	}

}
