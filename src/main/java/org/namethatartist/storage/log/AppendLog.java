package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * <p><b>The parts.</b> {@link LogRecovery} replays the log at {@link #open}; {@link LogWriter} is the write
 * path (group commit into a preallocated file: zeros follow the last record while the store is open, and
 * a clean {@link #close()} cuts them off); {@link Compaction} rewrites the log behind a CHECKPOINT;
 * {@link JsonSnapshots} keeps the original's JSON file. This class holds them together: the order of an
 * append (encode, write, update memory, mark the JSON file dirty), what stops a compaction or a close from
 * cutting through one, and the store's status.
 *
 * @param <V> the type of the values under the store's keys
 */
public final class AppendLog<V> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AppendLog.class);

	private final StoreFiles files;

	private final RecordCodec<V> codec;

	private final StoreState<V> state;

	private final LogOptions options;

	/** Shared by appenders from encoding to their memory update; exclusive to fix a compaction's start. */
	private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();

	private final ReentrantLock compactionLock = new ReentrantLock();

	private final ScheduledExecutorService background;

	private final JsonSnapshots<V> snapshots;

	private LogWriter writer;

	private Compaction<V> compaction;

	private volatile boolean closed;

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
		this.snapshots = new JsonSnapshots<>(files, codec, state, options, executor, () -> this.closed);
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
		this.writer = new LogWriter(this.files, this.options, this.options.opener().open(this.files.log()),
				result.records());
		this.compaction = new Compaction<>(this.files, this.codec, this.state, this.options, this.writer,
				this.inFlight, this::ensureOpen);
		if (result.report().clean()) {
			log.info("{}", result.report().summary());
		}
		else {
			log.warn("{}", result.report().summary());
		}
		QuietListener.tell(store(), () -> this.options.listener().recovered(result.report()));
		if (result.report().source() != RecoveryReport.Source.JSON) {
			// The JSON file may be missing, unreadable or behind the log: the recovered state replaces it.
			this.snapshots.markDirty();
		}
		if (this.options.fsync() == FsyncPolicy.EVERY_SECOND) {
			this.forcer = this.background.scheduleWithFixedDelay(() -> this.writer.forceQuietly(this.closed), 1, 1,
					TimeUnit.SECONDS);
		}
	}

	public String store() {
		return this.files.store();
	}

	/** The store's codec, for tests that change its bounds (a CHECKPOINT line's size). */
	RecordCodec<V> codec() {
		return this.codec;
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
			this.writer.write(this.codec.encode(mutation, this.options.clock().instant()));
			if (onDurable != null) {
				onDurable.run();
			}
			// Inside the lock: close() then either sees the store dirty or waits for this to be said.
			this.snapshots.markDirty();
		}
		finally {
			this.inFlight.readLock().unlock();
		}
		QuietListener.tell(store(), () -> this.options.listener().appended(store(), System.nanoTime() - started));
	}

	/**
	 * Rewrites the log as one CHECKPOINT followed by whatever was appended meanwhile, after saving the
	 * old log as a backup ({@link Compaction}). Writers go on during it and wait only for the final switch.
	 * @throws StorageException when it fails; the log is then left as it was
	 */
	public CompactionReport compact() {
		return compact(this.options.compactionWriteRate());
	}

	/**
	 * {@link #compact()} at a pace of its own rather than {@link LogOptions#compactionWriteRate()}'s (the
	 * benchmark compares paces in one run).
	 * @param maxWriteRate the most bytes a second it writes; 0 for as fast as the disk takes them
	 */
	public CompactionReport compact(long maxWriteRate) {
		if (maxWriteRate < 0) {
			throw new IllegalArgumentException("maxWriteRate must be 0 or more bytes a second, not " + maxWriteRate);
		}
		this.compactionLock.lock();
		try {
			CompactionReport report = this.compaction.run(maxWriteRate);
			this.lastCompaction = report;
			QuietListener.tell(store(), () -> this.options.listener().compacted(report));
			return report;
		}
		catch (IOException ex) {
			throw Compaction.failed(this.files.log(), ex);
		}
		finally {
			this.compactionLock.unlock();
			this.writer.drain();
		}
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new StorageException("Store '" + store() + "' is closed");
		}
	}

	/**
	 * Rewrites the JSON file from memory now, if anything changed since the last time.
	 * @throws StorageException when it cannot be written (the log still has everything)
	 */
	public void writeSnapshot() {
		this.snapshots.write();
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
		return new LogStatus(store(), this.files.log().toString(), this.writer.end(), this.writer.records(),
				this.writer.writable(), this.lastRecovery, this.lastCompaction, backups, this.writer.lastWriteError(),
				this.writer.lastWriteErrorAt(), this.snapshots.lastError(), this.snapshots.lastAt());
	}

	public long logBytes() {
		return this.writer.end();
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
		// A failed write left bytes that were never acknowledged: they must not be replayed. And the
		// preallocated zeros go: the original bot's reader fails on a NUL byte.
		this.writer.closeFile();
		try {
			this.snapshots.write();
		}
		catch (StorageException ex) {
			log.warn("{}", ex.getMessage());
		}
	}

}
