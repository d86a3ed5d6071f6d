package org.namethatartist.storage.log;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.StorageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One process per data directory, and one lock per directory within a process too. */
class DataDirLockTests {

	@TempDir
	Path dir;

	@Test
	void shouldRefuseASecondLockOnTheSameDirectoryNamingIt() {
		Path data = this.dir.resolve("data");
		try (DataDirLock first = DataDirLock.acquire(data)) {
			assertThat(first.lockFile()).isEqualTo(data.toAbsolutePath().resolve(".lock")).exists();
			assertThatThrownBy(() -> DataDirLock.acquire(data)).isInstanceOf(StorageException.class)
				.hasMessageContaining(data.toAbsolutePath().normalize().toString())
				.hasMessageContaining("locked");
			// The same directory spelled differently is still the same directory.
			assertThatThrownBy(() -> DataDirLock.acquire(data.resolve("sub").resolve(".."))).isInstanceOf(StorageException.class);
		}
	}

	@Test
	void shouldLetTheDirectoryBeLockedAgainAfterClose() {
		Path data = this.dir.resolve("data");
		DataDirLock.acquire(data).close();
		try (DataDirLock again = DataDirLock.acquire(data)) {
			assertThat(again.lockFile()).exists();
		}
		try (DataDirLock third = DataDirLock.acquire(data)) {
			assertThat(third).isNotNull();
		}
	}

	@Test
	void shouldLockDifferentDirectoriesIndependently() {
		try (DataDirLock a = DataDirLock.acquire(this.dir.resolve("a"));
				DataDirLock b = DataDirLock.acquire(this.dir.resolve("b"))) {
			assertThat(a.lockFile()).isNotEqualTo(b.lockFile());
		}
	}

}
