package org.namethatartist.storage.postgres;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import java.nio.file.Path;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.NameThatArtistApplication;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bot processes on one database (two whole applications, each with its own connection pool and
 * Flyway run) record results for the same players at once, each game's results twice (a game's end
 * replayed by the other process): the totals are exact.
 */
class TwoProcessesTests {

	@TempDir
	Path dataDirs;

	@Test
	void twoApplicationsOnOneDatabaseNeverLoseOrDoubleAnUpdate() throws Exception {
		String url = TestDatabases.newDatabaseUrl();
		try (ConfigurableApplicationContext first = start(url, "first");
				ConfigurableApplicationContext second = start(url, "second")) {
			List<PlayerRepository> processes = List.of(first.getBean(PlayerRepository.class),
					second.getBean(PlayerRepository.class));
			assertThat(first.getBean(HikariDataSource.class)).isNotSameAs(second.getBean(HikariDataSource.class));
			int games = 400;
			ExecutorService threads = Executors.newFixedThreadPool(16);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int t = 0; t < 16; t++) {
					int thread = t;
					done.add(threads.submit(() -> {
						// Threads 0-7 are the first process, 8-15 the second; thread t and t + 8 record the same games.
						for (int game = thread; game < games; game += 8) {
							for (int p = 0; p < 5; p++) {
								processes.get(thread / 8)
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

	private ConfigurableApplicationContext start(String url, String name) {
		return new SpringApplicationBuilder(NameThatArtistApplication.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off"))
			.run("--storage.backend=postgres", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.hikari.maximum-pool-size=8", "--storage.data-dir=" + this.dataDirs.resolve(name),
					"--artwork.source=demo");
	}

}
