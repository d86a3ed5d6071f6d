package org.namethatartist.storage.appendlog;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerRepositoryContract;
import org.namethatartist.storage.log.LogOptions;

/** The player contract on the append-log stores, with fsync always, reopened as after a restart. */
class AppendLogPlayerRepositoryTests extends PlayerRepositoryContract {

	@TempDir
	Path dataDir;

	private AppendLogStores stores;

	@Override
	protected PlayerRepository repository() {
		this.stores = AppendLogStores.open(this.dataDir, LogOptions.defaults());
		return this.stores.players();
	}

	@Override
	protected PlayerRepository reopen() {
		this.stores.close();
		return repository();
	}

	@AfterEach
	void close() {
		if (this.stores != null) {
			this.stores.close();
		}
	}

}
