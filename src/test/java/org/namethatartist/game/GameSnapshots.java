package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.namethatartist.game.GameSnapshot.RoundSnapshot;

/**
 * Sample {@link GameSnapshot}s for the tests of game-state storage, in one place rather than a copy per
 * backend.
 */
public final class GameSnapshots {

	/** When every sample game started; its other times are a few seconds later, to the millisecond. */
	public static final Instant T0 = Instant.parse("2026-11-27T10:00:00.000Z");

	private GameSnapshots() {
	}

	/**
	 * A game of 5 rounds in {@code channel} (game id {@code game-<channel>}), in round {@code round}: two
	 * players, Ann with 93 points and Bob (a name with quotes) with one wrong answer, both answered in the
	 * current round, Bob's result recorded.
	 */
	public static GameSnapshot game(String channel, int round) {
		RoundSnapshot current = new RoundSnapshot(round, "KT1:" + round, List.of("tz1a", "tz1b", "tz1c", "tz1d"), 2,
				T0, T0.plusSeconds(15), Map.of("u1", 2, "u2", 4));
		return new GameSnapshot(GameSnapshot.SCHEMA, "game-" + channel, channel, "guild-1", "u1", T0, 5,
				Duration.ofSeconds(15), Duration.ofSeconds(5), List.of("KT1:1", "KT1:2", "KT1:3", "KT1:4", "KT1:5"),
				"ROUND", round, T0.plusSeconds(15), current,
				Map.of("u1", new Standing("u1", "Ann", 93, 1, 0), "u2", new Standing("u2", "Bob \"B\"", 0, 0, 1)),
				Set.of("u2"), T0.plusMillis(1234));
	}

}
