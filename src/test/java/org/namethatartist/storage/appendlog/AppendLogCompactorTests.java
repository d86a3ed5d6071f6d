package org.namethatartist.storage.appendlog;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.player.GameResult;
import org.namethatartist.storage.log.CompactionReport;
import org.namethatartist.storage.log.LogOptions;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The scheduled pass, without Spring: only logs over the threshold, and never an exception out of it. */
class AppendLogCompactorTests {

	@TempDir
	Path dataDir;

	@Test
	void compactsOnlyTheLogsOverTheThreshold() {
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			stores.players().recordResult(result("1"));
			AppendLogCompactor compactor = new AppendLogCompactor(stores, DataSize.ofBytes(0));
			// players and guild_players have a record; game_state and tokens are empty.
			assertThat(compactor.compactLogsOver(DataSize.ofBytes(0))).extracting(CompactionReport::store)
				.containsExactly("players", "guild_players");
			assertThat(compactor.compactLogsOver(DataSize.ofMegabytes(1))).isEmpty();
			assertThat(stores.players().find("1")).isPresent();
		}
	}

	@Test
	void aFailingCompactionIsLoggedNotThrown() {
		AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults());
		stores.players().recordResult(result("1"));
		stores.close();
		AppendLogCompactor compactor = new AppendLogCompactor(stores, DataSize.ofBytes(0));
		assertThatNoException().isThrownBy(compactor::compactLargeLogs);
		assertThat(compactor.compactLogsOver(DataSize.ofBytes(0))).isEmpty();
	}

	static GameResult result(String userId) {
		return new GameResult("game-" + userId, userId, "Player " + userId, "guild-1", 10, true, 1, 0,
				Instant.parse("2026-11-27T10:00:00Z"));
	}

}
