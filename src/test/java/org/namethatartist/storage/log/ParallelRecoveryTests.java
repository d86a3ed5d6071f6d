package org.namethatartist.storage.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery with the decoding spread over threads ({@link LogScanner.Decoding}) does exactly what it
 * does on one thread: the same puts and removes in the same order, the same report, the same log,
 * {@code .corrupt} file and strict-mode error, on logs with bad lines of every kind, blank and CRLF
 * lines, lines longer than a chunk and torn tails, in each recovery mode.
 */
@ExtendWith(QuietEngineLogs.class)
class ParallelRecoveryTests {

	private static final RecordCodec<String> CODEC = new RecordCodec<>(LogTestSupport.MAPPER,
			ExactDecodeTests.STRINGS);

	@TempDir
	Path dir;

	@Test
	void sameStateReportAndFilesAsSequential() throws IOException {
		Random random = new Random(11);
		int refused = 0;
		int setAside = 0;
		for (int round = 0; round < 60; round++) {
			byte[] log = randomLog(random, random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(6));
			for (RecoveryMode mode : RecoveryMode.values()) {
				Outcome sequential = recover(log, mode, LogScanner.Decoding.SEQUENTIAL);
				refused += (sequential.error() != null) ? 1 : 0;
				setAside += (sequential.corrupt() != null) ? 1 : 0;
				for (int chunk : new int[] { 16, 200, 4096 }) {
					LogScanner.Decoding parallel = new LogScanner.Decoding(1 + random.nextInt(3) + 1, chunk, 0);
					Outcome outcome = recover(log, mode, parallel);
					assertThat(outcome).as("round %d, %s, chunks of %d", round, mode, chunk).isEqualTo(sequential);
				}
			}
		}
		// The logs had bad lines: strict mode refused some, skip and stop set some aside.
		assertThat(refused).isGreaterThan(10);
		assertThat(setAside).isGreaterThan(20);
	}

	@Test
	void cleanLogsGiveTheSameState() throws IOException {
		Random random = new Random(12);
		byte[] log = randomLog(random, 0);
		Outcome sequential = recover(log, RecoveryMode.STRICT, LogScanner.Decoding.SEQUENTIAL);
		assertThat(sequential.error()).isNull();
		assertThat(sequential.operations()).isNotEmpty();
		assertThat(recover(log, RecoveryMode.STRICT, new LogScanner.Decoding(2, 1 << 10, 0))).isEqualTo(sequential);
	}

	/** What a recovery did, without its duration and time. */
	private record Outcome(List<String> operations, String report, long records, String error, String logAfter,
			String corrupt) {
	}

	private Outcome recover(byte[] log, RecoveryMode mode, LogScanner.Decoding decoding) throws IOException {
		Path data = this.dir.resolve("data");
		if (Files.exists(data)) {
			try (Stream<Path> paths = Files.walk(data)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		LogTestSupport.writeLog(data, log);
		StoreFiles files = new StoreFiles(LogTestSupport.STORE, data.toAbsolutePath());
		RecordingState state = new RecordingState();
		LogOptions options = LogTestSupport.options().withRecovery(mode);
		String report = null;
		long records = -1;
		String error = null;
		try {
			LogRecovery.Result result = new LogRecovery<>(files, CODEC, state, options, decoding).recover();
			RecoveryReport r = result.report();
			report = r.store() + " " + r.source() + " " + r.recordsReplayed() + " " + r.bytesTruncated() + " "
					+ r.recordsSkipped() + " " + r.problems();
			records = result.records();
		}
		catch (LogCorruptedException ex) {
			error = ex.getMessage();
		}
		String logAfter = new String(Files.readAllBytes(files.log()), StandardCharsets.UTF_8);
		String corrupt = Files.exists(files.corrupt())
				? new String(Files.readAllBytes(files.corrupt()), StandardCharsets.UTF_8) : null;
		return new Outcome(state.operations, report, records, error, logAfter, corrupt);
	}

	/** Good records (fast path and Jackson path), blank and CRLF lines, long lines, and {@code bad} bad ones. */
	private static byte[] randomLog(Random random, int bad) {
		List<byte[]> lines = new ArrayList<>();
		int count = 20 + random.nextInt(60);
		for (int i = 0; i < count; i++) {
			lines.add(goodLine(random));
		}
		for (int i = 0; i < bad; i++) {
			lines.add(random.nextInt(lines.size() + 1), badLine(random));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] line : lines) {
			out.writeBytes(line);
		}
		if (random.nextInt(3) == 0) {
			// A torn write at the end.
			byte[] torn = goodLine(random);
			out.write(torn, 0, random.nextInt(Math.max(1, torn.length - 1)));
		}
		return out.toByteArray();
	}

	private static byte[] goodLine(Random random) {
		String key = "k" + random.nextInt(30);
		Mutation<String> mutation = switch (random.nextInt(8)) {
			case 0 -> new Mutation.Remove<>(key);
			case 1 -> new Mutation.Merge<>(Map.of(key, "merged " + random.nextInt(100)));
			case 2 -> new Mutation.Put<>(key, "unicode ✓ " + random.nextInt(100));
			case 3 -> new Mutation.Put<>(key, "long " + "x".repeat(300 + random.nextInt(5000)));
			default -> new Mutation.Put<>(key, "v" + random.nextInt(1000));
		};
		byte[] line = CODEC.encode(mutation, Instant.ofEpochSecond(random.nextInt(1_000_000)));
		return switch (random.nextInt(12)) {
			case 0 -> withCrlf(line);
			case 1 -> "   \n".getBytes(StandardCharsets.US_ASCII);
			case 2 -> "\n".getBytes(StandardCharsets.US_ASCII);
			case 3 -> ("{\"timestamp\":\"2020-01-01T00:00:00.000Z\",\"op\":\"SET\",\"key\":\"" + key
					+ "\",\"value\":\"legacy\"}\n").getBytes(StandardCharsets.UTF_8);
			default -> line;
		};
	}

	private static byte[] badLine(Random random) {
		byte[] good = CODEC.encode(new Mutation.Put<>("k" + random.nextInt(30), "bad " + random.nextInt(100)),
				Instant.EPOCH);
		return switch (random.nextInt(5)) {
			case 0 -> {
				// A flipped bit: a CRC mismatch.
				byte[] flipped = good.clone();
				flipped[random.nextInt(flipped.length - 20)] ^= 0x04;
				yield flipped;
			}
			case 1 -> "{\"op\":\"SET\",\"key\":\n".getBytes(StandardCharsets.US_ASCII);
			case 2 -> sealed("{\"op\":\"NOPE\",\"key\":\"k\"}");
			case 3 -> sealed("{\"timestamp\":\"t\",\"op\":\"SET\",\"key\":\"k\",\"value\":1}");
			default -> "garbage\n".getBytes(StandardCharsets.US_ASCII);
		};
	}

	private static byte[] sealed(String object) {
		byte[] bytes = object.getBytes(StandardCharsets.UTF_8);
		return RecordCodec.seal(bytes, bytes.length);
	}

	private static byte[] withCrlf(byte[] line) {
		byte[] crlf = new byte[line.length + 1];
		System.arraycopy(line, 0, crlf, 0, line.length - 1);
		crlf[line.length - 1] = '\r';
		crlf[line.length] = '\n';
		return crlf;
	}

	/** Records every put and remove, in order. */
	private static final class RecordingState implements StoreState<String> {

		final List<String> operations = new ArrayList<>();

		final Map<String, String> map = new TreeMap<>();

		@Override
		public void replayPut(String key, String value) {
			this.operations.add("put " + key + "=" + value);
			this.map.put(key, value);
		}

		@Override
		public void replayRemove(String key) {
			this.operations.add("remove " + key);
			this.map.remove(key);
		}

		@Override
		public void forEachEntry(BiConsumer<String, String> action) {
			this.map.forEach(action);
		}

	}

}
