package org.namethatartist.storage.log;

/**
 * What one line of a log turned out to be when {@link LogScanner} decoded it, before recovery's policy
 * decides what to do with it. Decoding depends on the line's bytes only, so it may run on any thread,
 * in any order; the lines are applied in the log's order.
 *
 * @param <V> the type of the store's values
 */
sealed interface ScannedLine<V> {

	/** A line that holds no record (empty, or only blanks); the original's reader skips such lines too. */
	record Blank<V>() implements ScannedLine<V> {
	}

	/** A record, to apply to the state. */
	record Good<V>(DecodedRecord<V> record) implements ScannedLine<V> {
	}

	/** A complete line that is not a valid record, and why. */
	record Bad<V>(String reason) implements ScannedLine<V> {
	}

	/** Something other than a bad record went wrong decoding the line: thrown when the line is applied. */
	record Failed<V>(Throwable cause) implements ScannedLine<V> {

		RuntimeException rethrow() {
			if (this.cause instanceof RuntimeException runtime) {
				return runtime;
			}
			if (this.cause instanceof Error error) {
				throw error;
			}
			return new IllegalStateException(this.cause);
		}

	}

}
