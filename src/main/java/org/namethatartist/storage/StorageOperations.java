package org.namethatartist.storage;

import org.jspecify.annotations.Nullable;

/**
 * What an operator may ask of the running storage backend through {@code /actuator/storage}: its status,
 * and a compaction. Each backend answers in its own terms; the endpoint needs to know none of them.
 */
public interface StorageOperations {

	/** The backend's status, or why it cannot be had (a database that does not answer: 503). */
	Answer status();

	/**
	 * Compacts every store, or the one named; a backend with nothing to compact, or an unknown store, is
	 * answered 400 with {@code {"error": …}}.
	 */
	Answer compact(@Nullable String store);

	/**
	 * An answer and its HTTP status.
	 * @param body what is written as JSON: a status, reports, or a {@link Failure}
	 */
	record Answer(int status, Object body) {

		public static Answer ok(Object body) {
			return new Answer(200, body);
		}

		public static Answer refused(int status, String error) {
			return new Answer(status, new Failure(error));
		}

	}

	/** A refusal, in the application's error shape. */
	record Failure(String error) {
	}

}
