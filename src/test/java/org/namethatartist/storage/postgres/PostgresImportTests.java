package org.namethatartist.storage.postgres;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.game.StoredGame;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.FsyncPolicy;
import org.namethatartist.storage.log.LogOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy fixture (a data directory written by the original bot) imports exactly: every player and
 * per-server entry as the append log reads them, the game states untouched, the token document; twice
 * imports once.
 */
class PostgresImportTests {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final HikariDataSource pool = TestDatabases.newDatabase(4);

	@TempDir
	Path dataDir;

	private Path fixture;

	@BeforeEach
	void copyFixture() throws IOException, URISyntaxException {
		this.fixture = Path.of(getClass().getResource("/legacy-data").toURI());
		Path from = this.fixture.resolve("data");
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = this.dataDir.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
					target.toFile().setWritable(true);
				}
			}
		}
	}

	@AfterEach
	void close() {
		this.pool.close();
	}

	@Test
	void theLegacyFixtureImportsExactlyAndOnlyOnce() throws IOException {
		PostgresStorage storage = PostgresStorage.open(this.pool);
		PostgresImport.Report report = PostgresImport.importIfEmpty(storage, this.dataDir);
		assertThat(report.imported()).isTrue();
		assertThat(report.tokens()).isTrue();
		JsonNode expectedPlayers = this.mapper.readTree(this.fixture.resolve("expected-players.json").toFile());
		assertThat(storage.players().count()).isEqualTo(expectedPlayers.size()).isEqualTo(report.players());
		Map<String, PlayerStats> guildEntries = new LinkedHashMap<>();
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			stores.forEachPlayer((guildId, stats) -> {
				if (guildId == null) {
					assertThat(storage.players().find(stats.userId())).as(stats.userId()).contains(stats);
				}
				else {
					guildEntries.put(guildId + ":" + stats.userId(), stats);
					assertThat(storage.players().find(guildId, stats.userId())).as(guildId + ":" + stats.userId())
						.contains(stats);
				}
			});
		}
		assertThat(report.guildPlayers()).isEqualTo(guildEntries.size());
		Map<String, Object> states = new LinkedHashMap<>();
		for (StoredGame game : storage.gameStates().findAll()) {
			assertThat(game).isInstanceOf(StoredGame.Unrecognised.class);
			states.put(game.channelId(), ((StoredGame.Unrecognised) game).content());
		}
		assertThat((JsonNode) this.mapper.valueToTree(states))
			.isEqualTo(this.mapper.readTree(this.fixture.resolve("expected-game-states.json").toFile()));
		assertThat((JsonNode) this.mapper.valueToTree(storage.tokens().load().orElseThrow()))
			.isEqualTo(this.mapper.readTree(this.fixture.resolve("expected-tokens.json").toFile()));

		// A game already in a history is not counted again after the move.
		PlayerStats someone = storage.players().find(expectedPlayers.properties().iterator().next().getKey()).orElseThrow();
		GameHistoryEntry counted = someone.gamesHistory().stream()
			.filter((game) -> game.gameId() != null)
			.findFirst()
			.orElse(null);
		if (counted != null) {
			assertThat(storage.players()
				.recordResult(new GameResult(counted.gameId(), someone.userId(), "x", null, 999, true, 1, 0, Instant.EPOCH)))
				.isEqualTo(someone);
		}

		PostgresImport.Report again = PostgresImport.importIfEmpty(PostgresStorage.open(this.pool), this.dataDir);
		assertThat(again.imported()).isFalse();
		assertThat(storage.players().count()).isEqualTo(expectedPlayers.size());
	}

	@Test
	void theServersSettingsAreImportedWithTheRest(@TempDir Path withSettings) {
		try (AppendLogStores stores = AppendLogStores.open(withSettings, LogOptions.defaults())) {
			stores.players().recordResult(new GameResult("g1", "u1", "Player 1", "guild-a", 3, true, 1, 1, Instant.EPOCH));
			stores.guildSettings().put("guild-a", "rounds", "7");
			stores.guildSettings().put("guild-a", "choices", "5");
			stores.guildSettings().put("guild-b", "channels", "123,456");
			stores.guildSettings().put("guild-c", "rounds", "9");
			stores.guildSettings().remove("guild-c", "rounds");
		}
		PostgresStorage storage = PostgresStorage.open(this.pool);
		PostgresImport.Report report = PostgresImport.importIfEmpty(storage, withSettings);
		assertThat(report.imported()).isTrue();
		assertThat(report.guildSettings()).isEqualTo(2);
		assertThat(storage.guildSettings().find("guild-a")).isEqualTo(Map.of("rounds", "7", "choices", "5"));
		assertThat(storage.guildSettings().find("guild-b")).isEqualTo(Map.of("channels", "123,456"));
		assertThat(storage.guildSettings().find("guild-c")).isEmpty();
		assertThat(storage.jdbc().sql("SELECT count(*) FROM guild_settings").query(Long.class).single()).isEqualTo(3L);

		// Imported once: settings changed after the move are not overwritten by a second start.
		storage.guildSettings().put("guild-a", "rounds", "12");
		assertThat(PostgresImport.importIfEmpty(storage, withSettings).imported()).isFalse();
		assertThat(storage.guildSettings().find("guild-a")).containsEntry("rounds", "12");
	}

	@Test
	void theWeekAndMonthBoardsAreImportedAndWhatTheyCountedCountsOnce(@TempDir Path withBoards) {
		Instant wednesday = Instant.parse("2026-12-02T12:00:00Z");
		GameResult annWins = new GameResult("g1", "u-ann", "Ann", "guild-a", 120, true, 3, 1, wednesday);
		try (AppendLogStores stores = AppendLogStores.open(withBoards, LogOptions.defaults())) {
			stores.players().recordResult(annWins);
			stores.periods().recordResult(annWins);
			stores.periods().recordResult(new GameResult("g1", "u-bob", "Bob", "guild-a", 40, false, 1, 3, wednesday));
			stores.periods().recordDaily("u-ann", "Ann", null, java.time.LocalDate.parse("2026-12-01"), 300, wednesday);
		}
		PostgresStorage storage = PostgresStorage.open(this.pool);
		PostgresImport.Report report = PostgresImport.importIfEmpty(storage, withBoards);
		// Ann and Bob, each in the week and the month, globally and on guild-a: 8 entries.
		assertThat(report.periodEntries()).isEqualTo(8);
		org.namethatartist.player.Period week = org.namethatartist.player.Period.week(wednesday);
		assertThat(storage.periods().leaderboard(week, org.namethatartist.player.PeriodSort.TOTAL_SCORE, 10, "guild-a"))
			.extracting((entry) -> entry.stats().userId() + "=" + entry.stats().totalScore())
			.containsExactly("u-ann=120", "u-bob=40");
		assertThat(storage.periods().leaderboard(week, org.namethatartist.player.PeriodSort.DAILY_SCORE, 10, null))
			.extracting((entry) -> entry.stats().userId() + "=" + entry.stats().dailyScore())
			.startsWith("u-ann=300");
		// The same game recorded again after the move (a restart while recording), and the same day: nothing doubles.
		storage.periods().recordResult(annWins);
		storage.periods().recordDaily("u-ann", "Ann", null, java.time.LocalDate.parse("2026-12-01"), 300, wednesday);
		assertThat(storage.periods().standing(week, org.namethatartist.player.PeriodSort.TOTAL_SCORE, "guild-a", "u-ann"))
			.hasValueSatisfying((entry) -> assertThat(entry.stats().totalScore()).isEqualTo(120));
		assertThat(storage.periods().standing(week, org.namethatartist.player.PeriodSort.DAILY_SCORE, null, "u-ann"))
			.hasValueSatisfying((entry) -> assertThat(entry.stats().dailyScore()).isEqualTo(300));
	}

	@Test
	void aDirectoryLargerThanABatchImportsEveryRowAndEveryCountedGame(@TempDir Path large) {
		int players = PostgresImport.BATCH * 2 + 17;
		try (AppendLogStores stores = AppendLogStores.open(large, LogOptions.defaults().withFsync(FsyncPolicy.NEVER))) {
			for (int p = 0; p < players; p++) {
				for (int game = 0; game < 3; game++) {
					stores.players().recordResult(new GameResult("g" + game + "-" + (p % 7), "u" + p, "Player " + p,
							"guild-" + (p % 3), p + game, game == 1, game, 1, Instant.EPOCH.plusSeconds(p)));
				}
			}
		}
		PostgresStorage storage = PostgresStorage.open(this.pool);
		PostgresImport.Report report = PostgresImport.importIfEmpty(storage, large);
		assertThat(report.players()).isEqualTo(players);
		assertThat(report.guildPlayers()).isEqualTo(players);
		try (AppendLogStores stores = AppendLogStores.open(large, LogOptions.defaults())) {
			stores.forEachPlayer((guildId, stats) -> assertThat(
					(guildId == null) ? storage.players().find(stats.userId()) : storage.players().find(guildId, stats.userId()))
				.as(guildId + ":" + stats.userId())
				.contains(stats));
		}
		// 3 games per player were counted, globally and on the player's server: none counts again.
		assertThat(storage.jdbc().sql("SELECT count(*) FROM results").query(Long.class).single()).isEqualTo(3L * players);
		PlayerStats last = storage.players().find("u" + (players - 1)).orElseThrow();
		assertThat(storage.players()
			.recordResult(new GameResult("g2-" + ((players - 1) % 7), last.userId(), "x", "guild-" + ((players - 1) % 3),
					999, true, 1, 0, Instant.EPOCH)))
			.isEqualTo(last);
	}

}
