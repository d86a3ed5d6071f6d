package org.namethatartist.storage.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.StorageException;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodBoardsContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The period boards contract on PostgreSQL (Flyway V3): a new database per test, reopened as another pool. */
class PostgresPeriodBoardsTests extends PeriodBoardsContract {

	private final PerTestDatabase database = new PerTestDatabase(16);

	@Override
	protected PeriodBoards boards() {
		return this.database.open().periods();
	}

	@Override
	protected PeriodBoards reopen() {
		return this.database.open().periods();
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void aResultWithThePoolClosedFailsLoudlyAndIsNotRecorded() {
		PeriodBoards boards = boards();
		this.database.latestPool().close();
		assertThatThrownBy(() -> boards.recordResult(game("g", "u", null, 1, false, 0, 0, FRIDAY)))
			.isInstanceOf(StorageException.class)
			.hasMessageContaining("nothing was recorded");
		assertThat(reopen().standing(W49, org.namethatartist.player.PeriodSort.TOTAL_SCORE, null, "u")).isEmpty();
	}

}
