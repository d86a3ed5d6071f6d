package org.namethatartist;

/**
 * The one exception at the repository boundary: a store could not read or make a write durable
 * (disk full, I/O error, corrupt file, database down). A write that throws it was not recorded.
 * Messages name the path (or database) and what was expected and found.
 */
public class StorageException extends RuntimeException {

	public StorageException(String message) {
		super(message);
	}

	public StorageException(String message, Throwable cause) {
		super(message, cause);
	}

}
