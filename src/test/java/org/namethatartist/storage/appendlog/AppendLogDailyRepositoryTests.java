package org.namethatartist.storage.appendlog;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.daily.DailyRepositoryContract;
import org.namethatartist.storage.StorageBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily contract on the append-log stores (fsync always), reopened as after a restart. Also: the daily
 * challenge is a store of its own, {@code logs/daily.log} and {@code daily.json}, beside the original's.
 */
class AppendLogDailyRepositoryTests extends DailyRepositoryContract {

	@TempDir
	Path dataDir;

	private final PerTestStores stores = new PerTestStores();

	@Override
	protected StorageBackend backend() {
		return this.stores.open(this.dataDir);
	}

	@Override
	protected StorageBackend reopen() {
		return this.stores.reopen(this.dataDir);
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	@Test
	void theDailyIsAStoreOfItsOwn() throws Exception {
		backend().daily().saveProgress(progress(DAY, "web:ann", false));
		assertThat(Files.readString(this.dataDir.resolve("logs/daily.log")))
			.contains("\"key\":\"progress:2026-12-05:web:ann\"");
		this.stores.close();
		assertThat(Files.readString(this.dataDir.resolve("daily.json"))).contains("\"userId\": \"web:ann\"");
	}

}
