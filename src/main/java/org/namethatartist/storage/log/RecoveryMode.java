package org.namethatartist.storage.log;

/** What replay does with a bad record that has valid records after it ({@code storage.recovery.mode}). */
public enum RecoveryMode {

	/** Move the bad line to {@code <store>.log.corrupt}, rewrite the log without it, go on. */
	SKIP,

	/** Keep the records before the bad one; move it and everything after it to {@code .corrupt}. */
	STOP,

	/** Refuse to start, naming the file, line and byte offset. */
	STRICT

}
