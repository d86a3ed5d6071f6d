package org.namethatartist.storage.log;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Keeps a large write (compaction's backup and CHECKPOINT) at most {@code bytesPerSecond} on average, as
 * RocksDB's rate limiter keeps its compactions: after each step written (and forced), it sleeps until the
 * bytes so far are within the rate since the start. Writers of the log then share the disk with a steady
 * trickle, not a burst of writeback. Zero: no pace.
 */
final class WritePacer {

	static final WritePacer NONE = new WritePacer(0);

	private final long bytesPerSecond;

	private final long started = System.nanoTime();

	private long written;

	WritePacer(long bytesPerSecond) {
		this.bytesPerSecond = bytesPerSecond;
	}

	/** Counts {@code bytes} more, and waits while the write is ahead of its pace. */
	void wrote(long bytes) throws IOException {
		if (this.bytesPerSecond <= 0) {
			return;
		}
		this.written += bytes;
		long due = this.started + (long) (this.written * 1e9 / this.bytesPerSecond);
		long ahead = due - System.nanoTime();
		if (ahead > 0) {
			try {
				Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while pacing a compaction");
			}
		}
	}

}
