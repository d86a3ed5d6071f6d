package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's one range copy, on real files: a whole range arrives byte for byte, and a range the source
 * does not have (a file shorter than the scan that measured it, as when it was cut meanwhile) is an error.
 * Before this helper, recovery's own copy (of lines set aside to {@code .corrupt}, and of a log rewritten
 * without its bad lines) stopped silently at the source's end, so a short copy passed unnoticed.
 */
class FileRangesTests {

	@TempDir
	Path dir;

	@Test
	void aWholeRangeIsCopiedByteForByte() throws IOException {
		Path source = Files.writeString(this.dir.resolve("source"), "0123456789abcdef", StandardCharsets.US_ASCII);
		Path target = this.dir.resolve("target");
		try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
				FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND)) {
			FileRanges.copy(in, 3, 9, out);
			FileRanges.copy(in, 10, 16, out);
		}
		assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo("345678abcdef");
	}

	@Test
	void aRangePastTheSourcesEndIsAnErrorNotAShortCopy() throws IOException {
		Path source = Files.writeString(this.dir.resolve("source"), "0123456789", StandardCharsets.US_ASCII);
		Path target = this.dir.resolve("target");
		try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
				FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND)) {
			assertThatThrownBy(() -> FileRanges.copy(in, 4, 14, out)).isInstanceOf(IOException.class)
				.hasMessageContaining("could not copy bytes 10..14")
				.hasMessageContaining("it ends at 10");
		}
		// What the source had was copied; the caller knows the rest is missing.
		assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo("456789");
	}

	@Test
	void anEmptyRangeCopiesNothing() throws IOException {
		Path source = Files.writeString(this.dir.resolve("source"), "abc", StandardCharsets.US_ASCII);
		Path target = Files.createFile(this.dir.resolve("target"));
		try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
				FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			FileRanges.copy(in, 2, 2, out);
		}
		assertThat(target).isEmptyFile();
	}

}
