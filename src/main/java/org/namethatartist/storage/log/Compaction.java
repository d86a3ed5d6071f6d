package org.namethatartist.storage.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.namethatartist.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites one store's log as a CHECKPOINT of its state followed by whatever was appended meanwhile,
 * after saving the old log as a backup. Writers go on during it and wait only for the final switch:
 * <ol>
 * <li>with no appender in flight, mark the log's end: every record before it is in memory;</li>
 * <li>copy the log up to the mark into a backup, forced, then renamed into place;</li>
 * <li>write the state as a CHECKPOINT into a new file, then copy what was appended after the mark, while
 * writers go on, until little is left;</li>
 * <li>holding the file: copy the rest, force, preallocate, rename the new file over the log, and switch
 * the writer to it;</li>
 * <li>after the writers are let go: free the old log gently, and prune old backups.</li>
 * </ol>
 * A crash at any step leaves either the old log or the new one under the log's name, both complete.
 *
 * <p>With {@link LogOptions#compactionWriteRate()}, the backup, the CHECKPOINT and the copy are written a
 * megabyte at a time, each forced and then paced ({@link WritePacer}), so that the log's writers share the
 * disk with a steady trickle rather than a burst of writeback.
 */
final class Compaction<V> {

	private static final Logger log = LoggerFactory.getLogger(Compaction.class);

	/** What was appended meanwhile is copied without blocking writers until this little is left. */
	private static final long FINAL_COPY_BYTES = 256 * 1024;

	private final StoreFiles files;

	private final RecordCodec<V> codec;

	private final StoreState<V> state;

	private final LogOptions options;

	private final LogWriter writer;

	private final ReentrantReadWriteLock inFlight;

	private final Runnable ensureOpen;

	/**
	 * @param inFlight shared by appenders from encoding to their memory update: held exclusively for the mark
	 * @param ensureOpen throws when the store is closed
	 */
	Compaction(StoreFiles files, RecordCodec<V> codec, StoreState<V> state, LogOptions options, LogWriter writer,
			ReentrantReadWriteLock inFlight, Runnable ensureOpen) {
		this.files = files;
		this.codec = codec;
		this.state = state;
		this.options = options;
		this.writer = writer;
		this.inFlight = inFlight;
		this.ensureOpen = ensureOpen;
	}

	/** @param maxWriteRate the most bytes a second it writes; 0 for as fast as the disk takes them */
	CompactionReport run(long maxWriteRate) throws IOException {
		long started = System.nanoTime();
		Path logPath = this.files.log();
		long mark;
		long recordsAtMark;
		// With no appender in flight, every record before the mark is in memory, so the snapshot taken
		// after it holds them all; records after the mark are copied behind the CHECKPOINT.
		this.inFlight.writeLock().lock();
		try {
			this.ensureOpen.run();
			mark = this.writer.end();
			recordsAtMark = this.writer.records();
		}
		finally {
			this.inFlight.writeLock().unlock();
		}
		// One pace for the whole compaction: the backup, the CHECKPOINT and the copy share it.
		WritePacer pacer = new WritePacer(maxWriteRate);
		Path backup = writeBackup(logPath, mark, pacer);
		Path temp = this.files.compactionTemp();
		try (FileChannel target = FileChannel.open(temp, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
				FileChannel source = FileChannel.open(logPath, StandardOpenOption.READ)) {
			OutputStream out = new BufferedOutputStream(new ForcingOutputStream(target, pacer), 1 << 16);
			int checkpointLines = this.codec.writeCheckpoint(out, this.state, this.options.clock().instant()).lines();
			out.flush();
			long copied = mark;
			long end;
			while ((end = this.writer.end()) - copied > FINAL_COPY_BYTES) {
				ForcingOutputStream.copy(source, copied, end, target, pacer);
				copied = end;
			}
			target.force(true);
			CompactionReport report;
			LogFile previous;
			this.writer.io.lock();
			try {
				this.ensureOpen.run();
				FileRanges.copy(source, copied, this.writer.end(), target);
				target.force(true);
				// Opened before the rename (a handle follows its file), so that nothing can fail between the
				// rename and the switch: appends never go to a file that has lost its name.
				LogFile next = this.options.opener().open(temp);
				long nextEnd;
				long nextAllocated;
				try {
					nextEnd = next.size();
					// Extended and forced before it is the log: its first group commit writes no size change.
					nextAllocated = LogWriter.extend(next, nextEnd, this.options.preallocate());
					next.force();
					Files.move(temp, logPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (IOException | RuntimeException ex) {
					LogWriter.closeQuietly(next);
					throw ex;
				}
				long carried = this.writer.records() - recordsAtMark;
				previous = this.writer.adopt(next, nextEnd, nextAllocated, checkpointLines + carried);
				try {
					this.writer.forceDirectoryIfNeeded();
				}
				catch (IOException ex) {
					log.warn("Store '{}': compacted, but forcing {} failed; the next write retries it: {}",
							this.files.store(), this.files.logsDir(), ex.toString());
				}
				report = new CompactionReport(this.files.store(), this.options.clock().instant(),
						Duration.ofNanos(System.nanoTime() - started), mark, nextEnd, backup.getFileName().toString(),
						carried);
			}
			finally {
				this.writer.io.unlock();
			}
			// Records that came during the switch were left to the holder of the file: written now, not
			// after the cleaning up below.
			this.writer.drain();
			// After the writers are let go, and gently: the old log and old backups are as large as the log,
			// and freeing such a file at once stalls every writer of the file system (LargeFiles). The old log
			// has no name any more, and its backup is written: emptying it loses nothing.
			LargeFiles.shrinkQuietly(previous);
			LogWriter.closeQuietly(previous);
			pruneBackups();
			log.info("Compacted store '{}': {} -> {} bytes, {} records carried over, backup {}, in {} ms",
					this.files.store(), mark, report.bytesAfter(), report.recordsCarriedOver(), report.backup(),
					report.duration().toMillis());
			return report;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Copies the log's first {@code length} bytes into a new backup, forced, then renamed into place. */
	private Path writeBackup(Path logPath, long length, WritePacer pacer) throws IOException {
		long millis = this.options.clock().millis();
		// Pruning keeps the highest numbers: after the clock stepped back, a lower number would make the
		// newest backup the first one deleted.
		List<Path> existing = this.files.backups();
		if (!existing.isEmpty()) {
			millis = Math.max(millis, this.files.backupMillis(existing.get(existing.size() - 1)) + 1);
		}
		Path backup = this.files.backup(millis);
		while (Files.exists(backup)) {
			backup = this.files.backup(++millis);
		}
		Path temp = this.files.logsDir().resolve(this.files.store() + ".log.backup.tmp");
		try (FileChannel source = FileChannel.open(logPath, StandardOpenOption.READ);
				FileChannel target = FileChannel.open(temp, StandardOpenOption.CREATE,
						StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			ForcingOutputStream.copy(source, 0, length, target, pacer);
			target.force(true);
		}
		AtomicFiles.moveIntoPlace(temp, backup);
		return backup;
	}

	private void pruneBackups() {
		try {
			List<Path> backups = this.files.backups();
			for (int i = 0; i < backups.size() - this.options.backups(); i++) {
				LargeFiles.delete(backups.get(i), this.files.backupBeingDeleted());
			}
		}
		catch (IOException ex) {
			log.warn("Store '{}': could not remove old backups: {}", this.files.store(), ex.toString());
		}
	}

	/** Thrown as the store's error when a compaction fails: the log is left as it was. */
	static StorageException failed(Path log, IOException ex) {
		return new StorageException("Compaction of " + log + " failed, the log is unchanged: " + ex, ex);
	}

}
