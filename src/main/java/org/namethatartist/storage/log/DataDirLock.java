package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.namethatartist.StorageException;

/**
 * One process per data directory: an exclusive lock on {@code <data-dir>/.lock}, held until closed.
 * The operating system releases it when the process dies, so a crash never leaves a stale lock.
 */
public final class DataDirLock implements AutoCloseable {

	private final Path lockFile;

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirLock(Path lockFile, FileChannel channel, FileLock lock) {
		this.lockFile = lockFile;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock of {@code dataDir}, creating the folder when needed.
	 * @throws StorageException when another process (or another store in this one) holds it
	 */
	public static DataDirLock acquire(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		Path lockFile = dir.resolve(".lock");
		FileChannel channel = null;
		try {
			Files.createDirectories(dir);
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw lockedBySomeoneElse(dir, lockFile, null);
			}
			return new DataDirLock(lockFile, channel, lock);
		}
		catch (OverlappingFileLockException ex) {
			closeQuietly(channel);
			throw lockedBySomeoneElse(dir, lockFile, ex);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new StorageException("Cannot lock data directory " + dir + " (" + lockFile + "): " + ex, ex);
		}
		catch (StorageException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	private static StorageException lockedBySomeoneElse(Path dir, Path lockFile, Exception cause) {
		return new StorageException("Data directory " + dir + " is locked by another running instance ("
				+ lockFile + "); stop it, or point storage.data-dir at another directory", cause);
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// already failing; the first error is the one to report
			}
		}
	}

	public Path lockFile() {
		return this.lockFile;
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ignored) {
			// closing the channel releases it too
		}
		closeQuietly(this.channel);
	}

}
