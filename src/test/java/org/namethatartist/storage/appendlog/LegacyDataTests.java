package org.namethatartist.storage.appendlog;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.game.StoredGame;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.log.LogOptions;
import org.namethatartist.storage.log.RecoveryReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written by the original bot (logs with a CHECKPOINT, legacy lines without CRC,
 * backups, JSON files) loads exactly as the original reads it back ({@code expected-*.json}).
 */
class LegacyDataTests {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	private Path expected;

	@BeforeEach
	void copyFixture() throws IOException, URISyntaxException {
		this.expected = Path.of(getClass().getResource("/legacy-data").toURI());
		copyTree(this.expected.resolve("data"), this.dataDir);
	}

	static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
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

	private JsonNode expected(String name) throws IOException {
		return this.mapper.readTree(this.expected.resolve(name).toFile());
	}

	@Test
	void shouldLoadEveryPlayerExactlyAsTheOriginalReadsThem() throws IOException {
		JsonNode expectedPlayers = expected("expected-players.json");
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.players().count()).isEqualTo(expectedPlayers.size());
			for (Map.Entry<String, JsonNode> entry : expectedPlayers.properties()) {
				PlayerStats stats = stores.players().find(entry.getKey()).orElseThrow();
				assertThat(toJson(stats)).as(entry.getKey()).isEqualTo(entry.getValue());
			}
			RecoveryReport report = stores.logs().get(0).lastRecovery();
			assertThat(report.source()).isEqualTo(RecoveryReport.Source.LOG);
			assertThat(report.recordsReplayed()).isEqualTo(41);
			assertThat(report.clean()).isTrue();
		}
	}

	@Test
	void shouldKeepTheOriginalsGameStatesUntouchedAsUnrecognised() throws IOException {
		JsonNode expectedStates = expected("expected-game-states.json");
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			List<StoredGame> games = stores.gameStates().findAll();
			assertThat(games).hasSize(expectedStates.size()).allMatch(StoredGame.Unrecognised.class::isInstance);
			Map<String, Object> loaded = new LinkedHashMap<>();
			for (StoredGame game : games) {
				loaded.put(game.channelId(), ((StoredGame.Unrecognised) game).content());
			}
			JsonNode loadedTree = this.mapper.valueToTree(loaded);
			assertThat(loadedTree).isEqualTo(expectedStates);
		}
	}

	@Test
	void shouldLoadTheTokenDocumentExactly() throws IOException {
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			JsonNode loaded = this.mapper.valueToTree(stores.tokens().load().orElseThrow());
			assertThat(loaded).isEqualTo(expected("expected-tokens.json"));
		}
	}

	@Test
	void shouldRankEveryLeaderboardWithTheOriginalsValues() throws IOException {
		JsonNode boards = expected("expected-leaderboards.json");
		JsonNode players = expected("expected-players.json");
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			for (LeaderboardSort sort : LeaderboardSort.values()) {
				JsonNode board = boards.required(sort.key());
				List<LeaderboardEntry> top = stores.players().leaderboard(sort, board.size(), null);
				List<Long> expectedValues = new ArrayList<>();
				Map<Long, List<String>> expectedIdsByValue = new HashMap<>();
				board.forEach((row) -> {
					expectedValues.add(row.required("value").asLong());
					expectedIdsByValue.computeIfAbsent(row.required("value").asLong(), (v) -> new ArrayList<>())
						.add(row.required("userId").asString());
				});
				assertThat(top).extracting(LeaderboardEntry::value).as(sort.key()).isEqualTo(expectedValues);
				assertThat(top).extracting(LeaderboardEntry::rank).startsWith(1, 2, 3);
				// Ties may come in another order; a value no other player has must name the same player.
				for (LeaderboardEntry entry : top) {
					long value = entry.value();
					long holders = players.valueStream()
						.filter((p) -> p.required(sort.key()).asLong() == value)
						.count();
					if (holders == 1) {
						assertThat(expectedIdsByValue.get(value)).as(sort.key()).containsExactly(entry.stats().userId());
					}
				}
			}
		}
	}

	@Test
	void shouldRewriteTheJsonFilesFromTheLogAndStayReadableByTheOriginal() throws IOException {
		Files.writeString(this.dataDir.resolve("players.json"), "{ this is not json");
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			stores.players()
				.recordResult(new GameResult("g-1", "900000000000000000", "Zoë", "123", 500, true, 8, 2,
						Instant.parse("2026-11-27T10:00:00Z")));
		}
		JsonNode players = this.mapper.readTree(this.dataDir.resolve("players.json").toFile());
		assertThat(players.size()).isEqualTo(30);
		JsonNode zoe = players.required("900000000000000000");
		assertThat(zoe.required("totalGames").asInt())
			.isEqualTo(expected("expected-players.json").required("900000000000000000").required("totalGames").asInt() + 1);
		assertThat(zoe.required("gamesHistory").size()).isEqualTo(50);
		assertThat(Files.readString(this.dataDir.resolve("players.json"))).startsWith("{\n  \"")
			.doesNotEndWith("\n");
		for (String store : List.of("players", "guild_players", "game_state", "tokens")) {
			for (String line : Files.readAllLines(this.dataDir.resolve("logs/" + store + ".log"))) {
				JsonNode record = this.mapper.readTree(line);
				assertThat(record.has("op")).as(line).isTrue();
				if (!record.required("op").asString().equals("CHECKPOINT")) {
					assertThat(record.has("timestamp")).isTrue();
				}
			}
		}
	}

	@Test
	void shouldImportJsonFilesFromBeforeLogsAsTheFirstCheckpoint() throws IOException {
		try (Stream<Path> logs = Files.list(this.dataDir.resolve("logs"))) {
			for (Path log : logs.toList()) {
				Files.delete(log);
			}
		}
		JsonNode expectedPlayers = expected("expected-players.json");
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.logs().get(0).lastRecovery().source()).isEqualTo(RecoveryReport.Source.JSON);
			assertThat(stores.players().count()).isEqualTo(expectedPlayers.size());
			for (Map.Entry<String, JsonNode> entry : expectedPlayers.properties()) {
				assertThat(toJson(stores.players().find(entry.getKey()).orElseThrow())).isEqualTo(entry.getValue());
			}
			JsonNode tokens = this.mapper.valueToTree(stores.tokens().load().orElseThrow());
			assertThat(tokens).isEqualTo(expected("expected-tokens.json"));
		}
		List<String> lines = Files.readAllLines(this.dataDir.resolve("logs/players.log"));
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).startsWith("{\"op\":\"CHECKPOINT\",\"state\":{").contains("\"crc\":\"");
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.logs().get(0).lastRecovery().source()).isEqualTo(RecoveryReport.Source.LOG);
			assertThat(stores.players().count()).isEqualTo(expectedPlayers.size());
		}
	}

	private JsonNode toJson(PlayerStats stats) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (var gen = this.mapper.createGenerator(out)) {
			new PlayerStatsCodec().write(gen, stats);
		}
		return this.mapper.readTree(out.toByteArray());
	}

}
