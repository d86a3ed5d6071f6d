package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

/** A full or failing disk: nothing unacknowledged is recorded, no partial line stays, and writing resumes. */
@ExtendWith(QuietEngineLogs.class)
class FailureInjectionTests {

	@TempDir
	Path dir;

	private final LogTestSupport.Faults faults = new LogTestSupport.Faults();

	private LogTestSupport.Opened openFaulty() {
		return open(this.dir, options().withFsync(FsyncPolicy.ALWAYS).withOpener(this.faults.opener()));
	}

	@Test
	void shouldNotAcknowledgeAFailedWriteAndLeaveNoPartialLine() throws IOException {
		try (LogTestSupport.Opened store = openFaulty()) {
			store.put("a", json("1"));
			long before = LogTestSupport.logicalSize(logPath(this.dir));

			this.faults.partialBytes = 17;
			this.faults.failWrite.set(true);
			assertNotRecorded(store, "b", before);

			this.faults.failWrite.set(false);
			store.put("c", json("3"));
			assertThat(store.log().status().writable()).isTrue();
			assertThat(store.state().snapshot()).isEqualTo(Map.of("a", json("1"), "c", json("3")));
		}
		assertReopensWith(Map.of("a", json("1"), "c", json("3")));
	}

	@Test
	void shouldNotAcknowledgeAWriteWhoseForceFails() throws IOException {
		try (LogTestSupport.Opened store = openFaulty()) {
			store.put("a", json("1"));
			long before = LogTestSupport.logicalSize(logPath(this.dir));

			this.faults.failForce.set(true);
			assertNotRecorded(store, "b", before);
			assertNotRecorded(store, "b2", before);

			this.faults.failForce.set(false);
			store.put("c", json("3"));
			assertThat(store.log().status().writable()).isTrue();
		}
		assertReopensWith(Map.of("a", json("1"), "c", json("3")));
	}

	@Test
	void shouldRepairAPartialLineWhenEvenTheTruncateFailed() throws IOException {
		try (LogTestSupport.Opened store = openFaulty()) {
			store.put("a", json("1"));
			long before = LogTestSupport.logicalSize(logPath(this.dir));

			this.faults.partialBytes = 23;
			this.faults.failWrite.set(true);
			this.faults.failTruncate.set(true);
			AtomicBoolean durable = new AtomicBoolean();
			assertThatThrownBy(() -> store.log().append(new Mutation.Put<>("b", json("2")), () -> durable.set(true)))
				.isInstanceOf(StorageException.class)
				.hasMessageContaining("No space left on device");
			assertThat(durable).isFalse();
			// The cut failed too: the partial line is still there, and a crash now would leave it as a torn tail.
			assertThat(LogTestSupport.logicalSize(logPath(this.dir))).isEqualTo(before + 23);
			assertThat(store.log().status().writable()).isFalse();
			Path crashCopy = this.dir.resolve("crash-copy");
			LogTestSupport.writeLog(crashCopy, Files.readAllBytes(logPath(this.dir)));
			try (LogTestSupport.Opened recovered = open(crashCopy, options())) {
				assertThat(recovered.state().snapshot()).isEqualTo(Map.of("a", json("1")));
				assertThat(recovered.report().bytesTruncated()).isEqualTo(23);
			}

			// The disk comes back, the truncate still fails: nothing is appended after the garbage.
			this.faults.failWrite.set(false);
			assertNotRecorded(store, "b", before + 23);

			this.faults.failTruncate.set(false);
			store.put("c", json("3"));
			assertThat(store.log().status().writable()).isTrue();
			assertThat(LogTestSupport.lines(logPath(this.dir))).hasSize(2).allMatch((line) -> line.startsWith("{\"timestamp\""));
		}
		assertReopensWith(Map.of("a", json("1"), "c", json("3")));
	}

	@Test
	void shouldFailEveryAppenderOfAFailedBatchAndNoneOfTheNext() throws Exception {
		try (LogTestSupport.Opened store = openFaulty()) {
			this.faults.failWrite.set(true);
			int threads = 8;
			Thread[] writers = new Thread[threads];
			AtomicBoolean anyDurable = new AtomicBoolean();
			java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
			for (int i = 0; i < threads; i++) {
				String key = "k" + i;
				writers[i] = new Thread(() -> {
					try {
						store.log().append(new Mutation.Put<>(key, json("1")), () -> anyDurable.set(true));
					}
					catch (StorageException ex) {
						failures.incrementAndGet();
					}
				});
				writers[i].start();
			}
			for (Thread writer : writers) {
				writer.join(10_000);
				assertThat(writer.isAlive()).isFalse();
			}
			assertThat(failures).hasValue(threads);
			assertThat(anyDurable).isFalse();
			assertThat(LogTestSupport.logicalSize(logPath(this.dir))).isZero();
			this.faults.failWrite.set(false);
			store.put("ok", json("true"));
		}
		assertReopensWith(Map.of("ok", json("true")));
	}

	@Test
	void shouldNotReplayAFailedWriteAfterACloseWhenItsTruncateHadFailed() throws IOException {
		try (LogTestSupport.Opened store = openFaulty()) {
			store.put("a", json("1"));
			this.faults.failForce.set(true);
			this.faults.failTruncate.set(true);
			assertThatThrownBy(() -> store.put("b", json("2"))).isInstanceOf(StorageException.class);
			// The whole line reached the file and could not be cut; the disk recovers before the close.
			this.faults.failForce.set(false);
			this.faults.failTruncate.set(false);
		}
		assertReopensWith(Map.of("a", json("1")));
	}

	@Test
	void shouldKeepWritesDurableWhenCompactionCannotOpenTheNewLog() throws IOException {
		AtomicBoolean failOpen = new AtomicBoolean();
		LogFile.Opener opener = (path) -> {
			if (failOpen.get()) {
				throw new IOException("Too many open files");
			}
			return new LogFile.ChannelLogFile(path);
		};
		try (LogTestSupport.Opened store = open(this.dir,
				options().withFsync(FsyncPolicy.ALWAYS).withOpener(opener))) {
			store.put("a", json("1"));
			failOpen.set(true);
			assertThatThrownBy(() -> store.log().compact()).isInstanceOf(StorageException.class)
				.hasMessageContaining("the log is unchanged");
			failOpen.set(false);
			store.put("b", json("2"));
			store.log().compact();
			store.put("c", json("3"));
		}
		assertReopensWith(Map.of("a", json("1"), "b", json("2"), "c", json("3")));
	}

	@Test
	// A regression here hangs the appenders (and the close after them): fail instead.
	@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void shouldAcknowledgeEveryWriteWhenAMetricsListenerThrows() throws Exception {
		LogListener failing = new LogListener() {

			@Override
			public void batchWritten(String store, int records, int bytes, long writeNanos, long forceNanos) {
				throw new IllegalStateException("metrics registry is broken");
			}

			@Override
			public void appended(String store, long nanos) {
				throw new IllegalStateException("metrics registry is broken");
			}

		};
		Map<String, JsonNode> expected = new java.util.TreeMap<>();
		try (LogTestSupport.Opened store = open(this.dir,
				options().withFsync(FsyncPolicy.ALWAYS).withListener(failing))) {
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
			try {
				List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
				for (int i = 0; i < 200; i++) {
					String key = "k" + i;
					expected.put(key, json(Integer.toString(i)));
					writes.add(pool.submit(() -> store.put(key, expected.get(key))));
				}
				for (java.util.concurrent.Future<?> write : writes) {
					write.get(30, java.util.concurrent.TimeUnit.SECONDS);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(store.state().snapshot()).isEqualTo(expected);
		}
		assertReopensWith(expected);
	}

	private void assertNotRecorded(LogTestSupport.Opened store, String key, long expectedSize) throws IOException {
		AtomicBoolean durable = new AtomicBoolean();
		assertThatThrownBy(() -> store.log().append(new Mutation.Put<>(key, json("2")), () -> durable.set(true)))
			.isInstanceOf(StorageException.class)
			.hasMessageContaining(logPath(this.dir).toString())
			.hasMessageContaining("not recorded");
		assertThat(durable).as("onDurable of a failed append").isFalse();
		assertThat(LogTestSupport.logicalSize(logPath(this.dir))).isEqualTo(expectedSize);
		LogStatus status = store.log().status();
		assertThat(status.writable()).isFalse();
		assertThat(status.lastWriteError()).contains("IOException");
		assertThat(status.lastWriteErrorAt()).isNotNull();
		assertThat(store.state().map).doesNotContainKey(key);
	}

	private void assertReopensWith(Map<String, JsonNode> expected) {
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).isEqualTo(expected);
			assertThat(store.report().clean()).isTrue();
		}
	}

}
