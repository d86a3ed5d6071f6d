package org.namethatartist.storage.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes a large file and forces it every {@value #FORCE_EVERY} bytes as it goes. On a disk that
 * also holds a log, a log's fdatasync waits behind whatever else is queued for the disk: a JSON
 * rewrite, a compaction's backup or checkpoint left to the kernel's writeback queues hundreds of
 * megabytes, and every durable write stalls behind them (on ext4 with data=ordered the log's commit
 * must even flush them first). Forced as it goes, there is never more than a megabyte ahead of the log.
 */
final class ForcingOutputStream extends OutputStream {

	static final int FORCE_EVERY = 1 << 20;

	private final FileChannel channel;

	private final WritePacer pacer;

	private long unforced;

	ForcingOutputStream(FileChannel channel) {
		this(channel, WritePacer.NONE);
	}

	/** Forced as it goes, and paced: each megabyte forced waits for its turn. */
	ForcingOutputStream(FileChannel channel, WritePacer pacer) {
		this.channel = channel;
		this.pacer = pacer;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int off, int len) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes, off, len);
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
		this.unforced += len;
		if (this.unforced >= FORCE_EVERY) {
			this.channel.force(false);
			this.pacer.wrote(this.unforced);
			this.unforced = 0;
		}
	}

	/**
	 * Copies bytes {@code from..to} of {@code source} to the end of {@code target}, forcing {@code target}
	 * every {@value #FORCE_EVERY} bytes.
	 */
	static void copy(FileChannel source, long from, long to, FileChannel target) throws IOException {
		copy(source, from, to, target, WritePacer.NONE);
	}

	/** As {@link #copy(FileChannel, long, long, FileChannel)}, each step paced. */
	static void copy(FileChannel source, long from, long to, FileChannel target, WritePacer pacer) throws IOException {
		long position = from;
		while (position < to) {
			long chunkEnd = Math.min(to, position + FORCE_EVERY);
			FileRanges.copy(source, position, chunkEnd, target);
			target.force(false);
			pacer.wrote(chunkEnd - position);
			position = chunkEnd;
		}
	}

}
