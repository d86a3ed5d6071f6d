package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * The one way the engine copies a range of one file to another (backups, {@code .corrupt} copies, a log
 * rewritten without its bad lines, compaction's tail): {@link FileChannel#transferTo} until the whole range
 * is across, or an {@link IOException} when the source ends first. A short copy is never silent: a backup or
 * a rewrite missing its end would lose records without a word.
 */
final class FileRanges {

	private FileRanges() {
	}

	/** Copies bytes {@code from..to} of {@code source} to {@code target}'s position (the end when appending). */
	static void copy(FileChannel source, long from, long to, FileChannel target) throws IOException {
		long position = from;
		while (position < to) {
			long n = source.transferTo(position, to - position, target);
			if (n <= 0) {
				throw new IOException("could not copy bytes " + position + ".." + to + " of " + source
						+ ": it ends at " + source.size());
			}
			position += n;
		}
	}

}
