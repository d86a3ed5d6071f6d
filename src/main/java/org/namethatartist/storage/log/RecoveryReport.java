package org.namethatartist.storage.log;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What start-up recovery of one store found and did.
 *
 * @param source where the state came from
 * @param recordsReplayed log lines applied (a CHECKPOINT counts as one)
 * @param bytesTruncated bytes cut from the end of the log (a torn tail, or what {@code stop} set aside)
 * @param recordsSkipped bad lines moved to the {@code .corrupt} file
 * @param problems one line per problem found, naming line and byte offset
 */
public record RecoveryReport(String store, Source source, long recordsReplayed, long bytesTruncated,
		long recordsSkipped, Duration duration, Instant finishedAt, List<String> problems) {

	/** Where recovery took the state from. */
	public enum Source {

		/** The log (the usual case). */
		LOG,

		/** A JSON file written before logs existed, imported as the first CHECKPOINT. */
		JSON,

		/** Nothing: a new store. */
		EMPTY

	}

	public RecoveryReport {
		problems = List.copyOf(problems);
	}

	/** Whether recovery had to repair anything. */
	public boolean clean() {
		return this.bytesTruncated == 0 && this.recordsSkipped == 0 && this.problems.isEmpty();
	}

	/** One line for the log. */
	public String summary() {
		return String.format("store '%s' recovered from %s: %d records replayed, %d bytes truncated, "
				+ "%d records skipped, in %d ms%s", this.store, this.source, this.recordsReplayed, this.bytesTruncated,
				this.recordsSkipped, this.duration.toMillis(), this.problems.isEmpty() ? "" : "; " + this.problems);
	}

}
