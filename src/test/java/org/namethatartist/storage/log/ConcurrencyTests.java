package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/** Many appenders at once: group commit batches them, and every acknowledged record survives. */
class ConcurrencyTests {

	private static final int THREADS = 64;

	private static final int APPENDS = 500;

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void shouldKeepEveryAcknowledgedRecordOfSixtyFourThreadsAndBatchTheirForces() throws Exception {
		AtomicInteger batches = new AtomicInteger();
		AtomicLong batchedRecords = new AtomicLong();
		AtomicInteger largestBatch = new AtomicInteger();
		LogListener counter = new LogListener() {
			@Override
			public void batchWritten(String store, int records, int bytes, long writeNanos, long forceNanos) {
				batches.incrementAndGet();
				batchedRecords.addAndGet(records);
				largestBatch.accumulateAndGet(records, Math::max);
			}
		};
		LogOptions opts = options().withFsync(FsyncPolicy.ALWAYS).withListener(counter);
		long started = System.nanoTime();
		try (LogTestSupport.Opened store = open(this.dir, opts)) {
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			try {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<?>> writers = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					int thread = t;
					writers.add(pool.submit(() -> {
						go.await();
						for (int i = 0; i < APPENDS; i++) {
							store.put("t" + thread + "-" + i, JsonNodeFactory.instance.numberNode(thread * 1000 + i));
						}
						return null;
					}));
				}
				go.countDown();
				for (Future<?> writer : writers) {
					// A generous bound: a stranded appender (lost wake-up) fails here instead of hanging the build.
					writer.get(90, TimeUnit.SECONDS);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(store.log().status().records()).isEqualTo(THREADS * APPENDS);
		}
		System.out.printf("ConcurrencyTests: %d appends in %d batches (largest %d) in %d ms%n", THREADS * APPENDS,
				batches.get(), largestBatch.get(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		assertThat(batchedRecords).hasValue(THREADS * APPENDS);
		assertThat(batches.get()).as("group commit: fewer forces than appends").isLessThan(THREADS * APPENDS);
		assertThat(largestBatch.get()).isGreaterThan(1);

		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			Map<String, JsonNode> state = store.state().snapshot();
			assertThat(state).hasSize(THREADS * APPENDS);
			for (int t = 0; t < THREADS; t++) {
				for (int i = 0; i < APPENDS; i++) {
					assertThat(state.get("t" + t + "-" + i)).isEqualTo(JsonNodeFactory.instance.numberNode(t * 1000 + i));
				}
			}
			assertThat(store.report().recordsReplayed()).isEqualTo(THREADS * APPENDS);
		}
	}

	@Test
	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void shouldNotStrandAnAppendThatArrivesWhileTheTimerForcesTheLog() throws Exception {
		CountDownLatch forceEntered = new CountDownLatch(1);
		CountDownLatch releaseForce = new CountDownLatch(1);
		AtomicBoolean blockForce = new AtomicBoolean();
		LogFile.Opener opener = (path) -> new LogFile.Forwarding(new LogFile.ChannelLogFile(path)) {

			@Override
			public void force() throws IOException {
				if (blockForce.get()) {
					forceEntered.countDown();
					try {
						releaseForce.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				super.force();
			}

		};
		try (LogTestSupport.Opened store = open(this.dir,
				options().withFsync(FsyncPolicy.EVERY_SECOND).withOpener(opener))) {
			blockForce.set(true);
			store.put("a", json("1"));
			// The once-a-second timer now forces "a" and holds the file while it does.
			assertThat(forceEntered.await(10, TimeUnit.SECONDS)).isTrue();
			Thread appender = new Thread(() -> store.put("b", json("2")));
			appender.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (appender.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			blockForce.set(false);
			releaseForce.countDown();
			appender.join(5_000);
			assertThat(appender.isAlive()).as("an append queued while the timer forced must still be written").isFalse();
			assertThat(store.state().map).containsKey("b");
		}
	}

}
