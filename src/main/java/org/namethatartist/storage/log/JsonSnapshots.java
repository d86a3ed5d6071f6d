package org.namethatartist.storage.log;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.namethatartist.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original's JSON file of one store, kept beside its log for compatibility and never the truth while
 * the log exists: rewritten atomically from memory, once, {@code snapshotMaxDelay} after the first change;
 * but never more often than every ten times the last rewrite took, so that a large store does not spend
 * its disk on a file that is only for compatibility.
 */
final class JsonSnapshots<V> {

	private static final Logger log = LoggerFactory.getLogger(JsonSnapshots.class);

	private final StoreFiles files;

	private final RecordCodec<V> codec;

	private final StoreState<V> state;

	private final LogOptions options;

	private final ScheduledExecutorService background;

	private final BooleanSupplier closed;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile boolean dirty;

	private volatile String lastError;

	private volatile Instant lastAt;

	private volatile long lastMillis;

	JsonSnapshots(StoreFiles files, RecordCodec<V> codec, StoreState<V> state, LogOptions options,
			ScheduledExecutorService background, BooleanSupplier closed) {
		this.files = files;
		this.codec = codec;
		this.state = state;
		this.options = options;
		this.background = background;
		this.closed = closed;
	}

	/** The state changed: a rewrite is due, scheduled unless one is. */
	void markDirty() {
		this.dirty = true;
		if (this.scheduled.compareAndSet(false, true)) {
			long delayMillis = Math.max(this.options.snapshotMaxDelay().toMillis(), 10 * this.lastMillis);
			try {
				this.background.schedule(this::writeScheduled, delayMillis, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// closing: close() writes the snapshot itself
				this.scheduled.set(false);
			}
		}
	}

	private void writeScheduled() {
		this.scheduled.set(false);
		String before = this.lastError;
		try {
			write();
		}
		catch (RuntimeException ex) {
			// Retried after every delay: said once per new error, not once a second.
			if (!Objects.equals(before, this.lastError)) {
				log.warn("Store '{}': {}; retrying quietly until it works", this.files.store(), ex.getMessage());
			}
		}
		if (this.dirty && !this.closed.getAsBoolean()) {
			markDirty();
		}
	}

	/**
	 * Rewrites the JSON file from memory now, if anything changed since the last time.
	 * @throws StorageException when it cannot be written (the log still has everything)
	 */
	synchronized void write() {
		if (!this.dirty) {
			return;
		}
		this.dirty = false;
		long started = System.nanoTime();
		try {
			AtomicFiles.replace(this.files.json(), (out) -> this.codec.writeJsonDocument(out, this.state));
			this.lastMillis = (System.nanoTime() - started) / 1_000_000;
			this.lastAt = this.options.clock().instant();
			this.lastError = null;
		}
		catch (IOException | RuntimeException ex) {
			this.dirty = true;
			this.lastError = ex.toString();
			throw new StorageException("Could not rewrite " + this.files.json() + " (the log has every change): " + ex,
					ex);
		}
	}

	String lastError() {
		return this.lastError;
	}

	Instant lastAt() {
		return this.lastAt;
	}

}
