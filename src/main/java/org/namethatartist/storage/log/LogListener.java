package org.namethatartist.storage.log;

/** Hooks for metrics; every method does nothing unless overridden. Called on the writing thread. */
public interface LogListener {

	LogListener NONE = new LogListener() {
	};

	/** One group-commit batch reached the file: how many records and bytes, and how long write and force took. */
	default void batchWritten(String store, int records, int bytes, long writeNanos, long forceNanos) {
	}

	/** One append, from the caller's call to its acknowledgement. */
	default void appended(String store, long nanos) {
	}

	default void writeFailed(String store, Exception error) {
	}

	default void recovered(RecoveryReport report) {
	}

	default void compacted(CompactionReport report) {
	}

}
