package org.namethatartist.storage.appendlog;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodBoardsContract;

import static org.assertj.core.api.Assertions.assertThat;

/** The period boards contract on the append-log stores, with fsync always, reopened as after a restart. */
class AppendLogPeriodBoardsTests extends PeriodBoardsContract {

	@TempDir
	Path dataDir;

	private final PerTestStores stores = new PerTestStores();

	@Override
	protected PeriodBoards boards() {
		return this.stores.open(this.dataDir).periods();
	}

	@Override
	protected PeriodBoards reopen() {
		return this.stores.reopen(this.dataDir).periods();
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	@Test
	void theBoardsHaveTheirOwnJsonFileAndLeaveTheOriginalsAlone() throws Exception {
		PeriodBoards boards = boards();
		boards.recordResult(game("g1", "u1", "guild", 10, true, 1, 0, FRIDAY));
		this.stores.close();
		assertThat(this.dataDir.resolve("periods.json")).exists();
		String json = Files.readString(this.dataDir.resolve("periods.json"));
		assertThat(json).contains("2026-W49/*/u1", "2026-12/guild/u1", "\"gameIds\"");
		// Only the period store was written to: the original's files hold no player.
		assertThat(Files.readString(this.dataDir.resolve("players.json"))).doesNotContain("u1");
		assertThat(Files.readString(this.dataDir.resolve("guild_players.json"))).doesNotContain("u1");
	}

}
