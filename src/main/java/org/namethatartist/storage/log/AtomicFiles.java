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
	 * Renames a complete, forced file over {@code target} and forces the folder. The file it replaces is
	 * freed a slice at a time afterwards ({@link LargeFiles}): a large JSON file freed at once would
	 * stall the logs' writers.
	 */
	public static void moveIntoPlace(Path source, Path target) throws IOException {
		FileChannel replaced = LargeFiles.holdForReplacement(target);
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			closeQuietly(replaced);
			throw new IOException("cannot rename " + source + " over " + target
					+ " atomically; the data directory must be on one local file system", ex);
		}
		catch (IOException | RuntimeException ex) {
			// Not replaced: the file is still the target, and is left as it is.
			closeQuietly(replaced);
			throw ex;
		}
		try {
			forceDirectory(target.toAbsolutePath().getParent());
		}
		finally {
			LargeFiles.releaseReplaced(replaced);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// only a handle
			}
		}
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
