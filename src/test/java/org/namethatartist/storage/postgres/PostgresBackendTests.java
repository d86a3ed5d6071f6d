package org.namethatartist.storage.postgres;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.NameThatArtistApplication;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code storage.backend: postgres} starts the application on {@code spring.datasource.url}. */
class PostgresBackendTests {

	@TempDir
	Path dataDir;

	@Test
	void theApplicationStartsOnPostgresAndReportsItsHealth() {
		String url = TestDatabases.newDatabaseUrl();
		try (ConfigurableApplicationContext context = start(url)) {
			PlayerRepository players = context.getBean(PlayerRepository.class);
			assertThat(players).isInstanceOf(PostgresPlayerRepository.class);
			players.recordResult(new GameResult("g1", "u1", "Ann", "guild", 100, true, 2, 1, Instant.EPOCH));
			Health health = context.getBean("storageHealthContributor", HealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("schemaVersion", "8")
				.containsEntry("players", 1L)
				.containsEntry("guild_players", 1L)
				.containsEntry("results", 1L);
		}
		// A second start on the same database migrates nothing and finds the data.
		try (ConfigurableApplicationContext context = start(url)) {
			assertThat(context.getBean(PlayerRepository.class).find("u1")).hasValueSatisfying(
					(stats) -> assertThat(stats.totalScore()).isEqualTo(100));
		}
	}

	@Test
	void startUpImportsAnAppendLogDataDirectoryIntoAnEmptyDatabaseOnce(@TempDir Path legacy) {
		try (AppendLogStores stores = AppendLogStores.open(legacy, LogOptions.defaults())) {
			stores.players().recordResult(new GameResult("g1", "u1", "Ann", "guild", 100, true, 2, 1, Instant.EPOCH));
			stores.players().recordResult(new GameResult("g1", "u2", "Bob", "guild", 50, false, 1, 2, Instant.EPOCH));
		}
		String url = TestDatabases.newDatabaseUrl();
		for (int start = 0; start < 2; start++) {
			try (ConfigurableApplicationContext context = start(url, "--storage.postgres.import-from=" + legacy)) {
				PlayerRepository players = context.getBean(PlayerRepository.class);
				assertThat(players.count()).isEqualTo(2);
				assertThat(players.find("guild", "u2").orElseThrow().totalScore()).isEqualTo(50);
				assertThat(players.find("u1").orElseThrow().totalGames()).isEqualTo(1);
			}
		}
	}

	private ConfigurableApplicationContext start(String url, String... more) {
		List<String> args = new ArrayList<>(List.of("--storage.backend=postgres", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--storage.data-dir=" + this.dataDir, "--artwork.source=demo"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(NameThatArtistApplication.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off"))
			.run(args.toArray(String[]::new));
	}

}
