package org.namethatartist.storage.log;

import org.namethatartist.StorageException;

/** Recovery in {@code strict} mode met a bad record: start-up stops, naming file, line and byte offset. */
public class LogCorruptedException extends StorageException {

	public LogCorruptedException(String message) {
		super(message);
	}

}
