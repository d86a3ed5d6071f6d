package org.namethatartist.ops;

import org.jspecify.annotations.Nullable;
import org.namethatartist.storage.StorageOperations;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/storage}, for whichever backend runs, through its {@link StorageOperations}. On the
 * append log, reading gives every store's status and writing compacts all stores now, or the one named by
 * {@code store}. On PostgreSQL, reading gives the database, the schema version, exact row counts and the
 * pool (503 while the database does not answer); there is nothing to compact, which a write answers with
 * 400.
 */
@Component
@Endpoint(id = "storage")
class StorageEndpoint {

	private final StorageOperations operations;

	StorageEndpoint(StorageOperations operations) {
		this.operations = operations;
	}

	@ReadOperation
	public WebEndpointResponse<Object> status() {
		return response(this.operations.status());
	}

	@WriteOperation
	public WebEndpointResponse<Object> compact(@Nullable String store) {
		return response(this.operations.compact(store));
	}

	private static WebEndpointResponse<Object> response(StorageOperations.Answer answer) {
		return new WebEndpointResponse<>(answer.body(), answer.status());
	}

}
