package org.namethatartist.game;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.namethatartist.game.GameSnapshot.RoundSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.game.GameSnapshots.T0;
import static org.namethatartist.game.GameSnapshots.game;

/**
 * The behaviour every {@link GameStateRepository} must have, whatever stores it: one state per channel,
 * the newest save winning, deletes (of unknown channels too), every member of a {@link GameSnapshot}
 * exactly as saved after a restart, and states this version does not recognise (the original bot's, a
 * newer schema's) returned as {@link StoredGame.Unrecognised} and left as they are. A subclass says how
 * to open a repository, how to reopen it on the same data (a restart), and how to plant a state in the
 * storage as another version would have written it.
 */
public abstract class GameStateRepositoryContract {

	/** A state of a newer version of ours: {@code nta.schema} 2, with a member this version does not know. */
	protected static final String NEWER_SCHEMA = "{\"round\":1,\"totalRounds\":5,\"startedBy\":\"u1\",\"scores\":{},"
			+ "\"nta\":{\"schema\":2,\"x\":[1,2]}}";

	/** A state as the original bot writes it: its members only, no {@code nta}. */
	protected static final String ORIGINAL_BOT = "{\"round\":3,\"totalRounds\":10,\"startedBy\":\"u7\","
			+ "\"scores\":{\"u7\":250,\"u8\":0},\"lastUpdated\":\"2025-06-01T12:00:00.000Z\"}";

	/** A repository on fresh storage: empty, or holding only what {@link #plantRaw} put there. */
	protected abstract GameStateRepository repository();

	/** Closes the current repository and opens a new one on the same storage. */
	protected abstract GameStateRepository reopen();

	/**
	 * Stores {@code json} as the state of {@code channelId} the way another version of the bot would have
	 * written it, bypassing the repository. Called before {@link #repository()}, on the storage it opens.
	 */
	protected abstract void plantRaw(String channelId, String json);

	@Test
	void shouldFindNothingInEmptyStorage() {
		GameStateRepository states = repository();
		assertThat(states.find("c1")).isEmpty();
		assertThat(states.findAll()).isEmpty();
		assertThat(reopen().findAll()).isEmpty();
	}

	@Test
	void shouldFindTheGameSavedForAChannel() {
		GameStateRepository states = repository();
		GameSnapshot game = game("c1", 2);
		states.save(game);
		assertThat(states.find("c1")).contains(new StoredGame.Resumable(game));
		assertThat(states.find("c2")).isEmpty();
		assertThat(states.findAll()).containsExactly(new StoredGame.Resumable(game));
	}

	@Test
	void shouldKeepOnlyTheNewestSaveOfAChannel() {
		GameStateRepository states = repository();
		for (int round = 1; round <= 5; round++) {
			states.save(game("c1", round));
		}
		states.save(game("c2", 1));
		states.save(game("c2", 3));
		for (GameStateRepository repository : List.of(states, reopen())) {
			assertThat(repository.find("c1")).contains(new StoredGame.Resumable(game("c1", 5)));
			assertThat(repository.find("c2")).contains(new StoredGame.Resumable(game("c2", 3)));
			assertThat(repository.findAll()).containsExactlyInAnyOrder(new StoredGame.Resumable(game("c1", 5)),
					new StoredGame.Resumable(game("c2", 3)));
		}
	}

	@Test
	void shouldResumeSavedGamesAfterAReopen() {
		GameSnapshot first = game("c1", 2);
		GameSnapshot second = game("c2", 4);
		GameStateRepository states = repository();
		states.save(first);
		states.save(game("c2", 3));
		states.save(second);
		assertThat(states.find("c1")).contains(new StoredGame.Resumable(first));
		GameStateRepository reopened = reopen();
		assertThat(reopened.findAll()).containsExactlyInAnyOrder(new StoredGame.Resumable(first),
				new StoredGame.Resumable(second));
		reopened.delete("c1");
		reopened.delete("never-there");
		assertThat(reopened.findAll()).containsExactly(new StoredGame.Resumable(second));
		GameStateRepository again = reopen();
		assertThat(again.findAll()).containsExactly(new StoredGame.Resumable(second));
		assertThat(again.find("c1")).isEmpty();
	}

	@Test
	void shouldKeepWhereTheRoundIsShownAndReadStatesWithoutIt() {
		GameSnapshot plain = game("c1", 2);
		GameSnapshot shown = new GameSnapshot(plain.schema(), plain.gameId(), plain.channelId(), plain.guildId(),
				plain.startedBy(), plain.startedAt(), plain.rounds(), plain.roundTime(), plain.betweenRoundTime(),
				plain.tokenKeys(), plain.phase(), plain.round(), plain.phaseEndsAt(),
				plain.currentRound().withMessageId("1300000000000000042"), plain.scores(), plain.recorded(),
				plain.lastUpdated());
		GameStateRepository states = repository();
		states.save(shown);
		states.save(game("c2", 2));
		GameStateRepository reopened = reopen();
		assertThat(reopened.find("c1")).contains(new StoredGame.Resumable(shown));
		// A state saved before rounds kept their message id (or by a run that had not shown it) reads as none.
		assertThat(reopened.find("c2")).hasValueSatisfying((stored) -> assertThat(
				((StoredGame.Resumable) stored).snapshot().currentRound().messageId()).isNull());
	}

	@Test
	void shouldDeleteOnlyTheChannelAsked() {
		GameStateRepository states = repository();
		states.save(game("c1", 1));
		states.save(game("c2", 1));
		states.save(game("c3", 1));
		states.delete("c2");
		assertThat(states.find("c2")).isEmpty();
		assertThat(states.findAll()).extracting(StoredGame::channelId).containsExactlyInAnyOrder("c1", "c3");
		GameStateRepository reopened = reopen();
		assertThat(reopened.find("c2")).isEmpty();
		assertThat(reopened.findAll()).extracting(StoredGame::channelId).containsExactlyInAnyOrder("c1", "c3");
	}

	@Test
	void shouldSaveAChannelAgainAfterItsDelete() {
		GameStateRepository states = repository();
		states.save(game("c1", 4));
		states.delete("c1");
		states.save(game("c1", 1));
		assertThat(states.find("c1")).contains(new StoredGame.Resumable(game("c1", 1)));
		assertThat(reopen().findAll()).containsExactly(new StoredGame.Resumable(game("c1", 1)));
	}

	@Test
	void shouldTakeTheDeleteOfAnUnknownChannelAsNothingToDo() {
		GameStateRepository states = repository();
		states.delete("never-there");
		assertThat(states.findAll()).isEmpty();
		states.save(game("c1", 1));
		states.delete("never-there");
		states.delete("c1");
		states.delete("c1");
		assertThat(states.findAll()).isEmpty();
		GameStateRepository reopened = reopen();
		assertThat(reopened.findAll()).isEmpty();
		reopened.delete("c1");
		assertThat(reopened.find("c1")).isEmpty();
	}

	@Test
	void shouldKeepEveryMemberOfASnapshotExactly() {
		RoundSnapshot round = new RoundSnapshot(3, "KT1TzKfu:42", List.of("tz1ß", "tz2\"q\"", "tz3\\", "tz4🎨"), 4,
				T0.plusMillis(60_001), T0.plusMillis(72_501), answers("u-é", 4, "u\"2\"", 1));
		Map<String, Standing> scores = new LinkedHashMap<>();
		scores.put("u-é", new Standing("u-é", "Zoë \"Z\" O'Brien", 170, 2, 1));
		scores.put("u\"2\"", new Standing("u\"2\"", "名前 🎨 \\ back\\slash", 45, 1, 0));
		scores.put("web:Ана", new Standing("web:Ана", "Ана", 0, 0, 3));
		scores.put("u4", new Standing("u4", "مرحبا ‎x", 0, 0, 1));
		GameSnapshot game = new GameSnapshot(GameSnapshot.SCHEMA, "game-ü-1", "c1", "guild-ß", "u-é",
				T0.plusMillis(7), 12, Duration.ofMillis(12_500), Duration.ofMillis(3_250),
				List.of("KT1:9", "KT1:1", "KT1TzKfu:42", "KT1:1"), "BETWEEN_ROUNDS", 3, T0.plusMillis(75_751), round,
				scores, new LinkedHashSet<>(List.of("web:Ана", "u-é")), T0.plusMillis(72_502));
		repository().save(game);
		assertThat(reopen().find("c1")).contains(new StoredGame.Resumable(game));
	}

	@Test
	void shouldKeepAGameWithoutGuildRoundPlayersOrPhaseEnd() {
		// A game about to start (no round yet), and one over, both outside any server.
		GameSnapshot starting = new GameSnapshot(GameSnapshot.SCHEMA, "game-s", "c1", null, "u1", T0, 5,
				Duration.ofSeconds(15), Duration.ofSeconds(5), List.of("KT1:1", "KT1:2", "KT1:3", "KT1:4", "KT1:5"),
				"STARTING", 0, T0.plusSeconds(3), null, Map.of(), Set.of(), T0);
		GameSnapshot over = new GameSnapshot(GameSnapshot.SCHEMA, "game-o", "c2", null, "u1", T0, 1,
				Duration.ofSeconds(15), Duration.ofSeconds(5), List.of("KT1:1"), "OVER", 1, null, null, Map.of(),
				Set.of(), T0.plusSeconds(20));
		GameStateRepository states = repository();
		states.save(starting);
		states.save(over);
		GameStateRepository reopened = reopen();
		assertThat(reopened.find("c1")).contains(new StoredGame.Resumable(starting));
		assertThat(reopened.find("c2")).contains(new StoredGame.Resumable(over));
	}

	@Test
	void shouldKeepTheOrderInWhichPlayersFirstAnswered() {
		// Equal scores rank in this order (Scoring.BEST_FIRST), so a resumed game must show the same standings.
		Map<String, Standing> scores = new LinkedHashMap<>();
		for (String user : List.of("u9", "u10", "u1", "u3", "u200", "u2")) {
			scores.put(user, new Standing(user, "name-" + user, 100, 1, 0));
		}
		RoundSnapshot round = new RoundSnapshot(1, "KT1:1", List.of("tz1a", "tz1b", "tz1c", "tz1d"), 1, T0,
				T0.plusSeconds(15), answers("u9", 1, "u10", 1, "u1", 1, "u3", 1, "u200", 1, "u2", 1));
		GameSnapshot game = new GameSnapshot(GameSnapshot.SCHEMA, "game-c1", "c1", "guild-1", "u9", T0, 1,
				Duration.ofSeconds(15), Duration.ofSeconds(5), List.of("KT1:1"), "ENDING", 1, T0.plusSeconds(16),
				round, scores, new LinkedHashSet<>(List.of("u3", "u10", "u1")), T0.plusSeconds(16));
		repository().save(game);
		GameSnapshot resumed = ((StoredGame.Resumable) reopen().find("c1").orElseThrow()).snapshot();
		assertThat(resumed.scores().keySet()).containsExactly("u9", "u10", "u1", "u3", "u200", "u2");
		assertThat(resumed.currentRound().answers().keySet()).containsExactly("u9", "u10", "u1", "u3", "u200", "u2");
		assertThat(resumed.recorded()).containsExactly("u3", "u10", "u1");
	}

	@Test
	void shouldKeepManyChannelsApart() {
		GameStateRepository states = repository();
		int channels = 300;
		for (int c = 0; c < channels; c++) {
			states.save(game("channel-" + c, 1));
		}
		for (int c = 0; c < channels; c += 3) {
			states.save(game("channel-" + c, 2));
		}
		for (int c = 1; c < channels; c += 3) {
			states.delete("channel-" + c);
		}
		for (GameStateRepository repository : List.of(states, reopen())) {
			List<StoredGame> all = repository.findAll();
			assertThat(all).hasSize(channels - channels / 3);
			assertThat(all).extracting(StoredGame::channelId).doesNotHaveDuplicates();
			for (int c = 0; c < channels; c++) {
				String channel = "channel-" + c;
				switch (c % 3) {
					case 0 -> assertThat(repository.find(channel)).contains(new StoredGame.Resumable(game(channel, 2)));
					case 1 -> assertThat(repository.find(channel)).isEmpty();
					default -> assertThat(repository.find(channel)).contains(new StoredGame.Resumable(game(channel, 1)));
				}
			}
		}
	}

	@Test
	void shouldLoseNoSaveOfGamesInManyChannelsAtOnce() throws Exception {
		GameStateRepository states = repository();
		int threads = 8;
		int channelsEach = 10;
		int rounds = 3;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					for (int round = 1; round <= rounds; round++) {
						for (int c = 0; c < channelsEach; c++) {
							states.save(game("t" + thread + "-c" + c, round));
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (GameStateRepository repository : List.of(states, reopen())) {
			assertThat(repository.findAll()).hasSize(threads * channelsEach);
			for (int t = 0; t < threads; t++) {
				for (int c = 0; c < channelsEach; c++) {
					String channel = "t" + t + "-c" + c;
					assertThat(repository.find(channel)).contains(new StoredGame.Resumable(game(channel, rounds)));
				}
			}
		}
	}

	@Test
	void shouldReturnAStateOfANewerSchemaAsUnrecognisedAndLeaveItAlone() {
		plantRaw("c9", NEWER_SCHEMA);
		GameStateRepository states = repository();
		assertNewerSchema(states.find("c9").orElseThrow());
		states.save(game("c1", 1));
		states.save(game("c2", 1));
		states.save(game("c1", 2));
		states.delete("c2");
		GameStateRepository reopened = reopen();
		assertNewerSchema(reopened.find("c9").orElseThrow());
		assertThat(reopened.findAll()).hasSize(2)
			.contains(new StoredGame.Resumable(game("c1", 2)))
			.anySatisfy(this::assertNewerSchema);
	}

	@Test
	void shouldReturnAStateOfTheOriginalBotAsUnrecognised() {
		plantRaw("c7", ORIGINAL_BOT);
		GameStateRepository states = repository();
		states.save(game("c1", 1));
		for (GameStateRepository repository : List.of(states, reopen())) {
			StoredGame found = repository.find("c7").orElseThrow();
			assertThat(found).isInstanceOfSatisfying(StoredGame.Unrecognised.class, (unrecognised) -> {
				assertThat(unrecognised.channelId()).isEqualTo("c7");
				assertThat(unrecognised.reason()).contains("nta");
				assertThat(unrecognised.content()).isEqualTo(Map.of("round", 3, "totalRounds", 10, "startedBy", "u7",
						"scores", Map.of("u7", 250, "u8", 0), "lastUpdated", "2025-06-01T12:00:00.000Z"));
			});
			assertThat(repository.findAll()).extracting(StoredGame::channelId).containsExactlyInAnyOrder("c1", "c7");
		}
	}

	private void assertNewerSchema(StoredGame found) {
		assertThat(found).isInstanceOfSatisfying(StoredGame.Unrecognised.class, (unrecognised) -> {
			assertThat(unrecognised.channelId()).isEqualTo("c9");
			assertThat(unrecognised.reason()).contains("schema 2");
			assertThat(unrecognised.content()).isEqualTo(Map.of("round", 1, "totalRounds", 5, "startedBy", "u1",
					"scores", Map.of(), "nta", Map.of("schema", 2, "x", List.of(1, 2))));
		});
	}

	/** Answers in the order given: user, choice, user, choice... */
	private static Map<String, Integer> answers(Object... userThenChoice) {
		Map<String, Integer> answers = new LinkedHashMap<>();
		for (int i = 0; i < userThenChoice.length; i += 2) {
			answers.put((String) userThenChoice[i], (Integer) userThenChoice[i + 1]);
		}
		return answers;
	}

}
