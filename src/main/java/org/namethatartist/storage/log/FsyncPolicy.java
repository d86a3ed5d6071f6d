package org.namethatartist.storage.log;

/** When appended bytes are forced to the disk ({@code storage.fsync}). */
public enum FsyncPolicy {

	/** A write is acknowledged only once its bytes are forced; concurrent writers share one force. */
	ALWAYS,

	/** A write is acknowledged once handed to the operating system; a timer forces every second. */
	EVERY_SECOND,

	/** Never forced by us: the operating system decides. For tests and throwaway data only. */
	NEVER

}
