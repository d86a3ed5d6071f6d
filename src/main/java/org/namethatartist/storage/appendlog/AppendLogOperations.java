package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.namethatartist.storage.StorageOperations;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.CompactionReport;
import org.namethatartist.storage.log.LogStatus;

/**
 * The append log's answers to an operator: every store's status (size, records, last recovery, last
 * compaction, backups, last errors), and compaction now of all stores or of the one named.
 */
final class AppendLogOperations implements StorageOperations {

	private final AppendLogStores stores;

	AppendLogOperations(AppendLogStores stores) {
		this.stores = stores;
	}

	@Override
	public Answer status() {
		List<LogStatus> statuses = new ArrayList<>();
		for (AppendLog<?> log : this.stores.logs()) {
			statuses.add(log.status());
		}
		return Answer.ok(new StorageStatus("append-log", this.stores.dataDir().toString(), statuses));
	}

	/** Compacts whatever the size of the logs: asking is the reason. */
	@Override
	public Answer compact(@Nullable String store) {
		List<AppendLog<?>> selected = (store == null || store.isBlank()) ? this.stores.logs()
				: this.stores.logs().stream().filter((log) -> log.store().equals(store)).toList();
		if (selected.isEmpty()) {
			return Answer.refused(400, "Unknown store '" + store + "'; stores: "
					+ String.join(", ", this.stores.logs().stream().map(AppendLog::store).toList()));
		}
		List<CompactionReport> reports = new ArrayList<>();
		for (AppendLog<?> log : selected) {
			reports.add(log.compact());
		}
		return Answer.ok(reports);
	}

	/** What the read answers on the append log. */
	public record StorageStatus(String backend, String dataDir, List<LogStatus> stores) {
	}

}
