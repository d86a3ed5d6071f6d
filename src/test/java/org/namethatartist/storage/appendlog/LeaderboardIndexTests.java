package org.namethatartist.storage.appendlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerStats;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader of a leaderboard sees every player, in order, even while players move up and down. */
class LeaderboardIndexTests {

	private static PlayerStats stats(String userId, int correct, int incorrect) {
		return PlayerStats.newPlayer(userId, userId)
			.withResult(new GameResult("g", userId, userId, null, correct * 10, false, correct, incorrect,
					Instant.parse("2026-11-27T10:00:00Z")));
	}

	@Test
	void shouldNeverMissAPlayerWhoIsMovingNorShowValuesOutOfOrder() throws Exception {
		LeaderboardIndex index = new LeaderboardIndex();
		int players = 300;
		for (int i = 0; i < players; i++) {
			index.update("p" + i, null, stats("p" + i, i % 100, 100 - i % 100));
		}
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<PlayerStats> moving = new AtomicReference<>(stats("mover", 0, 100));
		index.update("mover", null, moving.get());
		Thread writer = new Thread(() -> {
			// Between the bottom and the top of the accuracy order, over and over: one writer per player.
			for (int i = 0; !stop.get(); i++) {
				PlayerStats next = (i % 2 == 0) ? stats("mover", 100, 0) : stats("mover", 0, 100);
				index.update("mover", moving.get(), next);
				moving.set(next);
			}
		});
		writer.start();
		List<String> problems = new ArrayList<>();
		try {
			for (int read = 0; read < 3000 && problems.isEmpty(); read++) {
				List<LeaderboardEntry> all = index.top(LeaderboardSort.ACCURACY_RATE, players + 10);
				if (all.size() != players + 1) {
					problems.add("read " + read + " saw " + all.size() + " players");
				}
				for (int i = 1; i < all.size(); i++) {
					if (all.get(i).value() > all.get(i - 1).value()) {
						problems.add("read " + read + ": value rises at rank " + (i + 1));
					}
					if (all.get(i).rank() != i + 1) {
						problems.add("read " + read + ": rank " + all.get(i).rank() + " at position " + (i + 1));
					}
				}
			}
		}
		finally {
			stop.set(true);
			writer.join();
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void shouldAgreeWithAFullSortWhilePlayersRiseFallAndLeave() {
		// Few distinct values, so ties (ordered by key) are everywhere; players fall out of the kept top
		// lists often, so reads rebuild them, and some reads ask for more than a list keeps.
		java.util.Random random = new java.util.Random(42);
		LeaderboardIndex index = new LeaderboardIndex();
		java.util.Map<String, PlayerStats> players = new java.util.HashMap<>();
		for (int step = 0; step < 20_000; step++) {
			String key = "p" + random.nextInt(600);
			PlayerStats before = players.get(key);
			PlayerStats after = (random.nextInt(10) == 0) ? null : stats(key, random.nextInt(12), random.nextInt(12));
			if (before == null && after == null) {
				continue;
			}
			index.update(key, before, after);
			if (after == null) {
				players.remove(key);
			}
			else {
				players.put(key, after);
			}
			if (step % 97 == 0) {
				LeaderboardSort sort = LeaderboardSort.values()[random.nextInt(LeaderboardSort.values().length)];
				int limit = 1 + random.nextInt((step % 5 == 0) ? 400 : 100);
				List<String> expected = players.entrySet()
					.stream()
					.sorted(java.util.Comparator
						.<java.util.Map.Entry<String, PlayerStats>>comparingLong((e) -> -sort.valueOf(e.getValue()))
						.thenComparing(java.util.Map.Entry::getKey))
					.limit(limit)
					.map((e) -> e.getKey() + "=" + sort.valueOf(e.getValue()))
					.toList();
				List<String> actual = index.top(sort, limit)
					.stream()
					.map((e) -> e.stats().userId() + "=" + e.value())
					.toList();
				assertThat(actual).as("step %d, %s, top %d", step, sort.key(), limit).isEqualTo(expected);
			}
		}
	}

	@Test
	void shouldDropARemovedPlayerFromEveryOrder() {
		LeaderboardIndex index = new LeaderboardIndex();
		PlayerStats a = stats("a", 5, 5);
		index.update("a", null, a);
		index.update("b", null, stats("b", 1, 1));
		index.update("a", a, null);
		for (LeaderboardSort sort : LeaderboardSort.values()) {
			assertThat(index.top(sort, 10)).extracting((e) -> e.stats().userId()).as(sort.key()).containsExactly("b");
		}
	}

}
