package org.namethatartist.storage.log;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import org.namethatartist.StorageException;

/**
 * One appended record on its way to the disk, and its writer waiting for the verdict. Records taken
 * together by a leader are linked in log order and written and forced together (group commit).
 */
final class PendingRecord {

	private static final Throwable WRITTEN = new Throwable("written", null, false, false) {
	};

	final byte[] line;

	final Thread writer = Thread.currentThread();

	/** The next record: older while pending, the following one in log order once taken. */
	PendingRecord next;

	/** Null while on its way, {@link #WRITTEN}, or why it was not written. */
	private volatile Throwable outcome;

	PendingRecord(byte[] line) {
		this.line = line;
	}

	/** Reverses a newest-first stack of pending records into log order. */
	static PendingRecord inLogOrder(PendingRecord newestFirst) {
		PendingRecord previous = null;
		PendingRecord current = newestFirst;
		while (current != null) {
			PendingRecord next = current.next;
			current.next = previous;
			previous = current;
			current = next;
		}
		return previous;
	}

	/** Says the verdict to every record of a batch; null for written. */
	static void completeAll(PendingRecord batch, Throwable failure) {
		PendingRecord record = batch;
		while (record != null) {
			// Read before the verdict: once told, the writer returns and may reuse nothing of this.
			PendingRecord next = record.next;
			Thread writer = record.writer;
			record.outcome = (failure != null) ? failure : WRITTEN;
			LockSupport.unpark(writer);
			record = next;
		}
	}

	/**
	 * Waits for the verdict, through interrupts (the record may already be on its way to the disk).
	 * @throws StorageException when the record was not written
	 */
	void await(Path log) {
		boolean interrupted = false;
		Throwable verdict;
		while ((verdict = this.outcome) == null) {
			LockSupport.park(this);
			interrupted |= Thread.interrupted();
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (verdict == WRITTEN) {
			return;
		}
		throw new StorageException("Could not write to " + log + ": " + verdict.getMessage()
				+ "; the change was not recorded", verdict);
	}

}
