package org.namethatartist.storage.appendlog;

import java.nio.file.Path;

import org.namethatartist.storage.log.LogOptions;

/**
 * One test's append-log stores for the contract tests, with production options (fsync always): opened
 * on the test's data directory, reopened as after a restart, closed at the end.
 */
final class PerTestStores implements AutoCloseable {

	private AppendLogStores stores;

	AppendLogStores open(Path dataDir) {
		this.stores = AppendLogStores.open(dataDir, LogOptions.defaults());
		return this.stores;
	}

	/** Closes the stores and opens them again on the same directory. */
	AppendLogStores reopen(Path dataDir) {
		close();
		return open(dataDir);
	}

	/** The stores opened last. */
	AppendLogStores current() {
		return this.stores;
	}

	@Override
	public void close() {
		if (this.stores != null) {
			this.stores.close();
			this.stores = null;
		}
	}

}
