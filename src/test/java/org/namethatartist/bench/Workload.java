package org.namethatartist.bench;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.namethatartist.player.GameResult;

/**
 * The updates every writer makes, whatever the store: one game's result for one player, a game id
 * never used before (so none is skipped as already counted), players spread over the whole
 * population (so memory is touched as a busy bot touches it). No guild id: one result is one
 * durable record (with a guild id it is two, {@code players} and {@code guild_players}).
 */
final class Workload {

	private static final AtomicLong GAMES = new AtomicLong();

	private final int players;

	private final String gamePrefix;

	Workload(int players) {
		this.players = players;
		this.gamePrefix = "bench-" + GAMES.incrementAndGet() + "-";
	}

	/** The {@code i}th update of writer {@code writer}. */
	GameResult result(int writer, int i) {
		long n = (long) writer * 1_000_003L + i;
		int player = (int) Math.floorMod(n * 7919L, (long) this.players);
		return PlayerData.result(this.gamePrefix + writer + "-" + i, player, (int) (n % 997), Instant.now());
	}

}
