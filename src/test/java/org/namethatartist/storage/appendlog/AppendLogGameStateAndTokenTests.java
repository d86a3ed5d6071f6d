package org.namethatartist.storage.appendlog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.Standing;
import org.namethatartist.game.GameSnapshot.RoundSnapshot;
import org.namethatartist.game.StoredGame;
import org.namethatartist.storage.log.LogOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Game states and the token cache survive a restart exactly; states that are not ours are left alone. */
class AppendLogGameStateAndTokenTests {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.000Z");

	@TempDir
	Path dataDir;

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
	void shouldResumeSavedGamesAfterARestart() {
		GameSnapshot first = game("c1", 2);
		GameSnapshot second = game("c2", 4);
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			stores.gameStates().save(first);
			stores.gameStates().save(game("c2", 3));
			stores.gameStates().save(second);
			assertThat(stores.gameStates().find("c1")).contains(new StoredGame.Resumable(first));
		}
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.gameStates().findAll()).containsExactlyInAnyOrder(new StoredGame.Resumable(first),
					new StoredGame.Resumable(second));
			stores.gameStates().delete("c1");
			stores.gameStates().delete("never-there");
		}
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.gameStates().findAll()).containsExactly(new StoredGame.Resumable(second));
			assertThat(stores.gameStates().find("c1")).isEmpty();
		}
	}

	@Test
	void shouldWriteTheOriginalsMembersBesideOurs() throws Exception {
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			stores.gameStates().save(game("c1", 2));
		}
		JsonNode state = JsonMapper.builder().build().readTree(this.dataDir.resolve("game_state.json").toFile()).required("c1");
		assertThat(state.required("round").asInt()).isEqualTo(2);
		assertThat(state.required("totalRounds").asInt()).isEqualTo(5);
		assertThat(state.required("startedBy").asString()).isEqualTo("u1");
		assertThat(state.required("scores").required("u1").asInt()).isEqualTo(93);
		assertThat(state.required("lastUpdated").asString()).isEqualTo("2026-11-27T10:00:01.234Z");
		assertThat(state.required("nta").required("schema").asInt()).isEqualTo(1);
	}

	@Test
	void shouldLeaveAStateOfANewerSchemaUntouched() throws Exception {
		Files.createDirectories(this.dataDir.resolve("logs"));
		String newer = "{\"timestamp\":\"2026-11-27T10:00:00.000Z\",\"op\":\"SET\",\"key\":\"c9\",\"value\":"
				+ "{\"round\":1,\"totalRounds\":5,\"startedBy\":\"u1\",\"scores\":{},\"nta\":{\"schema\":2,\"x\":[1,2]}}}\n";
		Files.writeString(this.dataDir.resolve("logs/game_state.log"), newer);
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			StoredGame found = stores.gameStates().find("c9").orElseThrow();
			assertThat(found).isInstanceOf(StoredGame.Unrecognised.class);
			StoredGame.Unrecognised unrecognised = (StoredGame.Unrecognised) found;
			assertThat(unrecognised.reason()).contains("schema 2");
			assertThat(unrecognised.content()).containsEntry("round", 1).containsKey("nta");
			stores.gameStates().save(game("c1", 1));
		}
		JsonNode file = JsonMapper.builder().build().readTree(this.dataDir.resolve("game_state.json").toFile());
		assertThat(file.required("c9").required("nta").required("x").size()).isEqualTo(2);
	}

	@Test
	void shouldKeepTheTokenDocumentAcrossRestarts() {
		TokenDocument document = new TokenDocument("2026-11-27T03:36:02.969Z", 1,
				List.of(new Token("7", "Sunflowers", "", "https://img/7", "https://img/7full", List.of("tz1a"), "tz1a",
						"KT1x")),
				Map.of("tz1a", new ArtistInfo("vincent.tez", true, new ArtistProfile("vincent.tez", null, null, null))));
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.tokens().load()).isEmpty();
			stores.tokens().save(document);
			assertThat(stores.tokens().load()).contains(document);
		}
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.tokens().load()).contains(document);
		}
	}

	@Test
	void shouldReplayNullMembersItAcknowledged() {
		TokenDocument document = new TokenDocument(null, 0, List.of(), Map.of());
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			stores.tokens().save(document);
		}
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.logs().get(3).lastRecovery().clean()).isTrue();
			assertThat(stores.tokens().load()).contains(document);
		}
	}

}
