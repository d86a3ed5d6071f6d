package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Shared helpers for the engine tests: a JSON value type, a map-backed state, files and fault injection. */
final class LogTestSupport {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final String STORE = "things";

	/** Values are members of a line: Jackson 3 must not insist that nothing follows them. */
	private static final ObjectReader MEMBER_READER = MAPPER.reader()
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	/** Values are arbitrary JSON trees, read and written through the mapper. */
	static final ValueCodec<JsonNode> JSON = new ValueCodec<>() {

		@Override
		public JsonNode read(JsonParser parser) {
			return MEMBER_READER.readTree(parser);
		}

		@Override
		public void write(JsonGenerator generator, JsonNode value) {
			generator.writeTree(value);
		}

	};

	static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09.123Z"), ZoneOffset.UTC);

	private LogTestSupport() {
	}

	/**
	 * Raises the engine's log level to ERROR (recovery warns once per repaired log, thousands of times in
	 * the fault tests) and returns what restores it.
	 */
	static Runnable quietEngineLogs() {
		ch.qos.logback.classic.Logger engine = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger(AppendLog.class.getPackageName());
		ch.qos.logback.classic.Level before = engine.getLevel();
		engine.setLevel(ch.qos.logback.classic.Level.ERROR);
		return () -> engine.setLevel(before);
	}

	/** A state backed by a concurrent sorted map (sorted, so snapshots are predictable). */
	static final class MapState implements StoreState<JsonNode> {

		final ConcurrentSkipListMap<String, JsonNode> map = new ConcurrentSkipListMap<>();

		@Override
		public void replayPut(String key, JsonNode value) {
			this.map.put(key, value);
		}

		@Override
		public void replayRemove(String key) {
			this.map.remove(key);
		}

		@Override
		public void forEachEntry(BiConsumer<String, JsonNode> action) {
			this.map.forEach(action);
		}

		Map<String, JsonNode> snapshot() {
			return new TreeMap<>(this.map);
		}

	}

	/** An opened store and the state it fills. */
	record Opened(AppendLog<JsonNode> log, MapState state) implements AutoCloseable {

		/** Appends and applies the mutation to the state the way a repository does: in onDurable. */
		void apply(Mutation<JsonNode> mutation) {
			this.log.append(mutation, () -> applyTo(this.state.map, mutation));
		}

		void put(String key, JsonNode value) {
			apply(new Mutation.Put<>(key, value));
		}

		RecoveryReport report() {
			return this.log.lastRecovery();
		}

		@Override
		public void close() {
			this.log.close();
		}

	}

	static void applyTo(Map<String, JsonNode> map, Mutation<JsonNode> mutation) {
		if (mutation instanceof Mutation.Put<JsonNode> put) {
			map.put(put.key(), put.value());
		}
		else if (mutation instanceof Mutation.Remove<JsonNode> remove) {
			map.remove(remove.key());
		}
		else if (mutation instanceof Mutation.Merge<JsonNode> merge) {
			map.putAll(merge.data());
		}
	}

	/**
	 * Tests preallocate, as production does, but in small chunks: 64 KB, so that a test of a few hundred
	 * records crosses a chunk's end.
	 */
	static final long PREALLOCATE = 64 * 1024;

	/** The file's bytes without the preallocated zeros at its end: the records of an open log. */
	static byte[] records(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		int end = bytes.length;
		while (end > 0 && bytes[end - 1] == 0) {
			end--;
		}
		return java.util.Arrays.copyOf(bytes, end);
	}

	/** The length of {@link #records}. */
	static long logicalSize(Path file) throws IOException {
		return records(file).length;
	}

	/** Options for tests: no fsync unless asked, no background snapshot, a fixed clock, preallocation on. */
	static LogOptions options() {
		return new LogOptions(FsyncPolicy.NEVER, RecoveryMode.SKIP, Duration.ofHours(1), 3, FIXED_CLOCK,
				LogListener.NONE, LogFile.Opener.DEFAULT, PREALLOCATE);
	}

	static Opened open(Path dataDir, LogOptions options) {
		MapState state = new MapState();
		AppendLog<JsonNode> log = AppendLog.open(STORE, dataDir, MAPPER, JSON, state, options);
		return new Opened(log, state);
	}

	static Path logPath(Path dataDir) {
		return dataDir.resolve("logs").resolve(STORE + ".log");
	}

	static Path corruptPath(Path dataDir) {
		return dataDir.resolve("logs").resolve(STORE + ".log.corrupt");
	}

	static JsonNode json(String text) {
		return MAPPER.readTree(text);
	}

	/** Writes {@code bytes} as the store's log in a data directory, creating the folders. */
	static void writeLog(Path dataDir, byte[] bytes) throws IOException {
		Files.createDirectories(dataDir.resolve("logs"));
		Files.write(logPath(dataDir), bytes);
	}

	/** Offsets just after each {@code \n}: where each line ends (exclusive). */
	static List<Integer> lineEnds(byte[] bytes) {
		List<Integer> ends = new ArrayList<>();
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				ends.add(i + 1);
			}
		}
		return ends;
	}

	/** The file's lines, without the preallocated zeros of an open log. */
	static List<String> lines(Path file) throws IOException {
		String text = new String(records(file), StandardCharsets.UTF_8);
		List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
		// As Files.readAllLines: no empty line after the last newline.
		if (lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	/** The mutations applied in order to an empty map. */
	static Map<String, JsonNode> replay(List<Mutation<JsonNode>> mutations) {
		Map<String, JsonNode> map = new TreeMap<>();
		for (Mutation<JsonNode> mutation : mutations) {
			applyTo(map, mutation);
		}
		return map;
	}

	/** The first {@code kept} bytes, followed by zeros up to {@code length}: a cut in preallocated space. */
	static byte[] prefix(byte[] bytes, int length, int kept) {
		byte[] result = new byte[length];
		System.arraycopy(bytes, 0, result, 0, kept);
		return result;
	}

	static byte[] prefix(byte[] bytes, int length) {
		return Arrays.copyOf(bytes, length);
	}

	/** Checks that a line (without its newline) ends with a crc member matching an independent CRC32C. */
	static void assertValidCrc(String line) {
		java.util.regex.Matcher crc = java.util.regex.Pattern.compile(",\"crc\":\"([0-9a-f]{8})\"}$").matcher(line);
		org.assertj.core.api.Assertions.assertThat(crc.find()).as("crc member at the end of %s", line).isTrue();
		java.util.zip.CRC32C expected = new java.util.zip.CRC32C();
		expected.update((line.substring(0, crc.start()) + "}").getBytes(StandardCharsets.UTF_8));
		org.assertj.core.api.Assertions.assertThat(crc.group(1))
			.as("crc of %s", line)
			.isEqualTo(String.format("%08x", expected.getValue()));
	}

	/** A clock tests move by hand. */
	static final class MutableClock extends Clock {

		volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/** Switches that make a {@link FaultyLogFile} fail like a full disk. */
	static final class Faults {

		final AtomicBoolean failWrite = new AtomicBoolean();

		/** When a write fails, how many of its bytes reach the file first (a short write). */
		volatile int partialBytes = 0;

		final AtomicBoolean failForce = new AtomicBoolean();

		final AtomicBoolean failTruncate = new AtomicBoolean();

		LogFile.Opener opener() {
			return (path) -> new FaultyLogFile(new LogFile.ChannelLogFile(path), this);
		}

	}

	/** A real log file whose write, force or truncate throws on demand, as on a full disk. */
	static final class FaultyLogFile extends LogFile.Forwarding {

		private final Faults faults;

		FaultyLogFile(LogFile delegate, Faults faults) {
			super(delegate);
			this.faults = faults;
		}

		@Override
		public void write(ByteBuffer bytes, long position) throws IOException {
			if (this.faults.failWrite.get()) {
				int partial = Math.min(this.faults.partialBytes, bytes.remaining());
				if (partial > 0) {
					ByteBuffer part = bytes.duplicate();
					part.limit(part.position() + partial);
					super.write(part, position);
				}
				throw new IOException("No space left on device");
			}
			super.write(bytes, position);
		}

		@Override
		public void force() throws IOException {
			if (this.faults.failForce.get()) {
				throw new IOException("No space left on device");
			}
			super.force();
		}

		@Override
		public void truncate(long size) throws IOException {
			if (this.faults.failTruncate.get()) {
				throw new IOException("Input/output error");
			}
			super.truncate(size);
		}

	}

}
