package org.namethatartist.storage.log;

import java.time.Instant;
import java.util.List;

/**
 * A store's state for health checks and the {@code storage} endpoint.
 *
 * @param records lines in the current log
 * @param writable false after a failed write, until a write succeeds
 * @param lastWriteError the last failed write or force, or null
 */
public record LogStatus(String store, String path, long logBytes, long records, boolean writable,
		RecoveryReport lastRecovery, CompactionReport lastCompaction, List<String> backups, String lastWriteError,
		Instant lastWriteErrorAt, String lastSnapshotError, Instant lastSnapshotAt) {

	public LogStatus {
		backups = List.copyOf(backups);
	}

}
