package org.namethatartist.storage.log;

import java.time.Duration;
import java.time.Instant;

/**
 * One compaction of a store's log.
 *
 * @param backup the file the old log was saved as
 * @param recordsCarriedOver records appended while the CHECKPOINT was being written, kept after it
 */
public record CompactionReport(String store, Instant finishedAt, Duration duration, long bytesBefore,
		long bytesAfter, String backup, long recordsCarriedOver) {
}
