package org.namethatartist.storage.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
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

	/** The real thing: a {@link FileChannel} opened for reading and writing. */
	final class ChannelLogFile implements LogFile {

		private final FileChannel channel;

		public ChannelLogFile(Path path) throws IOException {
			this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
		}

		@Override
		public void write(ByteBuffer bytes, long position) throws IOException {
			long at = position;
			while (bytes.hasRemaining()) {
				at += this.channel.write(bytes, at);
			}
		}

		@Override
		public void force() throws IOException {
			// fdatasync: the data and the length, which is all a reader of an appended file needs.
			this.channel.force(false);
		}

		@Override
		public void truncate(long size) throws IOException {
			this.channel.truncate(size);
		}

		@Override
		public long size() throws IOException {
			return this.channel.size();
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

}
