package org.namethatartist.storage.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.daily.DailyRepositoryContract;
import org.namethatartist.storage.StorageBackend;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily contract on PostgreSQL: a new database per test, reopened as another pool on it. Also: V7's tables. */
class PostgresDailyRepositoryTests extends DailyRepositoryContract {

	private final PerTestDatabase database = new PerTestDatabase(8);

	@Override
	protected StorageBackend backend() {
		return this.database.open();
	}

	@Override
	protected StorageBackend reopen() {
		return this.database.open();
	}

	/** Another pool on the same database, as a second bot process has. */
	@Override
	protected StorageBackend anotherProcess(StorageBackend backend) {
		return this.database.open();
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void oneRowPerDayAndPerPlayerDay() {
		PostgresStorage storage = this.database.open();
		storage.daily().saveChallenge(challenge(DAY, "1"));
		storage.daily().saveProgress(progress(DAY, "web:ann", false));
		storage.daily().saveProgress(progress(DAY, "web:ann", true));
		assertThat(storage.jdbc().sql("SELECT count(*) FROM daily_challenges").query(Long.class).single()).isEqualTo(1);
		assertThat(storage.jdbc()
			.sql("SELECT (progress->>'recorded')::boolean FROM daily_progress WHERE user_id = 'web:ann'")
			.query(Boolean.class)
			.single()).isTrue();
	}

}
