package org.namethatartist.storage.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.StorageException;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.GameSnapshot.RoundSnapshot;
import org.namethatartist.game.Standing;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Game states and the token cache on PostgreSQL, in the append log's JSON, across a reopen. */
class PostgresGameStateAndTokenTests {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.000Z");

	private final HikariDataSource pool = TestDatabases.newDatabase(4);

	@AfterEach
	void close() {
		this.pool.close();
	}

	static GameSnapshot game(String channel, int round) {
		RoundSnapshot current = new RoundSnapshot(round, "KT1:" + round, List.of("tz1a", "tz1b", "tz1c", "tz1d"), 2,
				T0, T0.plusSeconds(15), Map.of("u1", 2, "u2", 4));
		return new GameSnapshot(GameSnapshot.SCHEMA, "game-" + channel, channel, "guild-1", "u1", T0, 5,
				Duration.ofSeconds(15), Duration.ofSeconds(5), List.of("KT1:1", "KT1:2", "KT1:3", "KT1:4", "KT1:5"),
				"ROUND", round, T0.plusSeconds(15), current,
				Map.of("u1", new Standing("u1", "Ann", 93, 1, 0), "u2", new Standing("u2", "Bob \"B\"", 0, 0, 1)),
				Set.of("u2"), T0.plusMillis(1234));
	}

	@Test
	void shouldResumeSavedGamesAfterAReopen() {
		GameSnapshot first = game("c1", 2);
		GameSnapshot second = game("c2", 4);
		PostgresStorage storage = PostgresStorage.open(this.pool);
		storage.gameStates().save(first);
		storage.gameStates().save(game("c2", 3));
		storage.gameStates().save(second);
		assertThat(storage.gameStates().find("c1")).contains(new StoredGame.Resumable(first));
		PostgresStorage reopened = PostgresStorage.open(this.pool);
		assertThat(reopened.gameStates().findAll()).containsExactly(new StoredGame.Resumable(first),
				new StoredGame.Resumable(second));
		reopened.gameStates().delete("c1");
		reopened.gameStates().delete("never-there");
		assertThat(reopened.gameStates().findAll()).containsExactly(new StoredGame.Resumable(second));
		assertThat(reopened.gameStates().find("c1")).isEmpty();
	}

	@Test
	void shouldStoreTheAppendLogsJsonAndLeaveANewerSchemaUntouched() {
		PostgresStorage storage = PostgresStorage.open(this.pool);
		storage.gameStates().save(game("c1", 2));
		JsonNode state = JsonMapper.builder()
			.build()
			.readTree(storage.jdbc().sql("SELECT state::text FROM game_state WHERE channel_id = 'c1'").query(String.class).single());
		assertThat(state.required("totalRounds").asInt()).isEqualTo(5);
		assertThat(state.required("lastUpdated").asString()).isEqualTo("2026-11-27T10:00:01.234Z");
		assertThat(state.required("nta").required("schema").asInt()).isEqualTo(1);
		PostgresGameStateRepository.put(storage.jdbc(), "c9",
				"{\"round\":1,\"totalRounds\":5,\"startedBy\":\"u1\",\"scores\":{},\"nta\":{\"schema\":2,\"x\":[1,2]}}");
		StoredGame found = storage.gameStates().find("c9").orElseThrow();
		assertThat(found).isInstanceOfSatisfying(StoredGame.Unrecognised.class, (unrecognised) -> {
			assertThat(unrecognised.reason()).contains("schema 2");
			assertThat(unrecognised.content()).containsEntry("round", 1).containsKey("nta");
		});
	}

	@Test
	void shouldKeepTheTokenDocument() {
		TokenDocument document = new TokenDocument("2026-11-27T03:36:02.969Z", 1,
				List.of(new Token("7", "Sunflowers", "", "https://img/7", "https://img/7full", List.of("tz1a"), "tz1a",
						"KT1x")),
				Map.of("tz1a", new ArtistInfo("vincent.tez", true, new ArtistProfile("vincent.tez", null, null, null))));
		PostgresStorage storage = PostgresStorage.open(this.pool);
		assertThat(storage.tokens().load()).isEmpty();
		storage.tokens().save(new TokenDocument(null, 0, List.of(), Map.of()));
		storage.tokens().save(document);
		assertThat(PostgresStorage.open(this.pool).tokens().load()).contains(document);
	}

	@Test
	void aWriteWithTheDatabaseGoneFailsLoudly() {
		PostgresStorage storage = PostgresStorage.open(this.pool);
		this.pool.close();
		assertThatThrownBy(() -> storage.gameStates().save(game("c1", 1))).isInstanceOf(StorageException.class)
			.hasMessageStartingWith("Could not save the game state of channel c1");
		assertThatThrownBy(() -> storage.players()
			.recordResult(new org.namethatartist.player.GameResult("g", "u", "U", null, 1, false, 0, 0, T0)))
			.isInstanceOf(StorageException.class)
			.hasMessageContaining("nothing was recorded");
	}

}
