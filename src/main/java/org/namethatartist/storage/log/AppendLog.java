package org.namethatartist.storage.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.namethatartist.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * One store: an append-only log of JSON lines that is the truth, the in-memory state it replays into,
 * and the original's JSON file kept beside it for compatibility.
 *
 * <pre>
 * data/
 *   &lt;store&gt;.json                      the state, as the original writes it (rewritten, coalesced)
 *   logs/&lt;store&gt;.log                  one record per line:
 *     {"timestamp":…,"op":"SET","key":…,"value":…,"crc":"1a2b3c4d"}
 *     {"timestamp":…,"op":"SET","data":{…},"crc":…}       members replace keys of the same name
 *     {"timestamp":…,"op":"DELETE","key":…,"crc":…}
 *     {"op":"CHECKPOINT","state":{…},"compactedAt":…,"crc":…}   written by compaction, first line
 *   logs/&lt;store&gt;.log.backup.&lt;ms&gt;    the log before a compaction (newest N kept)
 *   logs/&lt;store&gt;.log.corrupt          bad lines recovery set aside
 * </pre>
 *
 * <p><b>Guarantees.</b> With {@link FsyncPolicy#ALWAYS}, {@link #append} returns only after the record's
 * bytes are forced to the disk; concurrent appenders share one write and one force (group commit). A
 * failed write or force is not acknowledged and leaves no partial line: the file is cut back to the
 * last good offset. Memory changes only after the disk has the record (the caller's {@code onDurable}
 * runs then). Compaction never loses a record appended while it runs, and a crash at any step recovers
 * to the same state.
 *
 * <p><b>Not guaranteed:</b> with {@link FsyncPolicy#EVERY_SECOND} the last second of acknowledged
 * writes can be lost in a power cut (not in a process crash), with {@link FsyncPolicy#NEVER} more. The
 * JSON file may lag the log by up to the snapshot delay; it is never the truth while a log exists.
 *
 * <p><b>Preallocation.</b> The active log is extended ahead of its writes, {@link LogOptions#preallocate()}
 * bytes at a time, so that a group commit's fdatasync has no change of the file's length to write. The
 * benchmark's floor runs (p50 of 2,000 writes of 200 B, each followed by fdatasync, ext4, three runs)
 * measured 133–136 µs appending at the end, 91–92 µs into sparse preallocated space, 97–99 µs into
 * written zeros. So the extension is sparse: one zero byte written at the new end, one size change per
 * chunk and no data written. On ext4 (and XFS, not measured here) a hole gets its blocks when our records
 * are written back, delayed allocation, at no measurable cost; extending with written zeros allocates
 * them at once but writes the whole chunk in the group-commit leader's time (16 MB: tens of milliseconds
 * of one writer's latency) and was slower still. {@code fallocate} with KEEP_SIZE gained nothing in issue
 * 18's measurement: the cost is the size change, not the allocation. The chunk's size matters little
 * once it holds many batches (one size change per chunk); 16 MB bounds what a start reads back over
 * (see {@link LogRecovery#logicalEnd}) and costs no disk while sparse. So the file is longer than its
 * records, followed by zeros: {@link LogRecovery} reads zeros after the last record as free space. A clean
 * {@link #close()} cuts the file to its last record (the original bot's reader fails on a NUL byte); after
 * a crash, the next start does. Compaction's new log is extended before it takes the log's place, and
 * backups are copies of the records only.
 *
 * @param <V> the type of the values under the store's keys
 */
public final class AppendLog<V> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AppendLog.class);

	/** Compaction copies what was appended meanwhile without blocking writers until this little is left. */
	private static final long FINAL_COPY_BYTES = 256 * 1024;

	private final StoreFiles files;

	private final RecordCodec<V> codec;

	private final StoreState<V> state;

	private final LogOptions options;

	/** Shared by appenders from encoding to their memory update; exclusive to fix a compaction's start. */
	private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();

	/** Held by whoever writes to the file: the group-commit leader, or compaction's final switch. */
	private final ReentrantLock io = new ReentrantLock();

	/**
	 * Records waiting for a writer, newest first: appenders push without a lock (64 appenders on two
	 * cores queued on a monitor, each parked and woken), whoever holds {@link #io} takes them all.
	 */
	private final AtomicReference<Pending> pending = new AtomicReference<>();

	private final ReentrantLock compactionLock = new ReentrantLock();

	private final ScheduledExecutorService background;

	private final AtomicBoolean snapshotScheduled = new AtomicBoolean();

	private volatile boolean snapshotDirty;

	// Guarded by io.
	private LogFile file;

	/**
	 * Where a batch is assembled for its write, kept for the next one. Guarded by io. Direct: a heap
	 * buffer is copied by the JDK into a temporary direct one per thread, and with a different leader
	 * per batch those temporaries were allocated, faulted in and freed again and again.
	 */
	private ByteBuffer batchBuffer = ByteBuffer.allocateDirect(64 * 1024);

	private volatile long fileEnd;

	/** The file's length: {@link #fileEnd} plus the preallocated zeros after it. Guarded by io. */
	private long allocatedEnd;

	private volatile long records;

	private volatile long forcedEnd;

	private boolean needsRepair;

	/** Set when a compaction's rename is not yet known to be durable. Guarded by io. */
	private boolean needsDirectoryForce;

	private volatile boolean closed;

	private volatile boolean writable = true;

	private volatile String lastWriteError;

	private volatile Instant lastWriteErrorAt;

	private volatile String lastSnapshotError;

	private volatile Instant lastSnapshotAt;

	private volatile long lastSnapshotMillis;

	private volatile RecoveryReport lastRecovery;

	private volatile CompactionReport lastCompaction;

	private ScheduledFuture<?> forcer;

	private AppendLog(StoreFiles files, RecordCodec<V> codec, StoreState<V> state, LogOptions options) {
		this.files = files;
		this.codec = codec;
		this.state = state;
		this.options = options;
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "nta-store-" + files.store());
			thread.setDaemon(true);
			return thread;
		});
		// close() writes a pending snapshot itself: it must not wait for the scheduled one's delay.
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		executor.setRemoveOnCancelPolicy(true);
		this.background = executor;
	}

	/**
	 * Opens a store, recovering its state from the log (or importing its JSON file), and rewrites the
	 * JSON file from the recovered state in the background.
	 * @throws LogCorruptedException in {@code strict} mode, on a bad record
	 * @throws StorageException when the files cannot be read or repaired
	 */
	public static <V> AppendLog<V> open(String store, Path dataDir, ObjectMapper mapper, ValueCodec<V> values,
			StoreState<V> state, LogOptions options) {
		StoreFiles files = new StoreFiles(store, dataDir.toAbsolutePath().normalize());
		AppendLog<V> appendLog = new AppendLog<>(files, new RecordCodec<>(mapper, values), state, options);
		try {
			appendLog.start();
		}
		catch (IOException ex) {
			appendLog.background.shutdownNow();
			throw new StorageException("Cannot open store '" + store + "' in " + files.dataDir() + ": " + ex, ex);
		}
		catch (RuntimeException ex) {
			appendLog.background.shutdownNow();
			throw ex;
		}
		return appendLog;
	}

	private void start() throws IOException {
		LogRecovery.Result result = new LogRecovery<>(this.files, this.codec, this.state, this.options).recover();
		this.lastRecovery = result.report();
		this.records = result.records();
		this.file = this.options.opener().open(this.files.log());
		this.fileEnd = this.file.size();
		this.allocatedEnd = this.fileEnd;
		this.forcedEnd = this.fileEnd;
		if (result.report().clean()) {
			log.info("{}", result.report().summary());
		}
		else {
			log.warn("{}", result.report().summary());
		}
		notifyListener(() -> this.options.listener().recovered(result.report()));
		if (result.report().source() != RecoveryReport.Source.JSON) {
			// The JSON file may be missing, unreadable or behind the log: the recovered state replaces it.
			markSnapshotDirty();
		}
		if (this.options.fsync() == FsyncPolicy.EVERY_SECOND) {
			this.forcer = this.background.scheduleWithFixedDelay(this::forceQuietly, 1, 1, TimeUnit.SECONDS);
		}
	}

	public String store() {
		return this.files.store();
	}

	public Path logPath() {
		return this.files.log();
	}

	public Path jsonPath() {
		return this.files.json();
	}

	/**
	 * Appends one record and returns once it is acknowledged by the fsync policy; {@code onDurable} runs
	 * before that, after the disk has the record: it is where the caller changes its memory.
	 * @throws StorageException when the record could not be written; nothing was recorded then
	 */
	public void append(Mutation<V> mutation, Runnable onDurable) {
		long started = System.nanoTime();
		this.inFlight.readLock().lock();
		try {
			if (this.closed) {
				throw new StorageException("Store '" + store() + "' is closed");
			}
			Pending record = new Pending(this.codec.encode(mutation, this.options.clock().instant()));
			Pending head;
			do {
				head = this.pending.get();
				record.next = head;
			}
			while (!this.pending.compareAndSet(head, record));
			drain();
			record.await(this);
			if (onDurable != null) {
				onDurable.run();
			}
			// Inside the lock: close() then either sees the store dirty or waits for this to be said.
			markSnapshotDirty();
		}
		finally {
			this.inFlight.readLock().unlock();
		}
		notifyListener(() -> this.options.listener().appended(store(), System.nanoTime() - started));
	}

	/**
	 * Writes the pending records until none is left, unless another thread holds the file: that thread
	 * looks again after letting go, so every record is written by someone. Whoever holds {@link #io}
	 * must call this after unlocking it.
	 */
	private void drain() {
		while (true) {
			if (!this.io.tryLock()) {
				return;
			}
			Pending batch;
			Throwable failure = null;
			try {
				batch = inLogOrder(this.pending.getAndSet(null));
				if (batch != null) {
					try {
						failure = writeBatch(batch);
					}
					catch (Error err) {
						// Out of memory and the like: its writers must hear of it rather than wait forever.
						Pending.completeAll(batch, err);
						throw err;
					}
				}
			}
			finally {
				this.io.unlock();
			}
			// Waking the batch's writers happens outside the lock: an appender arriving meanwhile finds the
			// file free and writes the next batch.
			if (batch != null) {
				Pending.completeAll(batch, failure);
			}
			// An appender that pushed after our look, and found the file still held by us, left its record
			// to us: look again now that the lock is free.
			if (this.pending.get() == null) {
				return;
			}
		}
	}

	/** Reverses the newest-first stack taken from {@link #pending}. */
	private static Pending inLogOrder(Pending newestFirst) {
		Pending previous = null;
		Pending current = newestFirst;
		while (current != null) {
			Pending next = current.next;
			current.next = previous;
			previous = current;
			current = next;
		}
		return previous;
	}

	/**
	 * Writes (and, with fsync always, forces) one batch. Caller holds {@link #io}.
	 * @return null when the batch is written, else why it is not (the file is cut back then)
	 */
	private Exception writeBatch(Pending batch) {
		int count = 0;
		int size = 0;
		for (Pending record = batch; record != null; record = record.next) {
			count++;
			size += record.line.length;
		}
		if (this.batchBuffer.capacity() < size) {
			this.batchBuffer = ByteBuffer.allocateDirect(Math.max(size, 2 * this.batchBuffer.capacity()));
		}
		ByteBuffer buffer = this.batchBuffer.clear();
		for (Pending record = batch; record != null; record = record.next) {
			buffer.put(record.line);
		}
		buffer.flip();
		long writeStart = System.nanoTime();
		long writeNanos = 0;
		long forceNanos = 0;
		try {
			if (this.needsRepair) {
				this.file.truncate(this.fileEnd);
				this.allocatedEnd = this.fileEnd;
				this.needsRepair = false;
			}
			forceDirectoryIfNeeded();
			if (this.fileEnd + size > this.allocatedEnd) {
				this.allocatedEnd = extend(this.file, this.fileEnd + size, this.options.preallocate());
			}
			this.file.write(buffer, this.fileEnd);
			writeNanos = System.nanoTime() - writeStart;
			if (this.options.fsync() == FsyncPolicy.ALWAYS) {
				long forceStart = System.nanoTime();
				this.file.force();
				forceNanos = System.nanoTime() - forceStart;
			}
		}
		catch (IOException | RuntimeException ex) {
			failBatch(count, ex);
			return ex;
		}
		this.fileEnd += size;
		if (this.options.fsync() == FsyncPolicy.ALWAYS) {
			this.forcedEnd = this.fileEnd;
		}
		this.records += count;
		if (!this.writable) {
			log.info("Store '{}' writes again after: {}", store(), this.lastWriteError);
		}
		this.writable = true;
		long written = writeNanos;
		long forced = forceNanos;
		int records = count;
		int bytes = size;
		notifyListener(() -> this.options.listener().batchWritten(store(), records, bytes, written, forced));
		return null;
	}

	private void failBatch(int count, Exception ex) {
		try {
			// Cut back to the last record, preallocation included: a write that half happened may have left
			// bytes anywhere after it, and the next batch extends the file again.
			this.allocatedEnd = this.fileEnd;
			this.file.truncate(this.fileEnd);
			// Forced too, or a power cut could bring the unacknowledged bytes back.
			this.file.force();
		}
		catch (IOException | RuntimeException truncateFailure) {
			ex.addSuppressed(truncateFailure);
			this.needsRepair = true;
		}
		this.writable = false;
		this.lastWriteError = ex.toString();
		this.lastWriteErrorAt = this.options.clock().instant();
		log.error("Store '{}': a write of {} records to {} failed; they were not recorded: {}", store(), count,
				this.files.log(), ex.toString());
		notifyListener(() -> this.options.listener().writeFailed(store(), ex));
	}

	/**
	 * Makes {@code file} at least {@code needed} long, {@code chunk} bytes past it, by writing one zero byte
	 * at the new end (sparse; see the class comment). With a chunk of 0 nothing is done: the write itself
	 * extends the file.
	 * @return the file's length now
	 */
	private static long extend(LogFile file, long needed, long chunk) throws IOException {
		if (chunk == 0) {
			return needed;
		}
		long end = needed + chunk;
		file.write(ByteBuffer.wrap(new byte[1]), end - 1);
		return end;
	}

	private void forceQuietly() {
		this.io.lock();
		try {
			if (this.closed || this.forcedEnd == this.fileEnd) {
				return;
			}
			long end = this.fileEnd;
			this.file.force();
			this.forcedEnd = end;
		}
		catch (IOException | RuntimeException ex) {
			this.writable = false;
			this.lastWriteError = "force failed: " + ex;
			this.lastWriteErrorAt = this.options.clock().instant();
			log.error("Store '{}': forcing {} failed: {}", store(), this.files.log(), ex.toString());
		}
		finally {
			this.io.unlock();
		}
		// Appenders that came while the file was held here left their batch to the holder.
		drain();
	}

	/**
	 * One appended record on its way to the disk, and its writer waiting for the verdict. Records taken
	 * together by a leader are linked in log order and written and forced together (group commit).
	 */
	private static final class Pending {

		private static final Throwable WRITTEN = new Throwable("written", null, false, false) {
		};

		final byte[] line;

		final Thread writer = Thread.currentThread();

		/** The next record: older while pending, the following one in log order once taken. */
		Pending next;

		/** Null while on its way, {@link #WRITTEN}, or why it was not written. */
		private volatile Throwable outcome;

		Pending(byte[] line) {
			this.line = line;
		}

		/** Says the verdict to every record of a batch; null for written. */
		static void completeAll(Pending batch, Throwable failure) {
			Pending record = batch;
			while (record != null) {
				// Read before the verdict: once told, the writer returns and may reuse nothing of this.
				Pending next = record.next;
				Thread writer = record.writer;
				record.outcome = (failure != null) ? failure : WRITTEN;
				LockSupport.unpark(writer);
				record = next;
			}
		}

		void await(AppendLog<?> owner) {
			boolean interrupted = false;
			Throwable verdict;
			while ((verdict = this.outcome) == null) {
				LockSupport.park(this);
				// The record may already be on its way to the disk: wait for the verdict anyway.
				interrupted |= Thread.interrupted();
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (verdict == WRITTEN) {
				return;
			}
			throw new StorageException("Could not write to " + owner.files.log() + ": " + verdict.getMessage()
					+ "; the change was not recorded", verdict);
		}

	}

	/**
	 * Rewrites the log as one CHECKPOINT followed by whatever was appended meanwhile, after saving the
	 * old log as a backup. Writers go on during it and wait only for the final rename.
	 * @throws StorageException when it fails; the log is then left as it was
	 */
	public CompactionReport compact() {
		this.compactionLock.lock();
		try {
			return doCompact();
		}
		catch (IOException ex) {
			throw new StorageException("Compaction of " + this.files.log() + " failed, the log is unchanged: " + ex, ex);
		}
		finally {
			this.compactionLock.unlock();
			drain();
		}
	}

	private CompactionReport doCompact() throws IOException {
		long started = System.nanoTime();
		Path logPath = this.files.log();
		long mark;
		long recordsAtMark;
		// With no appender in flight, every record before the mark is in memory, so the snapshot taken
		// after it holds them all; records after the mark are copied behind the CHECKPOINT.
		this.inFlight.writeLock().lock();
		try {
			ensureOpen();
			mark = this.fileEnd;
			recordsAtMark = this.records;
		}
		finally {
			this.inFlight.writeLock().unlock();
		}
		long bytesBefore = mark;
		Path backup = writeBackup(logPath, mark);
		Path temp = this.files.compactionTemp();
		long copied;
		try (FileChannel target = FileChannel.open(temp, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
				FileChannel source = FileChannel.open(logPath, StandardOpenOption.READ)) {
			OutputStream out = new BufferedOutputStream(new ForcingOutputStream(target), 1 << 16);
			this.codec.writeCheckpoint(out, this.state, this.options.clock().instant());
			out.flush();
			copied = mark;
			long end;
			while ((end = this.fileEnd) - copied > FINAL_COPY_BYTES) {
				FileRanges.copy(source, copied, end, target);
				copied = end;
			}
			target.force(true);
			CompactionReport report;
			LogFile previous;
			this.io.lock();
			try {
				ensureOpen();
				FileRanges.copy(source, copied, this.fileEnd, target);
				target.force(true);
				// Opened before the rename (a handle follows its file), so that nothing can fail between the
				// rename and the switch: appends never go to a file that has lost its name.
				LogFile next = this.options.opener().open(temp);
				long nextEnd;
				long nextAllocated;
				try {
					nextEnd = next.size();
					// Extended and forced before it is the log: its first group commit writes no size change.
					nextAllocated = extend(next, nextEnd, this.options.preallocate());
					next.force();
					Files.move(temp, logPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (IOException | RuntimeException ex) {
					closeQuietly(next);
					throw ex;
				}
				previous = this.file;
				this.file = next;
				this.fileEnd = nextEnd;
				this.allocatedEnd = nextAllocated;
				this.forcedEnd = nextEnd;
				this.needsRepair = false;
				// Until the folder is forced, a power cut could bring the old log back: no write is
				// acknowledged before that (writeBatch retries it when it fails here).
				this.needsDirectoryForce = true;
				try {
					forceDirectoryIfNeeded();
				}
				catch (IOException ex) {
					log.warn("Store '{}': compacted, but forcing {} failed; the next write retries it: {}", store(),
							this.files.logsDir(), ex.toString());
				}
				long carried = this.records - recordsAtMark;
				this.records = 1 + carried;
				report = new CompactionReport(store(), this.options.clock().instant(),
						Duration.ofNanos(System.nanoTime() - started), bytesBefore, this.fileEnd,
						backup.getFileName().toString(), carried);
				this.lastCompaction = report;
			}
			finally {
				this.io.unlock();
			}
			// Records that came during the switch were left to the holder of the file: written now, not
			// after the cleaning up below.
			drain();
			// After the writers are let go, and gently: the old log and old backups are as large as the log,
			// and freeing such a file at once stalls every writer of the file system (LargeFiles). The old log
			// has no name any more, and its backup is written: emptying it loses nothing.
			LargeFiles.shrinkQuietly(previous);
			closeQuietly(previous);
			pruneBackups();
			log.info("Compacted store '{}': {} -> {} bytes, {} records carried over, backup {}, in {} ms", store(),
					bytesBefore, report.bytesAfter(), report.recordsCarriedOver(), report.backup(),
					report.duration().toMillis());
			notifyListener(() -> this.options.listener().compacted(report));
			return report;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private void forceDirectoryIfNeeded() throws IOException {
		if (this.needsDirectoryForce) {
			AtomicFiles.forceDirectory(this.files.logsDir());
			this.needsDirectoryForce = false;
		}
	}

	/** Metrics must never break a write: a listener's failure is logged and forgotten. */
	private void notifyListener(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			log.warn("Store '{}': a storage listener failed: {}", store(), ex.toString());
		}
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new StorageException("Store '" + store() + "' is closed");
		}
	}

	private Path writeBackup(Path logPath, long length) throws IOException {
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
		Path temp = this.files.logsDir().resolve(store() + ".log.backup.tmp");
		try (FileChannel source = FileChannel.open(logPath, StandardOpenOption.READ);
				FileChannel target = FileChannel.open(temp, StandardOpenOption.CREATE,
						StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			ForcingOutputStream.copy(source, 0, length, target);
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
			log.warn("Store '{}': could not remove old backups: {}", store(), ex.toString());
		}
	}

	/**
	 * The JSON file is rewritten once, {@code snapshotMaxDelay} after the first change; but never more
	 * often than every ten times the last rewrite took, so a large store does not spend its disk on
	 * a file that is only for compatibility.
	 */
	private void markSnapshotDirty() {
		this.snapshotDirty = true;
		if (this.snapshotScheduled.compareAndSet(false, true)) {
			long delayMillis = Math.max(this.options.snapshotMaxDelay().toMillis(), 10 * this.lastSnapshotMillis);
			try {
				this.background.schedule(this::writeSnapshotScheduled, delayMillis, TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// closing: close() writes the snapshot itself
				this.snapshotScheduled.set(false);
			}
		}
	}

	private void writeSnapshotScheduled() {
		this.snapshotScheduled.set(false);
		String before = this.lastSnapshotError;
		try {
			writeSnapshot();
		}
		catch (RuntimeException ex) {
			// Retried after every delay: said once per new error, not once a second.
			if (!java.util.Objects.equals(before, this.lastSnapshotError)) {
				log.warn("Store '{}': {}; retrying quietly until it works", store(), ex.getMessage());
			}
		}
		if (this.snapshotDirty && !this.closed) {
			markSnapshotDirty();
		}
	}

	/**
	 * Rewrites the JSON file from memory now, if anything changed since the last time.
	 * @throws StorageException when it cannot be written (the log still has everything)
	 */
	public synchronized void writeSnapshot() {
		if (!this.snapshotDirty) {
			return;
		}
		this.snapshotDirty = false;
		long started = System.nanoTime();
		try {
			AtomicFiles.replace(this.files.json(), (out) -> this.codec.writeJsonDocument(out, this.state));
			this.lastSnapshotMillis = (System.nanoTime() - started) / 1_000_000;
			this.lastSnapshotAt = this.options.clock().instant();
			this.lastSnapshotError = null;
		}
		catch (IOException | RuntimeException ex) {
			this.snapshotDirty = true;
			this.lastSnapshotError = ex.toString();
			throw new StorageException("Could not rewrite " + this.files.json() + " (the log has every change): " + ex,
					ex);
		}
	}

	public LogStatus status() {
		List<String> backups = new ArrayList<>();
		try {
			for (Path backup : this.files.backups()) {
				backups.add(backup.getFileName().toString());
			}
		}
		catch (IOException ex) {
			backups.add("cannot list: " + ex);
		}
		return new LogStatus(store(), this.files.log().toString(), this.fileEnd, this.records, this.writable,
				this.lastRecovery, this.lastCompaction, backups, this.lastWriteError, this.lastWriteErrorAt,
				this.lastSnapshotError, this.lastSnapshotAt);
	}

	public long logBytes() {
		return this.fileEnd;
	}

	public RecoveryReport lastRecovery() {
		return this.lastRecovery;
	}

	/** Forces the log, writes a pending JSON snapshot and closes the file. Appends after it fail. */
	@Override
	public void close() {
		// A compaction in progress finishes first; one started later finds the store closed.
		this.compactionLock.lock();
		this.inFlight.writeLock().lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		finally {
			this.inFlight.writeLock().unlock();
			this.compactionLock.unlock();
		}
		if (this.forcer != null) {
			this.forcer.cancel(false);
		}
		this.background.shutdown();
		try {
			this.background.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.io.lock();
		try {
			if (this.needsRepair || this.allocatedEnd != this.fileEnd) {
				// A failed write left bytes that were never acknowledged: they must not be replayed. And the
				// preallocated zeros go: the original bot's reader fails on a NUL byte.
				this.file.truncate(this.fileEnd);
				this.file.force();
				this.allocatedEnd = this.fileEnd;
				this.forcedEnd = this.fileEnd;
				this.needsRepair = false;
			}
			if (this.forcedEnd != this.fileEnd) {
				this.file.force();
				this.forcedEnd = this.fileEnd;
			}
			forceDirectoryIfNeeded();
		}
		catch (IOException ex) {
			log.error("Store '{}': the final force of {} failed: {}", store(), this.files.log(), ex.toString());
		}
		finally {
			closeQuietly(this.file);
			this.io.unlock();
		}
		try {
			writeSnapshot();
		}
		catch (StorageException ex) {
			log.warn("{}", ex.getMessage());
		}
	}

	private static void closeQuietly(LogFile file) {
		try {
			file.close();
		}
		catch (IOException ignored) {
			// nothing left to lose: everything acknowledged was forced
		}
	}

}
