package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a store's files live, in the original's layout: {@code <dir>/<store>.json},
 * {@code <dir>/logs/<store>.log}, {@code .log.backup.<epochMillis>}, and ours, {@code .log.corrupt}.
 */
record StoreFiles(String store, Path dataDir) {

	Path logsDir() {
		return this.dataDir.resolve("logs");
	}

	Path log() {
		return logsDir().resolve(this.store + ".log");
	}

	Path json() {
		return this.dataDir.resolve(this.store + ".json");
	}

	Path corrupt() {
		return logsDir().resolve(this.store + ".log.corrupt");
	}

	/** The file compaction writes and renames over the log. */
	Path compactionTemp() {
		return logsDir().resolve(this.store + ".log.compact.tmp");
	}

	/** The file recovery writes when it rewrites the log without bad lines. */
	Path rewriteTemp() {
		return logsDir().resolve(this.store + ".log.rewrite.tmp");
	}

	Path backup(long epochMillis) {
		return logsDir().resolve(this.store + ".log.backup." + epochMillis);
	}

	/** Temp files a crash may have left; none holds anything that is not also elsewhere. */
	List<Path> leftovers() {
		return List.of(compactionTemp(), rewriteTemp(), json().resolveSibling(json().getFileName() + ".tmp"),
				logsDir().resolve(this.store + ".log.backup.tmp"), backupBeingDeleted());
	}

	/** Where an old backup is emptied before it is deleted (see {@code LargeFiles}). */
	Path backupBeingDeleted() {
		return logsDir().resolve(this.store + ".log.backup.deleting");
	}

	/** The backups, oldest first. */
	List<Path> backups() throws IOException {
		List<Path> found = new ArrayList<>();
		if (!Files.isDirectory(logsDir())) {
			return found;
		}
		String prefix = this.store + ".log.backup.";
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(logsDir(), prefix + "*")) {
			for (Path entry : entries) {
				if (backupMillis(entry) >= 0) {
					found.add(entry);
				}
			}
		}
		found.sort(Comparator.comparingLong(this::backupMillis));
		return found;
	}

	long backupMillis(Path backup) {
		String name = backup.getFileName().toString();
		String digits = name.substring(name.lastIndexOf('.') + 1);
		if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
			return -1;
		}
		return Long.parseLong(digits);
	}

}
