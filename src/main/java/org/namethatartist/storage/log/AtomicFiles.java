package org.namethatartist.storage.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files replaced whole, so a crash leaves either the old content or the new, never a mix: write a temp
 * file in the same folder, force it, rename it over the target, force the folder.
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	/** Writes content for a file. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Replaces {@code target} with what {@code content} writes. */
	public static void replace(Path target, Content content) throws IOException {
		Path temp = target.resolveSibling(target.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			OutputStream out = new java.io.BufferedOutputStream(new ForcingOutputStream(channel), 1 << 16);
			content.writeTo(out);
			out.flush();
			channel.force(true);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		moveIntoPlace(temp, target);
	}

	/**
	 * Forces a large file every {@value #FORCE_EVERY} bytes as it is written. On ext4 (data=ordered) a
	 * log's fdatasync must first flush the newly written data of every other file in the same journal
	 * transaction: forcing as we go keeps that small, so a JSON rewrite does not stall the log's writers.
	 */
	private static final class ForcingOutputStream extends OutputStream {

		private final FileChannel channel;

		private long unforced;

		ForcingOutputStream(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int off, int len) throws IOException {
			java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, off, len);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
			this.unforced += len;
			if (this.unforced >= FORCE_EVERY) {
				this.channel.force(false);
				this.unforced = 0;
			}
		}

	}

	private static final int FORCE_EVERY = 1 << 20;

	/** Renames a complete, forced file over {@code target} and forces the folder. */
	public static void moveIntoPlace(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("cannot rename " + source + " over " + target
					+ " atomically; the data directory must be on one local file system", ex);
		}
		forceDirectory(target.toAbsolutePath().getParent());
	}

	/** Makes a folder's entries (a rename, a new file) durable. */
	public static void forceDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some platforms (Windows) cannot open a folder; there a rename is durable once it returns.
			if (!System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
				throw ex;
			}
		}
	}

}
