package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.logPath;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/** A crash in the middle of a write leaves a torn last line: recovery cuts it, in every mode. */
@ExtendWith(QuietEngineLogs.class)
class TornTailTests {

	private static final int RECORDS = 10;

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(RecoveryMode.class)
	void shouldTruncateTornTailAtEveryByteOfTheLastThreeRecords(RecoveryMode mode) throws IOException {
		List<Mutation<JsonNode>> mutations = new ArrayList<>();
		for (int i = 0; i < RECORDS; i++) {
			mutations.add(switch (i % 4) {
				case 0 -> new Mutation.Put<>("k" + i, json("{\"n\":" + i + ",\"s\":\"é" + i + "\"}"));
				case 1 -> new Mutation.Merge<>(Map.of("m" + i, json("[" + i + "]"), "k" + (i - 1), json("" + i)));
				case 2 -> new Mutation.Put<>("k" + i, json("\"" + "x".repeat(i) + "\""));
				default -> new Mutation.Remove<>("m" + (i - 2));
			});
		}
		Path source = this.dir.resolve("source");
		try (LogTestSupport.Opened store = open(source, options())) {
			mutations.forEach(store::apply);
		}
		byte[] log = Files.readAllBytes(logPath(source));
		List<Integer> ends = LogTestSupport.lineEnds(log);
		assertThat(ends).hasSize(RECORDS).last().isEqualTo(log.length);

		int from = ends.get(RECORDS - 4);
		int cuts = 0;
		for (int at = from; at < log.length; at++) {
			int cut = at;
			int complete = (int) ends.stream().filter((end) -> end <= cut).count();
			int lastComplete = ends.get(complete - 1);
			// As a crash leaves it without preallocation, and with it: the cut followed by free space.
			for (int zeros : new int[] { 0, 5000 }) {
				Path data = this.dir.resolve(mode + "-" + cut + "-" + zeros);
				LogTestSupport.writeLog(data, LogTestSupport.prefix(log, cut + zeros, cut));

				try (LogTestSupport.Opened store = open(data, options().withRecovery(mode))) {
					RecoveryReport report = store.report();
					assertThat(store.state().snapshot()).as("state after a cut at %d, %d zeros", cut, zeros)
						.isEqualTo(LogTestSupport.replay(mutations.subList(0, complete)));
					assertThat(report.bytesTruncated()).as("bytes truncated at cut %d", cut).isEqualTo(cut - lastComplete);
					assertThat(report.recordsReplayed()).isEqualTo(complete);
					assertThat(report.recordsSkipped()).isZero();
					assertThat(report.clean()).isEqualTo(cut == lastComplete);
					if (cut != lastComplete) {
						assertThat(report.problems()).singleElement().asString().contains("torn write");
					}
				}
				assertThat(Files.readAllBytes(logPath(data))).as("log after a cut at %d", cut)
					.isEqualTo(LogTestSupport.prefix(log, lastComplete));
				assertThat(LogTestSupport.corruptPath(data)).doesNotExist();
			}
			cuts++;
		}
		assertThat(cuts).isGreaterThan(3 * 80);
	}

}
