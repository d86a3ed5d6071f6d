package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.logPath;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/**
 * A compacted state written as several CHECKPOINT lines of bounded size (one line could not pass 2 GB, a
 * Java array's limit): each line sealed by its CRC and near the bound, the records after them carried
 * over, and the whole read back the same by replay (fast path and Jackson alike) and by the original's
 * reader, which merges the states of CHECKPOINT lines.
 */
@ExtendWith(QuietEngineLogs.class)
class CheckpointPartsTests {

	private static final long PART_BYTES = 4 * 1024;

	@TempDir
	Path dir;

	@Test
	void aLargeStateIsCompactedIntoBoundedCheckpointLinesAndReadBackWhole() throws IOException {
		Map<String, JsonNode> expected = new LinkedHashMap<>();
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			store.log().codec().checkpointPartBytes(PART_BYTES);
			for (int i = 0; i < 600; i++) {
				JsonNode value = json("{\"n\":" + i + ",\"name\":\"player " + i + "\",\"note\":\"" + "x".repeat(i % 97) + "\"}");
				store.put("p" + i, value);
				expected.put("p" + i, value);
			}
			CompactionReport report = store.log().compact();
			List<String> lines = LogTestSupport.lines(logPath(this.dir));
			List<String> checkpoints = lines.stream().filter((line) -> line.startsWith("{\"op\":\"CHECKPOINT\"")).toList();
			assertThat(checkpoints).as("a state of %d bytes in lines of about %d", report.bytesAfter(), PART_BYTES)
				.hasSizeGreaterThan(5);
			assertThat(lines.subList(0, checkpoints.size())).as("the CHECKPOINT lines come first").isEqualTo(checkpoints);
			for (String line : checkpoints) {
				LogTestSupport.assertValidCrc(line);
				// A line ends after the entry that passes the bound: at most one entry more.
				assertThat(line.length()).isLessThan((int) PART_BYTES + 512);
			}
			assertThat(store.log().status().records()).isEqualTo(checkpoints.size());

			// Appended after the compaction: replayed after the parts.
			store.put("p1", json("\"changed\""));
			expected.put("p1", json("\"changed\""));
			store.apply(new Mutation.Remove<>("p2"));
			expected.remove("p2");
		}
		try (LogTestSupport.Opened reopened = open(this.dir, options())) {
			assertThat(reopened.state().snapshot()).isEqualTo(expected);
			assertThat(reopened.report().recordsReplayed()).isEqualTo(LogTestSupport.lines(logPath(this.dir)).size());
		}
		assertThat(OriginalReader.read(logPath(this.dir))).as("as the original bot reads it").isEqualTo(expected);
	}

	@Test
	void anEmptyStateIsOneCheckpointLine() throws IOException {
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			store.log().codec().checkpointPartBytes(PART_BYTES);
			store.put("a", json("1"));
			store.apply(new Mutation.Remove<>("a"));
			store.log().compact();
		}
		assertThat(LogTestSupport.lines(logPath(this.dir))).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("{\"op\":\"CHECKPOINT\",\"state\":{},"));
		assertThat(OriginalReader.read(logPath(this.dir))).isEmpty();
	}

	@Test
	void eachPartDecodesTheSameOnTheFastPathAndWithJackson() throws IOException {
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			store.log().codec().checkpointPartBytes(PART_BYTES);
			for (int i = 0; i < 200; i++) {
				store.put("k" + i, json("[" + i + ",\"" + "y".repeat(i % 50) + "\"]"));
			}
			store.log().compact();
			RecordCodec<JsonNode> codec = store.log().codec();
			for (String line : LogTestSupport.lines(logPath(this.dir))) {
				byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				assertThat(codec.decode(bytes, 0, bytes.length))
					.isEqualTo(codec.decodeWithJackson(bytes, 0, bytes.length));
			}
		}
	}

}
