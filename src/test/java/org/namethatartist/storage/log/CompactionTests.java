package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.logPath;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/** Compaction keeps the state, its backups and every concurrent append, and a crash at any step recovers. */
@ExtendWith(QuietEngineLogs.class)
class CompactionTests {

	@TempDir
	Path dir;

	private final List<Mutation<JsonNode>> history = new ArrayList<>();

	@BeforeEach
	void history() {
		for (int i = 0; i < 300; i++) {
			this.history.add(switch (i % 6) {
				case 0, 1, 2 -> new Mutation.Put<>("p" + (i % 40), json("{\"round\":" + i + ",\"name\":\"n" + i + "\"}"));
				case 3 -> new Mutation.Remove<>("p" + ((i + 7) % 40));
				case 4 -> new Mutation.Merge<>(Map.of("m" + (i % 13), json("[" + i + "]"), "p" + (i % 40), json("" + i)));
				default -> new Mutation.Put<>("s" + i, json("\"" + "v".repeat(i % 50) + "\""));
			});
		}
	}

	@Test
	void shouldKeepTheStateThroughCompactionAndReopen() throws IOException {
		Map<String, JsonNode> expected = LogTestSupport.replay(this.history);
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			this.history.forEach(store::apply);
			long before = LogTestSupport.logicalSize(logPath(this.dir));
			CompactionReport report = store.log().compact();

			assertThat(store.state().snapshot()).isEqualTo(expected);
			assertThat(report.bytesBefore()).isEqualTo(before);
			assertThat(report.bytesAfter()).isEqualTo(LogTestSupport.logicalSize(logPath(this.dir))).isLessThan(before);
			// The new log took the old one's place already extended: its first write changes no length.
			assertThat(Files.size(logPath(this.dir))).isEqualTo(report.bytesAfter() + LogTestSupport.PREALLOCATE);
			assertThat(report.recordsCarriedOver()).isZero();
			assertThat(store.log().status().records()).isEqualTo(1);
			List<String> lines = LogTestSupport.lines(logPath(this.dir));
			assertThat(lines).hasSize(1);
			assertThat(lines.get(0)).startsWith("{\"op\":\"CHECKPOINT\",\"state\":{");
			LogTestSupport.assertValidCrc(lines.get(0));
			assertThat(this.dir.resolve("logs").resolve(report.backup())).exists();

			store.put("after", json("1"));
			expected.put("after", json("1"));
		}
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).isEqualTo(expected);
			assertThat(store.report().recordsReplayed()).isEqualTo(2);
		}
	}

	@Test
	void aPacedCompactionKeepsWhatAnUnpacedOneKeeps() throws IOException {
		Map<String, JsonNode> expected = LogTestSupport.replay(this.history);
		try (LogTestSupport.Opened store = open(this.dir, options().withCompactionWriteRate(256L << 20))) {
			this.history.forEach(store::apply);
			// A few megabytes, so that the pace waits between the forced steps.
			for (int i = 0; i < 3_000; i++) {
				JsonNode big = json("\"" + "z".repeat(1000) + i + "\"");
				store.put("big" + i, big);
				expected.put("big" + i, big);
			}
			CompactionReport paced = store.log().compact();
			assertThat(paced.bytesAfter()).isGreaterThan(2L << 20);
			assertThat(store.state().snapshot()).isEqualTo(expected);
			assertThat(store.log().compact(0).bytesAfter()).as("the same log, unpaced").isEqualTo(paced.bytesAfter());
			assertThatThrownBy(() -> store.log().compact(-1)).isInstanceOf(IllegalArgumentException.class);
		}
		try (LogTestSupport.Opened reopened = open(this.dir, options())) {
			assertThat(reopened.state().snapshot()).isEqualTo(expected);
		}
	}

	@Test
	void shouldSaveTheOldLogAsABackupAndKeepOnlyTheNewestThree() throws IOException {
		List<String> made = new ArrayList<>();
		try (LogTestSupport.Opened store = open(this.dir, LogOptions.defaults().withFsync(FsyncPolicy.NEVER).withBackups(3))) {
			for (int round = 0; round < 5; round++) {
				for (Mutation<JsonNode> mutation : this.history.subList(round * 60, round * 60 + 60)) {
					store.apply(mutation);
				}
				byte[] before = LogTestSupport.records(logPath(this.dir));
				CompactionReport report = store.log().compact();
				assertThat(report.backup()).matches("things\\.log\\.backup\\.\\d+");
				assertThat(Files.readAllBytes(this.dir.resolve("logs").resolve(report.backup()))).isEqualTo(before);
				made.add(report.backup());
			}
			assertThat(made).doesNotHaveDuplicates();
			assertThat(store.log().status().backups()).containsExactlyElementsOf(made.subList(2, 5));
		}
		try (Stream<Path> files = Files.list(this.dir.resolve("logs"))) {
			assertThat(files.map((file) -> file.getFileName().toString()).filter((name) -> name.contains(".backup")))
				.containsExactlyInAnyOrderElementsOf(made.subList(2, 5));
		}
	}

	@Test
	void shouldKeepTheNewestBackupWhenTheClockStepsBack() {
		LogTestSupport.MutableClock clock = new LogTestSupport.MutableClock(Instant.parse("2024-05-06T10:00:00Z"));
		LogOptions opts = new LogOptions(FsyncPolicy.NEVER, RecoveryMode.SKIP, java.time.Duration.ofHours(1), 1,
				clock, LogListener.NONE, LogFile.Opener.DEFAULT, LogTestSupport.PREALLOCATE);
		try (LogTestSupport.Opened store = open(this.dir, opts)) {
			store.put("a", json("1"));
			store.log().compact();
			clock.now = clock.now.minusSeconds(60);
			store.put("b", json("2"));
			CompactionReport latest = store.log().compact();
			assertThat(store.log().status().backups()).containsExactly(latest.backup());
		}
	}

	@Test
	@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void shouldKeepAppendsFromOtherThreadsDuringCompactions() throws Exception {
		int writers = 4;
		int appends = 3000;
		String padding = "x".repeat(700);
		Map<String, JsonNode> expected = new ConcurrentHashMap<>();
		List<CompactionReport> reports = new ArrayList<>();
		try (LogTestSupport.Opened store = open(this.dir, options().withBackups(2))) {
			ExecutorService pool = Executors.newFixedThreadPool(writers);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				futures.add(pool.submit(() -> {
					go.await();
					Map<String, JsonNode> mine = new TreeMap<>();
					for (int i = 0; i < appends; i++) {
						String key = "w" + writer + "-" + (i % 97);
						Mutation<JsonNode> mutation = (i % 11 == 10) ? new Mutation.Remove<>(key)
								: new Mutation.Put<>(key, JsonNodeFactory.instance.stringNode(i + padding));
						store.apply(mutation);
						LogTestSupport.applyTo(mine, mutation);
					}
					expected.putAll(mine);
					return null;
				}));
			}
			go.countDown();
			while (futures.stream().anyMatch((future) -> !future.isDone()) || reports.size() < 3) {
				reports.add(store.log().compact());
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
			pool.shutdown();
			assertThat(store.state().snapshot()).isEqualTo(new TreeMap<>(expected));
		}
		System.out.printf("CompactionTests: %d compactions during %d appends, %d records carried over in all%n",
				reports.size(), writers * appends, reports.stream().mapToLong(CompactionReport::recordsCarriedOver).sum());
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).isEqualTo(new TreeMap<>(expected));
			assertThat(store.report().clean()).isTrue();
		}
		assertThat(LogTestSupport.lines(logPath(this.dir)).get(0)).startsWith("{\"op\":\"CHECKPOINT\"");
	}

	/** The files as each step of a compaction leaves them, and recovery from each. */
	@Test
	void shouldRecoverTheSameStateFromACrashAtEveryStepOfCompaction() throws IOException {
		Map<String, JsonNode> expected = LogTestSupport.replay(this.history);
		Path source = this.dir.resolve("source");
		try (LogTestSupport.Opened store = open(source, options())) {
			this.history.forEach(store::apply);
		}
		byte[] log = Files.readAllBytes(logPath(source));
		Path compacted = this.dir.resolve("compacted");
		LogTestSupport.writeLog(compacted, log);
		String backupName;
		try (LogTestSupport.Opened store = open(compacted, options())) {
			backupName = store.log().compact().backup();
		}
		byte[] checkpoint = Files.readAllBytes(logPath(compacted));
		assertThat(LogTestSupport.lineEnds(checkpoint)).hasSize(1);

		// 1. Writing the backup: a partial backup temp file beside the untouched log.
		assertRecovers("backup-half-written", expected, Map.of("things.log", log, "things.log.backup.tmp",
				LogTestSupport.prefix(log, log.length / 2)));
		// 2. The backup is in place; the checkpoint temp file is half written.
		assertRecovers("checkpoint-half-written", expected, Map.of("things.log", log, backupName, log,
				"things.log.compact.tmp", LogTestSupport.prefix(checkpoint, checkpoint.length / 2)));
		// 3. The temp file is complete (and forced) but not renamed yet.
		assertRecovers("before-rename", expected,
				Map.of("things.log", log, backupName, log, "things.log.compact.tmp", checkpoint));
		// 4. Renamed: the checkpoint is the log; old backups not pruned yet.
		assertRecovers("after-rename", expected, Map.of("things.log", checkpoint, backupName, log,
				"things.log.backup.1", log, "things.log.backup.2", log, "things.log.backup.3", log));
		// 5. Renamed, then records appended after the checkpoint, the last one torn.
		byte[] extra = "{\"op\":\"SET\",\"key\":\"late\",\"value\":7}\n{\"op\":\"SET\",\"ke".getBytes();
		byte[] carried = new byte[checkpoint.length + extra.length];
		System.arraycopy(checkpoint, 0, carried, 0, checkpoint.length);
		System.arraycopy(extra, 0, carried, checkpoint.length, extra.length);
		Map<String, JsonNode> withLate = new TreeMap<>(expected);
		withLate.put("late", json("7"));
		assertRecovers("after-rename-with-appends", withLate, Map.of("things.log", carried, backupName, log));
		// 6. Recovery itself crashed while rewriting the log without a bad line.
		assertRecovers("rewrite-interrupted", expected,
				Map.of("things.log", log, "things.log.rewrite.tmp", LogTestSupport.prefix(log, log.length / 3)));
	}

	private void assertRecovers(String step, Map<String, JsonNode> expected, Map<String, byte[]> files)
			throws IOException {
		Path data = this.dir.resolve(step);
		Path logs = data.resolve("logs");
		Files.createDirectories(logs);
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Files.write(logs.resolve(file.getKey()), file.getValue());
		}
		try (LogTestSupport.Opened store = open(data, options().withBackups(3))) {
			assertThat(store.state().snapshot()).as(step).isEqualTo(expected);
			assertThat(store.report().recordsSkipped()).as(step).isZero();
			// And the store goes on: a compaction from here keeps the state too.
			store.log().compact();
			assertThat(store.state().snapshot()).as(step).isEqualTo(expected);
		}
		assertThat(logs.resolve("things.log.compact.tmp")).as(step).doesNotExist();
		assertThat(logs.resolve("things.log.backup.tmp")).as(step).doesNotExist();
		assertThat(logs.resolve("things.log.rewrite.tmp")).as(step).doesNotExist();
		try (Stream<Path> backups = Files.list(logs)) {
			assertThat(backups.filter((file) -> file.getFileName().toString().matches("things\\.log\\.backup\\.\\d+")))
				.as(step)
				.hasSizeBetween(1, 3);
		}
		try (LogTestSupport.Opened store = open(data, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).as(step).isEqualTo(expected);
			assertThat(store.report().clean()).as(step).isTrue();
		}
	}

}
