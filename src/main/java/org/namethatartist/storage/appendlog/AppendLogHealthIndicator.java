package org.namethatartist.storage.appendlog;

import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.LogStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of one store: DOWN while its last write failed (the disk is full or broken), with the
 * store's path, size, records, last recovery and compaction, backups and last write error as details.
 * Details that do not exist yet (no compaction so far, no error) are left out.
 */
class AppendLogHealthIndicator extends AbstractHealthIndicator {

	private final AppendLog<?> appendLog;

	AppendLogHealthIndicator(AppendLog<?> appendLog) {
		super("Health check of store '" + appendLog.store() + "' failed");
		this.appendLog = appendLog;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		LogStatus status = this.appendLog.status();
		if (status.writable()) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("path", status.path())
			.withDetail("logBytes", status.logBytes())
			.withDetail("records", status.records())
			.withDetail("backups", status.backups());
		detail(builder, "lastRecovery", status.lastRecovery());
		detail(builder, "lastCompaction", status.lastCompaction());
		detail(builder, "lastWriteError", status.lastWriteError());
		detail(builder, "lastWriteErrorAt", status.lastWriteErrorAt());
		detail(builder, "lastSnapshotError", status.lastSnapshotError());
	}

	private static void detail(Health.Builder builder, String name, Object value) {
		if (value != null) {
			builder.withDetail(name, value);
		}
	}

}
