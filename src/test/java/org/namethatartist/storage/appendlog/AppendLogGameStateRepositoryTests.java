package org.namethatartist.storage.appendlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.GameStateRepositoryContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.game.GameSnapshots.game;

/**
 * The game-state contract on the append-log stores, with fsync always, reopened as after a restart;
 * planted states are {@code SET} lines in {@code logs/game_state.log}. Also: {@code game_state.json} has
 * the original's members beside ours, and a state it does not recognise stays in it as it was.
 */
class AppendLogGameStateRepositoryTests extends GameStateRepositoryContract {

	@TempDir
	Path dataDir;

	private final PerTestStores stores = new PerTestStores();

	@Override
	protected GameStateRepository repository() {
		return this.stores.open(this.dataDir).gameStates();
	}

	@Override
	protected GameStateRepository reopen() {
		return this.stores.reopen(this.dataDir).gameStates();
	}

	@Override
	protected void plantRaw(String channelId, String json) {
		String line = "{\"timestamp\":\"2026-11-27T10:00:00.000Z\",\"op\":\"SET\",\"key\":\"" + channelId
				+ "\",\"value\":" + json + "}\n";
		try {
			Files.createDirectories(this.dataDir.resolve("logs"));
			Files.writeString(this.dataDir.resolve("logs/game_state.log"), line, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterEach
	void closeStores() {
		this.stores.close();
	}

	@Test
	void shouldWriteTheOriginalsMembersBesideOurs() {
		repository().save(game("c1", 2));
		closeStores();
		JsonNode state = gameStateJson().required("c1");
		assertThat(state.required("round").asInt()).isEqualTo(2);
		assertThat(state.required("totalRounds").asInt()).isEqualTo(5);
		assertThat(state.required("startedBy").asString()).isEqualTo("u1");
		assertThat(state.required("scores").required("u1").asInt()).isEqualTo(93);
		assertThat(state.required("lastUpdated").asString()).isEqualTo("2026-11-27T10:00:01.234Z");
		assertThat(state.required("nta").required("schema").asInt()).isEqualTo(1);
	}

	@Test
	void shouldLeaveAStateOfANewerSchemaAsItWasInTheJsonFile() {
		plantRaw("c9", NEWER_SCHEMA);
		repository().save(game("c1", 1));
		closeStores();
		JsonNode file = gameStateJson();
		assertThat(file.required("c9")).isEqualTo(JsonMapper.builder().build().readTree(NEWER_SCHEMA));
		assertThat(file.required("c1").required("nta").required("schema").asInt()).isEqualTo(1);
	}

	private JsonNode gameStateJson() {
		return JsonMapper.builder().build().readTree(this.dataDir.resolve("game_state.json").toFile());
	}

}
