package org.namethatartist.storage.postgres;

import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.game.StoredGame;
import org.namethatartist.storage.GameSnapshotJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.game.GameSnapshots.game;

/** A database of schema 1 (states and tokens as jsonb) migrates to the current schema with its rows readable. */
class PostgresMigrationTests {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	@Test
	void aDatabaseOfSchemaOneKeepsItsGameStatesAndTokens() {
		TokenDocument document = new TokenDocument("2026-11-27T03:36:02.969Z", 1,
				List.of(new Token("7", "Sunflowers", "", "https://img/7", null, List.of("tz1a"), "tz1a", "KT1x")),
				Map.of("tz1a", new ArtistInfo("vincent.tez", true, null)));
		try (HikariDataSource pool = TestDatabases.newDatabase(2)) {
			Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("1").load().migrate();
			JdbcClient jdbc = JdbcClient.create(pool);
			jdbc.sql("INSERT INTO game_state (channel_id, state) VALUES ('c1', CAST(? AS jsonb))")
				.param(this.mapper.writeValueAsString(new GameSnapshotJson(this.mapper).toJson(game("c1", 2))))
				.update();
			jdbc.sql("INSERT INTO tokens (id, document) VALUES (1, CAST(? AS jsonb))")
				.param(this.mapper.writeValueAsString(document))
				.update();
			PostgresStorage storage = PostgresStorage.open(pool);
			// Later migrations (V5: guild_settings) apply on top; what counts here is the data kept.
			assertThat(Integer.parseInt(storage.schemaVersion())).isGreaterThanOrEqualTo(2);
			assertThat(storage.gameStates().find("c1")).contains(new StoredGame.Resumable(game("c1", 2)));
			assertThat(storage.tokens().load()).contains(document);
			storage.gameStates().save(game("c1", 3));
			assertThat(storage.gameStates().findAll()).containsExactly(new StoredGame.Resumable(game("c1", 3)));
		}
	}

}
