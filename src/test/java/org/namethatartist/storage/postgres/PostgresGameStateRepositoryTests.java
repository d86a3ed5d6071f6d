package org.namethatartist.storage.postgres;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.StorageException;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.GameStateRepositoryContract;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.namethatartist.game.GameSnapshots.game;

/**
 * The game-state contract on PostgreSQL: a new database per test, reopened as another pool on it;
 * planted states are rows written with {@link PostgresGameStateRepository#put}. Also: the table holds
 * the append log's JSON, and with the pool closed a write fails loudly and leaves nothing behind.
 */
class PostgresGameStateRepositoryTests extends GameStateRepositoryContract {

	private final PerTestDatabase database = new PerTestDatabase(8);

	@Override
	protected GameStateRepository repository() {
		return open().gameStates();
	}

	@Override
	protected GameStateRepository reopen() {
		// The earlier repository stays usable, as the append log's does: the contract reads through both.
		return open().gameStates();
	}

	@Override
	protected void plantRaw(String channelId, String json) {
		PostgresGameStateRepository.put(open().jdbc(), channelId, json);
	}

	private PostgresStorage open() {
		return this.database.open();
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void shouldStoreTheAppendLogsJson() {
		PostgresStorage storage = open();
		storage.gameStates().save(game("c1", 2));
		JsonNode state = JsonMapper.builder()
			.build()
			.readTree(storage.jdbc().sql("SELECT state::text FROM game_state WHERE channel_id = 'c1'").query(String.class).single());
		assertThat(state.required("round").asInt()).isEqualTo(2);
		assertThat(state.required("totalRounds").asInt()).isEqualTo(5);
		assertThat(state.required("startedBy").asString()).isEqualTo("u1");
		assertThat(state.required("scores").required("u1").asInt()).isEqualTo(93);
		assertThat(state.required("lastUpdated").asString()).isEqualTo("2026-11-27T10:00:01.234Z");
		assertThat(state.required("nta").required("schema").asInt()).isEqualTo(1);
	}

	@Test
	void aWriteWithThePoolClosedFailsLoudlyAndRecordsNothing() {
		PostgresStorage storage = open();
		storage.gameStates().save(game("c2", 1));
		this.database.latestPool().close();
		assertThatThrownBy(() -> storage.gameStates().save(game("c1", 1))).isInstanceOf(StorageException.class)
			.hasMessageStartingWith("Could not save the game state of channel c1");
		assertThatThrownBy(() -> storage.gameStates().delete("c2")).isInstanceOf(StorageException.class)
			.hasMessageStartingWith("Could not delete the game state of channel c2");
		assertThatThrownBy(() -> storage.gameStates().find("c2")).isInstanceOf(StorageException.class)
			.hasMessageStartingWith("Could not read game states");
		GameStateRepository reopened = reopen();
		assertThat(reopened.find("c1")).isEmpty();
		assertThat(reopened.findAll()).extracting(StoredGame::channelId).containsExactly("c2");
	}

}
