package org.namethatartist.storage.postgres;

import org.jspecify.annotations.Nullable;
import org.namethatartist.storage.StorageOperations;

/**
 * PostgreSQL's answers to an operator: the database, the schema version, exact row counts and the pool
 * (503 while the database does not answer). There is nothing to compact: PostgreSQL reclaims space itself.
 */
final class PostgresOperations implements StorageOperations {

	private final PostgresStorage postgres;

	PostgresOperations(PostgresStorage postgres) {
		this.postgres = postgres;
	}

	@Override
	public Answer status() {
		try {
			return Answer.ok(this.postgres.status());
		}
		catch (RuntimeException ex) {
			return Answer.refused(503, "PostgreSQL does not answer: " + PostgresStorage.firstLine(ex));
		}
	}

	@Override
	public Answer compact(@Nullable String store) {
		return Answer.refused(400, "Nothing to compact: the backend is PostgreSQL, which reclaims space itself "
				+ "(autovacuum)");
	}

}
