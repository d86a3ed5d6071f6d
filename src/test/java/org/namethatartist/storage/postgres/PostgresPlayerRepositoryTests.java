package org.namethatartist.storage.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.StorageException;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerRepositoryContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The player contract on PostgreSQL: a new database per test, reopened as another pool on it. Also: with
 * the pool closed a result fails loudly and is not recorded.
 */
class PostgresPlayerRepositoryTests extends PlayerRepositoryContract {

	private final PerTestDatabase database = new PerTestDatabase(16);

	@Override
	protected PlayerRepository repository() {
		return this.database.open().players();
	}

	@Override
	protected PlayerRepository reopen() {
		return this.database.open().players();
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void aResultWithThePoolClosedFailsLoudlyAndIsNotRecorded() {
		PlayerRepository players = repository();
		this.database.latestPool().close();
		assertThatThrownBy(() -> players.recordResult(result("g", "u", 1, false, 0, 0)))
			.isInstanceOf(StorageException.class)
			.hasMessageContaining("nothing was recorded");
		assertThat(reopen().find("u")).isEmpty();
	}

}
