package org.namethatartist.storage.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

/**
 * Writers interrupted at random while they append, group-commit leaders among them: a {@code FileChannel}
 * is closed for everyone when a thread doing I/O on it is interrupted, so the engine must keep the log
 * open through it. Every append succeeds, every writer still sees its interrupt, and every record is on
 * disk after a strict reopen. Interrupts come from a thread with a fixed, printed seed.
 */
class InterruptTests {

	private static final int WRITERS = 16;

	private static final int APPENDS = 300;

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void writersInterruptedAtRandomLoseNothingAndBreakNothing() throws Exception {
		long seed = 18;
		System.out.println("InterruptTests seed " + seed);
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger interruptsSeen = new AtomicInteger();
		List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
		try (LogTestSupport.Opened store = open(this.dir, options().withFsync(FsyncPolicy.ALWAYS))) {
			CountDownLatch go = new CountDownLatch(1);
			List<Thread> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				Thread thread = new Thread(() -> {
					try {
						go.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					for (int i = 0; i < APPENDS; i++) {
						try {
							store.put("w" + writer + "-" + i, JsonNodeFactory.instance.numberNode(writer * 1000 + i));
						}
						catch (RuntimeException ex) {
							failures.incrementAndGet();
							errors.add(ex);
						}
						if (Thread.interrupted()) {
							interruptsSeen.incrementAndGet();
						}
					}
				}, "writer-" + w);
				writers.add(thread);
				thread.start();
			}
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicInteger sent = new AtomicInteger();
			Thread chaos = new Thread(() -> {
				Random random = new Random(seed);
				while (writing.get()) {
					writers.get(random.nextInt(WRITERS)).interrupt();
					sent.incrementAndGet();
					try {
						Thread.sleep(0, 200_000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "interrupter");
			go.countDown();
			chaos.start();
			for (Thread writer : writers) {
				writer.join();
			}
			writing.set(false);
			chaos.join();
			System.out.printf("InterruptTests: %d interrupts sent, %d seen by writers, %d failed appends%n", sent.get(),
					interruptsSeen.get(), failures.get());
			assertThat(errors).as("no append failed").isEmpty();
			assertThat(interruptsSeen.get()).as("the writers were interrupted, and still hear of it").isPositive();
			assertThat(store.log().status().records()).isEqualTo(WRITERS * APPENDS);
			// The log is still open and writable for everyone.
			store.put("after", JsonNodeFactory.instance.textNode("still writable"));
		}
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			Map<String, JsonNode> state = store.state().snapshot();
			assertThat(state).hasSize(WRITERS * APPENDS + 1);
			for (int w = 0; w < WRITERS; w++) {
				for (int i = 0; i < APPENDS; i++) {
					assertThat(state.get("w" + w + "-" + i)).isEqualTo(JsonNodeFactory.instance.numberNode(w * 1000 + i));
				}
			}
		}
	}

}
