package org.namethatartist.storage.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.StorageException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.logPath;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/**
 * The log grows ahead of its writes in zeros: recovery reads them as free space, a clean close cuts them,
 * and zeros with records after them are damage handled by the recovery mode (LogRecovery's class comment).
 */
@ExtendWith(QuietEngineLogs.class)
class PreallocationTests {

	private static final int RECORDS = 5;

	@TempDir
	Path dir;

	private final List<Mutation<JsonNode>> mutations = new ArrayList<>();

	/** Five records, as a clean close leaves them: no zeros. */
	private byte[] log;

	private List<Integer> ends;

	@BeforeEach
	void writeFiveRecords() throws IOException {
		for (int i = 0; i < RECORDS; i++) {
			this.mutations.add(new Mutation.Put<>("k" + i, json("{\"n\":" + i + "}")));
		}
		Path source = this.dir.resolve("source");
		try (LogTestSupport.Opened store = open(source, options())) {
			this.mutations.forEach(store::apply);
		}
		this.log = Files.readAllBytes(logPath(source));
		this.ends = LogTestSupport.lineEnds(this.log);
		assertThat(this.ends).hasSize(RECORDS).last().isEqualTo(this.log.length);
	}

	@Test
	void shouldWriteIntoSpaceAheadAndCutItOnACleanClose() throws IOException {
		Path data = this.dir.resolve("data");
		int appends = 0;
		try (LogTestSupport.Opened store = open(data, options())) {
			// Past two chunks' ends: the file is extended again each time.
			while (store.log().logBytes() < 2 * LogTestSupport.PREALLOCATE + 100) {
				store.put("p" + appends, json("\"" + "x".repeat(200) + appends + "\""));
				appends++;
				long physical = Files.size(logPath(data));
				assertThat(physical).as("file length after %d appends", appends)
					.isGreaterThan(store.log().logBytes())
					.isLessThanOrEqualTo(store.log().logBytes() + LogTestSupport.PREALLOCATE + 300);
				assertThat(LogTestSupport.logicalSize(logPath(data))).isEqualTo(store.log().logBytes());
			}
		}
		byte[] closed = Files.readAllBytes(logPath(data));
		// The original bot's reader fails on a NUL byte: a cleanly stopped store has none.
		assertThat(closed).doesNotContain((byte) 0).endsWith((byte) '\n');
		List<String> lines = LogTestSupport.lines(logPath(data));
		assertThat(lines).hasSize(appends);
		lines.forEach(LogTestSupport::assertValidCrc);
	}

	@Test
	void shouldReadZerosAfterTheLastRecordAsFreeSpaceAfterACrash() throws IOException {
		Path data = this.dir.resolve("data");
		Path crash = this.dir.resolve("crash");
		try (LogTestSupport.Opened store = open(data, options())) {
			this.mutations.forEach(store::apply);
			// The file as a SIGKILL leaves it: the records and the zeros ahead of them.
			byte[] image = Files.readAllBytes(logPath(data));
			assertThat((long) image.length).isGreaterThan(this.log.length + 1000L)
				.isLessThanOrEqualTo(this.log.length + LogTestSupport.PREALLOCATE);
			LogTestSupport.writeLog(crash, image);
		}
		try (LogTestSupport.Opened store = open(crash, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).isEqualTo(LogTestSupport.replay(this.mutations));
			assertThat(store.report().clean()).isTrue();
			assertThat(store.report().problems()).isEmpty();
			assertThat(store.report().bytesTruncated()).isZero();
			assertThat(store.report().recordsReplayed()).isEqualTo(RECORDS);
			// The next start trims the file: it holds the records only.
			assertThat(Files.readAllBytes(logPath(crash))).isEqualTo(this.log);
		}
		assertThat(LogTestSupport.corruptPath(crash)).doesNotExist();
	}

	@Test
	void shouldReadAFileOfZerosOnlyAsAnEmptyLog() throws IOException {
		LogTestSupport.writeLog(this.dir.resolve("zeros"), new byte[70_000]);
		try (LogTestSupport.Opened store = open(this.dir.resolve("zeros"), options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).isEmpty();
			assertThat(store.report().clean()).isTrue();
			assertThat(Files.size(logPath(this.dir.resolve("zeros")))).isZero();
		}
	}

	@Test
	void shouldCutAFlippedByteInTheFreeSpaceAsATornWrite() throws IOException {
		byte[] image = zerosAfter(this.log, 3000);
		image[this.log.length + 1234] = 0x20;
		Path data = this.dir.resolve("flip");
		LogTestSupport.writeLog(data, image);
		try (LogTestSupport.Opened store = open(data, options())) {
			assertThat(store.state().snapshot()).isEqualTo(LogTestSupport.replay(this.mutations));
			assertThat(store.report().bytesTruncated()).isEqualTo(1235);
			assertThat(store.report().problems()).singleElement().asString().contains("torn write");
		}
		assertThat(Files.readAllBytes(logPath(data))).isEqualTo(this.log);
		assertThat(LogTestSupport.corruptPath(data)).doesNotExist();
	}

	/** Records 1-2, a hole, record 3, records 4-5, free space: record 3 reached the disk without what was before it. */
	private byte[] holeBeforeTheThirdRecord() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(this.log, 0, this.ends.get(1));
		out.write(new byte[100]);
		out.write(this.log, this.ends.get(1), this.log.length - this.ends.get(1));
		out.write(new byte[2000]);
		return out.toByteArray();
	}

	@Test
	void shouldSetAsideAHoleAndTheRecordAfterItInSkipMode() throws IOException {
		Path data = this.dir.resolve("skip");
		LogTestSupport.writeLog(data, holeBeforeTheThirdRecord());
		try (LogTestSupport.Opened store = open(data, options().withRecovery(RecoveryMode.SKIP))) {
			List<Mutation<JsonNode>> kept = new ArrayList<>(this.mutations);
			kept.remove(2);
			assertThat(store.state().snapshot()).isEqualTo(LogTestSupport.replay(kept));
			assertThat(store.report().recordsSkipped()).isEqualTo(1);
			assertThat(store.report().problems()).singleElement().asString().contains("line 3");
		}
		// Nothing is lost: the hole and the record after it are in .corrupt, the log has the rest.
		ByteArrayOutputStream aside = new ByteArrayOutputStream();
		aside.write(new byte[100]);
		aside.write(this.log, this.ends.get(1), this.ends.get(2) - this.ends.get(1));
		assertThat(Files.readAllBytes(LogTestSupport.corruptPath(data))).isEqualTo(aside.toByteArray());
		ByteArrayOutputStream rest = new ByteArrayOutputStream();
		rest.write(this.log, 0, this.ends.get(1));
		rest.write(this.log, this.ends.get(2), this.log.length - this.ends.get(2));
		assertThat(Files.readAllBytes(logPath(data))).isEqualTo(rest.toByteArray());
	}

	@Test
	void shouldStopAtAHoleInStopMode() throws IOException {
		Path data = this.dir.resolve("stop");
		LogTestSupport.writeLog(data, holeBeforeTheThirdRecord());
		try (LogTestSupport.Opened store = open(data, options().withRecovery(RecoveryMode.STOP))) {
			assertThat(store.state().snapshot()).isEqualTo(LogTestSupport.replay(this.mutations.subList(0, 2)));
			assertThat(store.report().recordsSkipped()).isEqualTo(3);
		}
		assertThat(Files.readAllBytes(logPath(data))).isEqualTo(LogTestSupport.prefix(this.log, this.ends.get(1)));
		// The records after the hole, and not the free space after them, are set aside.
		assertThat(Files.size(LogTestSupport.corruptPath(data))).isEqualTo(100 + this.log.length - this.ends.get(1));
	}

	@Test
	void shouldRefuseAHoleInStrictMode() throws IOException {
		Path data = this.dir.resolve("strict");
		byte[] image = holeBeforeTheThirdRecord();
		LogTestSupport.writeLog(data, image);
		assertThatThrownBy(() -> open(data, options().withRecovery(RecoveryMode.STRICT)))
			.isInstanceOf(LogCorruptedException.class)
			.hasMessageContaining("line 3");
		assertThat(Files.readAllBytes(logPath(data))).isEqualTo(image);
	}

	@Test
	void shouldCutAHoleAndARecordAfterItAtTheEndAsATornTail() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(this.log, 0, this.ends.get(3));
		out.write(new byte[100]);
		out.write(this.log, this.ends.get(3), this.log.length - this.ends.get(3));
		out.write(new byte[2000]);
		Path data = this.dir.resolve("tail");
		LogTestSupport.writeLog(data, out.toByteArray());
		try (LogTestSupport.Opened store = open(data, options())) {
			assertThat(store.state().snapshot()).isEqualTo(LogTestSupport.replay(this.mutations.subList(0, 4)));
			assertThat(store.report().bytesTruncated()).isEqualTo(100 + this.log.length - this.ends.get(3));
		}
		assertThat(Files.readAllBytes(logPath(data))).isEqualTo(LogTestSupport.prefix(this.log, this.ends.get(3)));
		assertThat(Files.size(LogTestSupport.corruptPath(data))).isEqualTo(100 + this.log.length - this.ends.get(3));
	}

	@Test
	void shouldNotAcknowledgeAWriteWhenTheDiskIsFullWhileExtending() throws IOException {
		AtomicBoolean full = new AtomicBoolean();
		LogFile.Opener opener = (path) -> new LogFile.Forwarding(new LogFile.ChannelLogFile(path)) {
			@Override
			public void write(ByteBuffer bytes, long position) throws IOException {
				// The extension: one byte past the file's end.
				if (full.get() && position >= size()) {
					throw new IOException("No space left on device");
				}
				super.write(bytes, position);
			}
		};
		Path data = this.dir.resolve("full");
		Map<String, JsonNode> acknowledged = new java.util.TreeMap<>();
		try (LogTestSupport.Opened store = open(data, options().withFsync(FsyncPolicy.ALWAYS).withOpener(opener))) {
			store.put("first", json("0"));
			acknowledged.put("first", json("0"));
			full.set(true);
			int failures = 0;
			for (int i = 0; failures == 0; i++) {
				String key = "p" + i;
				JsonNode value = json("\"" + "y".repeat(300) + "\"");
				try {
					store.put(key, value);
					acknowledged.put(key, value);
				}
				catch (StorageException ex) {
					assertThat(ex).hasMessageContaining("not recorded");
					assertThat(store.state().map).doesNotContainKey(key);
					failures++;
				}
			}
			// Everything written before the full disk stayed, in the chunk already there.
			assertThat(acknowledged).hasSizeGreaterThan(100);
			assertThat(store.log().status().writable()).isFalse();
			full.set(false);
			store.put("after", json("1"));
			acknowledged.put("after", json("1"));
			assertThat(store.log().status().writable()).isTrue();
		}
		try (LogTestSupport.Opened store = open(data, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).isEqualTo(acknowledged);
			assertThat(store.report().clean()).isTrue();
		}
	}

	private static byte[] zerosAfter(byte[] bytes, int zeros) {
		return LogTestSupport.prefix(bytes, bytes.length + zeros, bytes.length);
	}

}
