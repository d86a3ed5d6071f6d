package org.namethatartist.storage.log;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Large files are freed a slice at a time, and nothing else changes. */
class LargeFilesTests {

	@TempDir
	Path dir;

	@Test
	void shouldDeleteAFileOfSeveralSlicesLeavingNoAsideFile() throws Exception {
		Path file = sized("players.log.backup.1", 2 * LargeFiles.SLICE + 123);
		Path aside = this.dir.resolve("players.log.backup.deleting");
		LargeFiles.delete(file, aside);
		assertThat(file).doesNotExist();
		assertThat(aside).doesNotExist();
	}

	@Test
	void shouldReplaceAFileWhileTheReplacedContentIsEmptiedThroughItsHandle() throws Exception {
		Path target = sized("players.json", LargeFiles.SLICE + 1);
		Path next = Files.writeString(this.dir.resolve("players.json.tmp"), "{}\n");
		FileChannel held = LargeFiles.holdForReplacement(target);
		Files.move(next, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		assertThat(held.size()).isEqualTo(LargeFiles.SLICE + 1);
		LargeFiles.releaseReplaced(held);
		assertThat(held.isOpen()).isFalse();
		assertThat(Files.readString(target)).isEqualTo("{}\n");
	}

	@Test
	void shouldLeaveTheTargetWholeWhenAMoveIntoPlaceFails() throws Exception {
		Path target = sized("players.json", 1000);
		Path missing = this.dir.resolve("no-such-file.tmp");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFiles.moveIntoPlace(missing, target))
			.isInstanceOf(java.io.IOException.class);
		assertThat(Files.size(target)).isEqualTo(1000);
	}

	private Path sized(String name, long size) throws Exception {
		Path file = this.dir.resolve(name);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { 1 }), size - 1);
		}
		return file;
	}

}
