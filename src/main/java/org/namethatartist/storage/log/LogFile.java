package org.namethatartist.storage.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The few file operations the append path needs, behind an interface so tests can make them fail the
 * way a full or broken disk does.
 */
public interface LogFile extends Closeable {

	/** Writes all of {@code bytes} at {@code position}. */
	void write(ByteBuffer bytes, long position) throws IOException;

	/** Forces written bytes (and the file's length) to the disk. */
	void force() throws IOException;

	void truncate(long size) throws IOException;

	long size() throws IOException;

	/** Opens log files; the default opens a {@link FileChannel}. */
	@FunctionalInterface
	interface Opener {

		Opener DEFAULT = ChannelLogFile::new;

		LogFile open(Path path) throws IOException;

	}

	/** Passes every call to another log file; a wrapper overrides only what it changes. */
	abstract class Forwarding implements LogFile {

		private final LogFile delegate;

		protected Forwarding(LogFile delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(ByteBuffer bytes, long position) throws IOException {
			this.delegate.write(bytes, position);
		}

		@Override
		public void force() throws IOException {
			this.delegate.force();
		}

		@Override
		public void truncate(long size) throws IOException {
			this.delegate.truncate(size);
		}

		@Override
		public long size() throws IOException {
			return this.delegate.size();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

	/**
	 * The real thing: a {@link FileChannel} opened for reading and writing, which interrupts cannot break.
	 * <p>A {@code FileChannel} is closed by the JDK, for every thread, when a thread doing I/O on it is
	 * interrupted. The group-commit leader is whichever appender comes first, so an interrupted caller (a
	 * cancelled task, an application shutting down) would close the log under every other writer. So each
	 * operation here clears the calling thread's interrupt first, and if an interrupt still closes the
	 * channel meanwhile ({@link ClosedByInterruptException}, or {@link AsynchronousCloseException} and
	 * {@link ClosedChannelException} for the others), reopens it and does the operation again. Every
	 * operation is positional (write at, truncate to, force), so doing it again is safe. The interrupt is
	 * set again before returning: the caller still hears of it.
	 */
	final class ChannelLogFile implements LogFile {

		/** Reopenings in a row before an operation gives up: interrupts arriving that fast are a bug. */
		private static final int ATTEMPTS = 5;

		private final Path path;

		private volatile FileChannel channel;

		private volatile boolean closed;

		public ChannelLogFile(Path path) throws IOException {
			this.path = path;
			this.channel = open(path);
		}

		private static FileChannel open(Path path) throws IOException {
			return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		}

		@FunctionalInterface
		private interface Operation<T> {

			T run(FileChannel channel) throws IOException;

		}

		private <T> T guarded(Operation<T> operation) throws IOException {
			boolean interrupted = Thread.interrupted();
			try {
				for (int attempt = 1;; attempt++) {
					FileChannel current = this.channel;
					try {
						return operation.run(current);
					}
					catch (ClosedChannelException ex) {
						// ClosedByInterruptException and AsynchronousCloseException are kinds of it.
						if (this.closed || attempt >= ATTEMPTS) {
							throw ex;
						}
						interrupted |= (ex instanceof ClosedByInterruptException) | Thread.interrupted();
						reopen(current);
					}
				}
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

		/** A new channel in place of {@code broken}, unless another thread replaced it already. */
		private synchronized void reopen(FileChannel broken) throws IOException {
			if (this.channel == broken && !this.closed) {
				this.channel = open(this.path);
			}
		}

		@Override
		public void write(ByteBuffer bytes, long position) throws IOException {
			int start = bytes.position();
			guarded((channel) -> {
				// From the start again on a retry: the same bytes at the same place.
				bytes.position(start);
				long at = position;
				while (bytes.hasRemaining()) {
					at += channel.write(bytes, at);
				}
				return null;
			});
		}

		@Override
		public void force() throws IOException {
			// fdatasync: the data and the length, which is all a reader of an appended file needs.
			guarded((channel) -> {
				channel.force(false);
				return null;
			});
		}

		@Override
		public void truncate(long size) throws IOException {
			guarded((channel) -> channel.truncate(size));
		}

		@Override
		public long size() throws IOException {
			return guarded(FileChannel::size);
		}

		@Override
		public synchronized void close() throws IOException {
			this.closed = true;
			this.channel.close();
		}

	}

}
