package org.namethatartist.storage.log;

/** A log line that is not a valid record; the message says what is wrong with it. */
final class BadRecordException extends RuntimeException {

	BadRecordException(String message) {
		super(message, null, false, false);
	}

}
