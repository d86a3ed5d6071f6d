package org.namethatartist.ops;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.CompactionReport;
import org.namethatartist.storage.log.LogStatus;
import org.namethatartist.storage.postgres.PostgresStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/storage}, for whichever backend runs. On the append log, reading gives every store's
 * status (size, records, last recovery, last compaction, backups, last errors) and writing compacts all
 * stores now, or the one named by {@code store}. On PostgreSQL, reading gives the database, the schema
 * version, exact row counts and the pool (503 while the database does not answer); there is nothing to
 * compact, which a write answers with 400.
 */
@Component
@Endpoint(id = "storage")
class StorageEndpoint {

	private final @Nullable AppendLogStores stores;

	private final @Nullable PostgresStorage postgres;

	StorageEndpoint(ObjectProvider<AppendLogStores> stores, ObjectProvider<PostgresStorage> postgres) {
		this.stores = stores.getIfAvailable();
		this.postgres = postgres.getIfAvailable();
	}

	@ReadOperation
	public WebEndpointResponse<Object> status() {
		if (this.postgres != null) {
			try {
				return new WebEndpointResponse<>(this.postgres.status());
			}
			catch (RuntimeException ex) {
				return new WebEndpointResponse<>(new Failure("PostgreSQL does not answer: " + PostgresStorage.firstLine(ex)),
						WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
			}
		}
		AppendLogStores appendLog = appendLog();
		List<LogStatus> statuses = new ArrayList<>();
		for (AppendLog<?> log : appendLog.logs()) {
			statuses.add(log.status());
		}
		return new WebEndpointResponse<>(new StorageStatus("append-log", appendLog.dataDir().toString(), statuses));
	}

	/**
	 * Compacts whatever the size of the logs: asking is the reason. An unknown store is answered 400
	 * with {@code {"error": …}}, the application's error shape, naming the stores there are.
	 */
	@WriteOperation
	public WebEndpointResponse<Object> compact(@Nullable String store) {
		if (this.postgres != null) {
			return new WebEndpointResponse<>(new Failure("Nothing to compact: the backend is PostgreSQL, "
					+ "which reclaims space itself (autovacuum)"), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		List<AppendLog<?>> selected = selected(store);
		if (selected.isEmpty()) {
			return new WebEndpointResponse<>(new Failure("Unknown store '" + store + "'; stores: "
					+ String.join(", ", storeNames())), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		List<CompactionReport> reports = new ArrayList<>();
		for (AppendLog<?> appendLog : selected) {
			reports.add(appendLog.compact());
		}
		return new WebEndpointResponse<>(reports);
	}

	private AppendLogStores appendLog() {
		if (this.stores == null) {
			throw new IllegalStateException("no storage backend is configured");
		}
		return this.stores;
	}

	private List<AppendLog<?>> selected(@Nullable String store) {
		if (store == null || store.isBlank()) {
			return appendLog().logs();
		}
		return appendLog().logs().stream().filter((log) -> log.store().equals(store)).toList();
	}

	private List<String> storeNames() {
		return appendLog().logs().stream().map(AppendLog::store).toList();
	}

	/** What the read operation answers on the append log. */
	public record StorageStatus(String backend, String dataDir, List<LogStatus> stores) {
	}

	/** What a refused request answers. */
	public record Failure(String error) {
	}

}
