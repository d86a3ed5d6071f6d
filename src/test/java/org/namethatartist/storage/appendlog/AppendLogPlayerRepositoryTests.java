package org.namethatartist.storage.appendlog;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerRepositoryContract;

/** The player contract on the append-log stores, with fsync always, reopened as after a restart. */
class AppendLogPlayerRepositoryTests extends PlayerRepositoryContract {

	@TempDir
	Path dataDir;

	private final PerTestStores stores = new PerTestStores();

	@Override
	protected PlayerRepository repository() {
		return this.stores.open(this.dataDir).players();
	}

	@Override
	protected PlayerRepository reopen() {
		return this.stores.reopen(this.dataDir).players();
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

}
