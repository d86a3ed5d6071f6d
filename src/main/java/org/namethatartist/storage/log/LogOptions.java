package org.namethatartist.storage.log;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a log behaves.
 *
 * @param snapshotMaxDelay how long a change may wait before the JSON file is rewritten
 * @param backups how many {@code .backup.<epochMillis>} files compaction keeps
 */
public record LogOptions(FsyncPolicy fsync, RecoveryMode recovery, Duration snapshotMaxDelay, int backups,
		Clock clock, LogListener listener, LogFile.Opener opener) {

	public LogOptions {
		Objects.requireNonNull(fsync, "fsync");
		Objects.requireNonNull(recovery, "recovery");
		Objects.requireNonNull(snapshotMaxDelay, "snapshotMaxDelay");
		Objects.requireNonNull(clock, "clock");
		listener = (listener != null) ? listener : LogListener.NONE;
		opener = (opener != null) ? opener : LogFile.Opener.DEFAULT;
		if (backups < 0) {
			throw new IllegalArgumentException("backups must be 0 or more, not " + backups);
		}
	}

	/** The defaults of DESIGN.md: fsync always, recovery skip, JSON at most once a second, 3 backups. */
	public static LogOptions defaults() {
		return new LogOptions(FsyncPolicy.ALWAYS, RecoveryMode.SKIP, Duration.ofSeconds(1), 3, Clock.systemUTC(),
				LogListener.NONE, LogFile.Opener.DEFAULT);
	}

	public LogOptions withFsync(FsyncPolicy fsync) {
		return new LogOptions(fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock, this.listener,
				this.opener);
	}

	public LogOptions withRecovery(RecoveryMode recovery) {
		return new LogOptions(this.fsync, recovery, this.snapshotMaxDelay, this.backups, this.clock, this.listener,
				this.opener);
	}

	public LogOptions withOpener(LogFile.Opener opener) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock,
				this.listener, opener);
	}

	public LogOptions withListener(LogListener listener) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock, listener,
				this.opener);
	}

	public LogOptions withSnapshotMaxDelay(Duration delay) {
		return new LogOptions(this.fsync, this.recovery, delay, this.backups, this.clock, this.listener,
				this.opener);
	}

	public LogOptions withBackups(int backups) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, backups, this.clock, this.listener,
				this.opener);
	}

}
