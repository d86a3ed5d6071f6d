package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of one store's log: group commit into a preallocated file.
 *
 * <p><b>Group commit.</b> Appenders push their encoded line on a lock-free stack (64 appenders on two cores
 * queued on a monitor, each parked and woken) and try to take the file's lock, {@link #io}; whoever gets it
 * writes every pending line in one write and, with fsync {@code always}, one force, then wakes their
 * writers. A failed write or force acknowledges none of its batch and cuts the file back to the last good
 * offset.
 *
 * <p><b>Preallocation.</b> The log is extended ahead of its writes, {@link LogOptions#preallocate()} bytes
 * at a time, so that a group commit's fdatasync has no change of the file's length to write. The
 * benchmark's floor runs (p50 of 2,000 writes of 200 B, each followed by fdatasync, ext4, three runs)
 * measured 133–136 µs appending at the end, 91–92 µs into sparse preallocated space, 97–99 µs into
 * written zeros. So the extension is sparse: one zero byte written at the new end, one size change per
 * chunk and no data written. On ext4 (and XFS, not measured here) a hole gets its blocks when our records
 * are written back, delayed allocation, at no measurable cost; extending with written zeros allocates
 * them at once but writes the whole chunk in the group-commit leader's time (16 MB: tens of milliseconds
 * of one writer's latency) and was slower still. {@code fallocate} with KEEP_SIZE gained nothing in issue
 * 18's measurement: the cost is the size change, not the allocation. The chunk's size matters little
 * once it holds many batches (one size change per chunk); 16 MB bounds what a start reads back over
 * (see {@link LogScanner#logicalEnd}) and costs no disk while sparse. So the file is longer than its
 * records, followed by zeros, which recovery reads as free space; {@link #closeFile()} cuts them off.
 */
final class LogWriter {

	private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

	private final StoreFiles files;

	private final LogOptions options;

	/** Held by whoever writes to the file: the group-commit leader, the forcer, or compaction's switch. */
	final ReentrantLock io = new ReentrantLock();

	/** Records waiting for a writer, newest first; whoever holds {@link #io} takes them all. */
	private final AtomicReference<PendingRecord> pending = new AtomicReference<>();

	// Guarded by io.
	private LogFile file;

	/**
	 * Where a batch is assembled for its write, kept for the next one. Guarded by io. Direct: a heap
	 * buffer is copied by the JDK into a temporary direct one per thread, and with a different leader
	 * per batch those temporaries were allocated, faulted in and freed again and again.
	 */
	private ByteBuffer batchBuffer = ByteBuffer.allocateDirect(64 * 1024);

	/** The end of the last record written. */
	private volatile long fileEnd;

	/** The file's length: {@link #fileEnd} plus the preallocated zeros after it. Guarded by io. */
	private long allocatedEnd;

	private volatile long records;

	private volatile long forcedEnd;

	/** A failed write left bytes after {@link #fileEnd} that could not be cut yet. Guarded by io. */
	private boolean needsRepair;

	/** Set when a compaction's rename is not yet known to be durable. Guarded by io. */
	private boolean needsDirectoryForce;

	private volatile boolean writable = true;

	private volatile String lastWriteError;

	private volatile Instant lastWriteErrorAt;

	LogWriter(StoreFiles files, LogOptions options, LogFile file, long records) throws IOException {
		this.files = files;
		this.options = options;
		this.file = file;
		this.fileEnd = file.size();
		this.allocatedEnd = this.fileEnd;
		this.forcedEnd = this.fileEnd;
		this.records = records;
	}

	/**
	 * Writes one line, with others waiting at the same time, and returns once the fsync policy
	 * acknowledges it.
	 * @throws org.namethatartist.StorageException when it was not written; nothing was recorded then
	 */
	void write(byte[] line) {
		PendingRecord record = new PendingRecord(line);
		PendingRecord head;
		do {
			head = this.pending.get();
			record.next = head;
		}
		while (!this.pending.compareAndSet(head, record));
		drain();
		record.await(this.files.log());
	}

	/**
	 * Writes the pending records until none is left, unless another thread holds the file: that thread
	 * looks again after letting go, so every record is written by someone. Whoever holds {@link #io}
	 * must call this after unlocking it.
	 */
	void drain() {
		while (true) {
			if (!this.io.tryLock()) {
				return;
			}
			PendingRecord batch;
			Throwable failure = null;
			try {
				batch = PendingRecord.inLogOrder(this.pending.getAndSet(null));
				if (batch != null) {
					try {
						failure = writeBatch(batch);
					}
					catch (Error err) {
						// Out of memory and the like: its writers must hear of it rather than wait forever.
						PendingRecord.completeAll(batch, err);
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
				PendingRecord.completeAll(batch, failure);
			}
			// An appender that pushed after our look, and found the file still held by us, left its record
			// to us: look again now that the lock is free.
			if (this.pending.get() == null) {
				return;
			}
		}
	}

	/**
	 * Writes (and, with fsync always, forces) one batch. Caller holds {@link #io}.
	 * @return null when the batch is written, else why it is not (the file is cut back then)
	 */
	private Exception writeBatch(PendingRecord batch) {
		int count = 0;
		int size = 0;
		for (PendingRecord record = batch; record != null; record = record.next) {
			count++;
			size += record.line.length;
		}
		if (this.batchBuffer.capacity() < size) {
			this.batchBuffer = ByteBuffer.allocateDirect(Math.max(size, 2 * this.batchBuffer.capacity()));
		}
		ByteBuffer buffer = this.batchBuffer.clear();
		for (PendingRecord record = batch; record != null; record = record.next) {
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
			log.info("Store '{}' writes again after: {}", this.files.store(), this.lastWriteError);
		}
		this.writable = true;
		long written = writeNanos;
		long forced = forceNanos;
		int lines = count;
		int bytes = size;
		QuietListener.tell(this.files.store(),
				() -> this.options.listener().batchWritten(this.files.store(), lines, bytes, written, forced));
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
		log.error("Store '{}': a write of {} records to {} failed; they were not recorded: {}", this.files.store(),
				count, this.files.log(), ex.toString());
		QuietListener.tell(this.files.store(), () -> this.options.listener().writeFailed(this.files.store(), ex));
	}

	/**
	 * Makes {@code file} at least {@code needed} long, {@code chunk} bytes past it, by writing one zero byte
	 * at the new end (sparse; see the class comment). With a chunk of 0 nothing is done: the write itself
	 * extends the file.
	 * @return the file's length now
	 */
	static long extend(LogFile file, long needed, long chunk) throws IOException {
		if (chunk == 0) {
			return needed;
		}
		long end = needed + chunk;
		file.write(ByteBuffer.wrap(new byte[1]), end - 1);
		return end;
	}

	/** With fsync {@code every-second}: forces what was written since the last force. */
	void forceQuietly(boolean closed) {
		this.io.lock();
		try {
			if (closed || this.forcedEnd == this.fileEnd) {
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
			log.error("Store '{}': forcing {} failed: {}", this.files.store(), this.files.log(), ex.toString());
		}
		finally {
			this.io.unlock();
		}
		// Appenders that came while the file was held here left their batch to the holder.
		drain();
	}

	void forceDirectoryIfNeeded() throws IOException {
		if (this.needsDirectoryForce) {
			AtomicFiles.forceDirectory(this.files.logsDir());
			this.needsDirectoryForce = false;
		}
	}

	/**
	 * Makes {@code next} the log (compaction's switch; the caller holds {@link #io} and has renamed it into
	 * place). No write is acknowledged before the folder holding the rename is forced.
	 * @param end the end of its last record
	 * @param allocated its length, preallocation included
	 * @param lines the records it holds
	 * @return the file it replaces, for the caller to free and close
	 */
	LogFile adopt(LogFile next, long end, long allocated, long lines) {
		LogFile previous = this.file;
		this.file = next;
		this.fileEnd = end;
		this.allocatedEnd = allocated;
		this.forcedEnd = end;
		this.needsRepair = false;
		this.records = lines;
		// Until the folder is forced, a power cut could bring the old log back: no write is acknowledged
		// before that (writeBatch retries it when it fails here).
		this.needsDirectoryForce = true;
		return previous;
	}

	/**
	 * The last step of a clean close: cuts what was never acknowledged and the preallocated zeros (the
	 * original bot's reader fails on a NUL byte), forces, and closes the file.
	 */
	void closeFile() {
		this.io.lock();
		try {
			if (this.needsRepair || this.allocatedEnd != this.fileEnd) {
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
			log.error("Store '{}': the final force of {} failed: {}", this.files.store(), this.files.log(), ex.toString());
		}
		finally {
			closeQuietly(this.file);
			this.io.unlock();
		}
	}

	static void closeQuietly(LogFile file) {
		try {
			file.close();
		}
		catch (IOException ignored) {
			// nothing left to lose: everything acknowledged was forced
		}
	}

	/** The end of the last record written. */
	long end() {
		return this.fileEnd;
	}

	long records() {
		return this.records;
	}

	boolean writable() {
		return this.writable;
	}

	String lastWriteError() {
		return this.lastWriteError;
	}

	Instant lastWriteErrorAt() {
		return this.lastWriteErrorAt;
	}

}
