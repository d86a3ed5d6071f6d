package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.List;

import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.CompactionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.unit.DataSize;

/**
 * Compacts, every {@code storage.compaction.interval}, each log larger than
 * {@code storage.compaction.threshold}. A failure is logged and the next pass tries again: the engine
 * leaves the log unchanged when compaction fails, so there is nothing to undo.
 */
class AppendLogCompactor {

	private static final Logger log = LoggerFactory.getLogger(AppendLogCompactor.class);

	private final AppendLogStores stores;

	private final DataSize threshold;

	AppendLogCompactor(AppendLogStores stores, DataSize threshold) {
		this.stores = stores;
		this.threshold = threshold;
	}

	// The default repeats StorageProperties' own, as @Scheduled reads the raw property; a bad value has
	// already stopped start-up when the properties were bound, before this bean existed.
	@Scheduled(fixedDelayString = "${storage.compaction.interval:1h}",
			initialDelayString = "${storage.compaction.interval:1h}")
	void compactLargeLogs() {
		compactLogsOver(this.threshold);
	}

	/** Compacts every log over {@code threshold}; returns the reports of those that succeeded. */
	List<CompactionReport> compactLogsOver(DataSize threshold) {
		List<CompactionReport> reports = new ArrayList<>();
		for (AppendLog<?> appendLog : this.stores.logs()) {
			if (appendLog.logBytes() <= threshold.toBytes()) {
				continue;
			}
			try {
				reports.add(appendLog.compact());
			}
			catch (RuntimeException ex) {
				// Never thrown out of the scheduler: one failing store must not stop the others, nor the task.
				log.warn("Scheduled compaction of store '{}' failed, will retry in the next pass: {}",
						appendLog.store(), ex.getMessage());
			}
		}
		return reports;
	}

}
