package org.namethatartist.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.LogOptions;
import org.namethatartist.storage.log.RecoveryMode;

/**
 * Opens a benchmark data directory as production does ({@code fsync: always}, JSON files rewritten
 * at most once a second, but never more often than every ten times the last rewrite took; see
 * {@link #SNAPSHOT_DELAY}), except for
 * recovery in {@code strict} mode: a line the store would not have written stops the benchmark.
 */
final class StoreUnderTest {

	/** {@code -Dbench.snapshot-delay=3600s} shows what the JSON files' rewrites cost the writers. */
	static final Duration SNAPSHOT_DELAY = Duration.parse("PT" + System.getProperty("bench.snapshot-delay", "1s"));

	private StoreUnderTest() {
	}

	static AppendLogStores open(Path dir) {
		AppendLogStores stores = AppendLogStores.open(dir,
				LogOptions.defaults().withRecovery(RecoveryMode.STRICT).withSnapshotMaxDelay(SNAPSHOT_DELAY));
		// Recovery leaves every JSON file to be rewritten; done now, so it does not run in a measurement.
		stores.logs().forEach(AppendLog::writeSnapshot);
		return stores;
	}

}
