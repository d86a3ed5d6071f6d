package org.namethatartist.storage.log;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a log behaves.
 *
 * @param snapshotMaxDelay how long a change may wait before the JSON file is rewritten
 * @param backups how many {@code .backup.<epochMillis>} files compaction keeps
 * @param compactionWriteRate the most bytes a second compaction writes (its backup, CHECKPOINT and copy),
 * 0 for as fast as the disk takes them
 */
public record LogOptions(FsyncPolicy fsync, RecoveryMode recovery, Duration snapshotMaxDelay, int backups,
		Clock clock, LogListener listener, LogFile.Opener opener, long preallocate, long compactionWriteRate) {

	/** Compaction as fast as the disk takes it. */
	public LogOptions(FsyncPolicy fsync, RecoveryMode recovery, Duration snapshotMaxDelay, int backups, Clock clock,
			LogListener listener, LogFile.Opener opener, long preallocate) {
		this(fsync, recovery, snapshotMaxDelay, backups, clock, listener, opener, preallocate, 0);
	}

	/** The active log grows ahead of its writes by this much (see {@link AppendLog}'s class comment). */
	public static final long DEFAULT_PREALLOCATE = 16L << 20;

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
		if (preallocate < 0) {
			throw new IllegalArgumentException("preallocate must be 0 (off) or more bytes, not " + preallocate);
		}
		if (compactionWriteRate < 0) {
			throw new IllegalArgumentException(
					"compactionWriteRate must be 0 (unpaced) or more bytes a second, not " + compactionWriteRate);
		}
	}

	/**
	 * The defaults of DESIGN.md: fsync always, recovery skip, JSON at most once a second, 3 backups; and the
	 * log preallocated {@value #DEFAULT_PREALLOCATE} bytes at a time.
	 */
	public static LogOptions defaults() {
		return new LogOptions(FsyncPolicy.ALWAYS, RecoveryMode.SKIP, Duration.ofSeconds(1), 3, Clock.systemUTC(),
				LogListener.NONE, LogFile.Opener.DEFAULT, DEFAULT_PREALLOCATE);
	}

	public LogOptions withFsync(FsyncPolicy fsync) {
		return new LogOptions(fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock, this.listener,
				this.opener, this.preallocate, this.compactionWriteRate);
	}

	public LogOptions withRecovery(RecoveryMode recovery) {
		return new LogOptions(this.fsync, recovery, this.snapshotMaxDelay, this.backups, this.clock, this.listener,
				this.opener, this.preallocate, this.compactionWriteRate);
	}

	public LogOptions withOpener(LogFile.Opener opener) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock,
				this.listener, opener, this.preallocate, this.compactionWriteRate);
	}

	public LogOptions withListener(LogListener listener) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock, listener,
				this.opener, this.preallocate, this.compactionWriteRate);
	}

	public LogOptions withSnapshotMaxDelay(Duration delay) {
		return new LogOptions(this.fsync, this.recovery, delay, this.backups, this.clock, this.listener,
				this.opener, this.preallocate, this.compactionWriteRate);
	}

	public LogOptions withBackups(int backups) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, backups, this.clock, this.listener,
				this.opener, this.preallocate, this.compactionWriteRate);
	}

	/** 0: compaction writes as fast as the disk takes it. */
	public LogOptions withCompactionWriteRate(long bytesPerSecond) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock,
				this.listener, this.opener, this.preallocate, bytesPerSecond);
	}

	/** 0 turns preallocation off: the log then grows with each write, as before. */
	public LogOptions withPreallocate(long bytes) {
		return new LogOptions(this.fsync, this.recovery, this.snapshotMaxDelay, this.backups, this.clock,
				this.listener, this.opener, bytes, this.compactionWriteRate);
	}

}
