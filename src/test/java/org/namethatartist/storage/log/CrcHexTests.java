package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.logPath;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/** The CRC member is 8 lowercase hex digits (written with HexFormat): uppercase ones are refused. */
@ExtendWith(QuietEngineLogs.class)
class CrcHexTests {

	private static final Pattern CRC = Pattern.compile("\"crc\":\"([0-9a-f]{8})\"");

	@TempDir
	Path dir;

	@Test
	void shouldWriteLowercaseDigitsAndRefuseUppercaseOnes() throws IOException {
		Path source = this.dir.resolve("source");
		String line = null;
		try (LogTestSupport.Opened store = open(source, options())) {
			// Until a CRC has a letter in it, so that uppercase differs from lowercase.
			for (int i = 0; line == null; i++) {
				store.put("k" + i, json(String.valueOf(i)));
				List<String> lines = LogTestSupport.lines(logPath(source));
				String last = lines.get(lines.size() - 1);
				LogTestSupport.assertValidCrc(last);
				Matcher crc = CRC.matcher(last);
				assertThat(crc.find()).as(last).isTrue();
				if (crc.group(1).chars().anyMatch(Character::isLetter)) {
					line = last;
				}
			}
		}
		Matcher crc = CRC.matcher(line);
		assertThat(crc.find()).isTrue();
		String upper = line.substring(0, crc.start(1)) + crc.group(1).toUpperCase(Locale.ROOT)
				+ line.substring(crc.end(1));
		Path data = this.dir.resolve("upper");
		LogTestSupport.writeLog(data, (upper + "\n").getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> open(data, options().withRecovery(RecoveryMode.STRICT)))
			.isInstanceOf(LogCorruptedException.class)
			.hasMessageContaining("not 8 lowercase hex digits");
	}

}
