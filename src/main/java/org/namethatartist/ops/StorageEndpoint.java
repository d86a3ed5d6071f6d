package org.namethatartist.ops;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.CompactionReport;
import org.namethatartist.storage.log.LogStatus;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/storage}: reading gives every store's status (size, records, last recovery, last
 * compaction, backups, last errors); writing compacts all stores now, or the one named by {@code store}.
 */
@Component
@Endpoint(id = "storage")
@ConditionalOnProperty(prefix = "storage", name = "backend", havingValue = "append-log", matchIfMissing = true)
class StorageEndpoint {

	private final AppendLogStores stores;

	StorageEndpoint(AppendLogStores stores) {
		this.stores = stores;
	}

	@ReadOperation
	public StorageStatus status() {
		List<LogStatus> statuses = new ArrayList<>();
		for (AppendLog<?> appendLog : this.stores.logs()) {
			statuses.add(appendLog.status());
		}
		return new StorageStatus(this.stores.dataDir().toString(), statuses);
	}

	/**
	 * Compacts whatever the size of the logs: asking is the reason. An unknown store is answered 400
	 * with {@code {"error": …}}, the application's error shape, naming the stores there are.
	 */
	@WriteOperation
	public WebEndpointResponse<Object> compact(@Nullable String store) {
		List<AppendLog<?>> selected = selected(store);
		if (selected.isEmpty()) {
			return new WebEndpointResponse<>(new Error("Unknown store '" + store + "'; stores: "
					+ String.join(", ", storeNames())), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		List<CompactionReport> reports = new ArrayList<>();
		for (AppendLog<?> appendLog : selected) {
			reports.add(appendLog.compact());
		}
		return new WebEndpointResponse<>(reports);
	}

	private List<AppendLog<?>> selected(@Nullable String store) {
		if (store == null || store.isBlank()) {
			return this.stores.logs();
		}
		return this.stores.logs().stream().filter((appendLog) -> appendLog.store().equals(store)).toList();
	}

	private List<String> storeNames() {
		return this.stores.logs().stream().map(AppendLog::store).toList();
	}

	/** What the read operation answers. */
	public record StorageStatus(String dataDir, List<LogStatus> stores) {
	}

	/** What a refused request answers. */
	public record Error(String error) {
	}

}
