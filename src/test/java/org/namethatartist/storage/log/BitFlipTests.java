package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.logPath;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/**
 * Single-bit flips anywhere in a log with CRCs: every one is detected, and no flip ever loads a value
 * that was never written.
 *
 * <p>What each mode must do with a flip in line {@code k} (1-based) of {@code n}:
 * <ul>
 * <li>{@code skip}: every record but the damaged ones, exactly. The damaged ones are line {@code k},
 * plus line {@code k+1} when the flip hit the {@code \n} between them (the two merge into one line whose
 * CRC fails). A flip of the very last {@code \n} leaves a torn tail: line {@code n} is cut.
 * <li>{@code stop}: exactly the records before line {@code k}.
 * <li>{@code strict}: a {@link LogCorruptedException} naming the file, line {@code k} and its byte
 * offset; except for a flip of the final {@code \n}, which is indistinguishable from a torn write and is
 * cut like one (no exception, last record gone).
 * </ul>
 */
@ExtendWith(QuietEngineLogs.class)
class BitFlipTests {

	private static final int RECORDS = 50;

	private static final int SKIP_FLIPS = 2000;

	private static final int STRICT_FLIPS = 250;

	private static final int STOP_FLIPS = 250;

	@TempDir
	Path dir;

	private final List<Mutation.Put<JsonNode>> records = new ArrayList<>();

	private byte[] log;

	private List<Integer> ends;

	private long seed;

	@BeforeEach
	void writeLog() throws IOException {
		// Fixed, so that CI is reproducible; -Dbitflip.seed=<n> tries other flips.
		this.seed = Long.getLong("bitflip.seed", 20261205L);
		System.out.println("BitFlipTests seed: " + this.seed + " (rerun with -Dbitflip.seed=" + this.seed + ")");
		Random values = new Random(42);
		for (int i = 0; i < RECORDS; i++) {
			JsonNode value = switch (i % 5) {
				case 0 -> json(Long.toString(values.nextLong()));
				case 1 -> json("\"artist " + i + " ✓ ümlaut \\\"quoted\\\" \\n\"");
				case 2 -> json("{\"score\":" + values.nextInt(1000) + ",\"tags\":[\"a\",\"b\"],\"ok\":true}");
				case 3 -> json("[" + values.nextDouble() + ",false,{},[]]");
				default -> json("\"" + "z".repeat(values.nextInt(60)) + "\"");
			};
			this.records.add(new Mutation.Put<>("key-" + i, value));
		}
		Path source = this.dir.resolve("source");
		try (LogTestSupport.Opened store = open(source, options())) {
			this.records.forEach(store::apply);
		}
		this.log = Files.readAllBytes(logPath(source));
		this.ends = LogTestSupport.lineEnds(this.log);
		assertThat(this.ends).hasSize(RECORDS);
	}

	@Test
	void shouldDetectEveryBitFlipAndNeverLoadAValueThatWasNotWrittenInSkipMode() throws IOException {
		Random random = new Random(this.seed);
		Map<String, JsonNode> original = LogTestSupport.replay(new ArrayList<>(this.records));
		for (int i = 0; i < SKIP_FLIPS; i++) {
			Flip flip = flip(random);
			Path data = flip.write(this.dir.resolve("skip-" + i));
			Map<String, JsonNode> loaded;
			try (LogTestSupport.Opened store = open(data, options())) {
				loaded = store.state().snapshot();
				assertThat(store.report().clean()).as("%s must be detected", flip).isFalse();
			}
			catch (RuntimeException ex) {
				throw new AssertionError("recovery threw on " + flip, ex);
			}
			// The safety property: a subset of what was written, every value exactly as written.
			assertThat(original).as("%s", flip).containsAllEntriesOf(loaded);
			// And precisely which records the flip costs.
			Map<String, JsonNode> expected = new TreeMap<>(original);
			for (int line : flip.damagedLinesInSkip()) {
				expected.remove(this.records.get(line - 1).key());
			}
			assertThat(loaded).as("%s", flip).isEqualTo(expected);
			if (i % 50 == 0) {
				// The repaired log is clean and holds the same state.
				try (LogTestSupport.Opened again = open(data, options().withRecovery(RecoveryMode.STRICT))) {
					assertThat(again.report().clean()).as("%s, second recovery", flip).isTrue();
					assertThat(again.state().snapshot()).isEqualTo(loaded);
				}
			}
		}
	}

	@Test
	void shouldRefuseEveryBitFlipInStrictModeNamingFileLineAndOffset() throws IOException {
		Random random = new Random(this.seed + 1);
		int tornTails = 0;
		for (int i = 0; i < STRICT_FLIPS; i++) {
			Flip flip = (i == 0) ? new Flip(this.log.length - 1, 3) : flip(random);
			Path data = flip.write(this.dir.resolve("strict-" + i));
			if (flip.hitsFinalNewline()) {
				tornTails++;
				try (LogTestSupport.Opened store = open(data, options().withRecovery(RecoveryMode.STRICT))) {
					assertThat(store.state().snapshot()).hasSize(RECORDS - 1).doesNotContainKey("key-" + (RECORDS - 1));
					assertThat(store.report().bytesTruncated()).isEqualTo(this.log.length - this.ends.get(RECORDS - 2));
				}
				continue;
			}
			int line = flip.line();
			assertThatThrownBy(() -> open(data, options().withRecovery(RecoveryMode.STRICT)).close()).as("%s", flip)
				.isInstanceOf(LogCorruptedException.class)
				.hasMessageContaining(logPath(data).toString())
				.hasMessageContaining(" line " + line + " ")
				.hasMessageContaining("byte offset " + lineStart(line) + ")");
			// Strict refuses without touching the files.
			assertThat(Files.readAllBytes(logPath(data))).isEqualTo(flip.bytes());
		}
		assertThat(tornTails).isPositive();
	}

	@Test
	void shouldKeepExactlyThePrefixBeforeTheFlipInStopMode() throws IOException {
		Random random = new Random(this.seed + 2);
		for (int i = 0; i < STOP_FLIPS; i++) {
			Flip flip = flip(random);
			Path data = flip.write(this.dir.resolve("stop-" + i));
			int kept = flip.hitsFinalNewline() ? RECORDS - 1 : flip.line() - 1;
			try (LogTestSupport.Opened store = open(data, options().withRecovery(RecoveryMode.STOP))) {
				assertThat(store.state().snapshot()).as("%s", flip)
					.isEqualTo(LogTestSupport.replay(new ArrayList<>(this.records.subList(0, kept))));
				assertThat(store.report().clean()).isFalse();
				assertThat(store.report().bytesTruncated()).isEqualTo(this.log.length - lineStart(kept + 1));
			}
			assertThat(Files.readAllBytes(logPath(data))).isEqualTo(LogTestSupport.prefix(this.log, lineStart(kept + 1)));
			if (!flip.hitsFinalNewline()) {
				byte[] corrupt = Files.readAllBytes(LogTestSupport.corruptPath(data));
				assertThat(corrupt.length).isEqualTo(this.log.length - lineStart(kept + 1));
			}
		}
	}

	private Flip flip(Random random) {
		return new Flip(random.nextInt(this.log.length), random.nextInt(8));
	}

	/** Where line {@code line} (1-based) starts; {@code RECORDS + 1} gives the end of the file. */
	private int lineStart(int line) {
		return (line == 1) ? 0 : this.ends.get(line - 2);
	}

	/** One flipped bit. */
	private final class Flip {

		final int position;

		final int bit;

		Flip(int position, int bit) {
			this.position = position;
			this.bit = bit;
		}

		byte[] bytes() {
			byte[] flipped = BitFlipTests.this.log.clone();
			flipped[this.position] ^= (byte) (1 << this.bit);
			return flipped;
		}

		Path write(Path data) throws IOException {
			LogTestSupport.writeLog(data, bytes());
			return data;
		}

		/** The 1-based line holding the flipped byte (a line's {@code \n} belongs to it). */
		int line() {
			for (int i = 0; i < RECORDS; i++) {
				if (this.position < BitFlipTests.this.ends.get(i)) {
					return i + 1;
				}
			}
			throw new IllegalStateException();
		}

		boolean hitsNewline() {
			return BitFlipTests.this.log[this.position] == '\n';
		}

		boolean hitsFinalNewline() {
			return this.position == BitFlipTests.this.log.length - 1;
		}

		List<Integer> damagedLinesInSkip() {
			int line = line();
			if (hitsNewline() && line < RECORDS) {
				return List.of(line, line + 1);
			}
			return List.of(line);
		}

		@Override
		public String toString() {
			byte before = BitFlipTests.this.log[this.position];
			return String.format("flip of bit %d at byte %d (line %d, 0x%02x -> 0x%02x), seed %d", this.bit,
					this.position, line(), before & 0xff, (before ^ (1 << this.bit)) & 0xff, BitFlipTests.this.seed);
		}

	}

}
