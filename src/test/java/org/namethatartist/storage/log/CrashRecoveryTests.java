package org.namethatartist.storage.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.StorageException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SIGKILLs a child JVM ({@link CrashWriterMain}) that appends and compacts, again and again on the same
 * data directory, and checks after each kill that every acknowledged write survived, that nothing
 * beyond what was issued appeared, that a two-key record is never half there, and that recovery never
 * fails (in strict mode, so not even a bad line is tolerated).
 */
class CrashRecoveryTests {

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void shouldKeepEveryAcknowledgedWriteAcrossRepeatedKillsOfAWritingProcess() throws Exception {
		int cycles = Integer.getInteger("crash.cycles", 20);
		long seed = Long.getLong("crash.seed", System.nanoTime());
		Random random = new Random(seed);
		Path data = this.dir.resolve("data");
		Map<String, Long> lastAck = new ConcurrentHashMap<>();
		Map<String, Long> lastTry = new ConcurrentHashMap<>();
		long acknowledged = 0;
		long lost = 0;
		long failedRecoveries = 0;
		long killsInCompaction = 0;
		long killsWithFreeSpace = 0;
		long compactions = 0;
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

		int reported = 0;
		for (int cycle = 1; cycle <= cycles; cycle++) {
			Path stderr = this.dir.resolve("child-" + cycle + ".err");
			Process child = new ProcessBuilder(javaCommand(), "-Xmx128m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					CrashWriterMain.class.getName(), data.toString())
				.redirectError(stderr.toFile())
				.start();
			CountDownLatch firstAck = new CountDownLatch(1);
			AtomicLong acks = new AtomicLong();
			AtomicLong compactionsStarted = new AtomicLong();
			AtomicBoolean inCompaction = new AtomicBoolean();
			java.util.Deque<String> tail = new java.util.concurrent.ConcurrentLinkedDeque<>();
			int thisCycle = cycle;
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						tail.addLast(line);
						if (tail.size() > 12) {
							tail.removeFirst();
						}
						if (!line.matches("(START|TRY|ACK) \\w+ \\d+|COMPACT (START|END)")) {
							failures.add("cycle " + thisCycle + ": unexpected output from the child: " + line);
							continue;
						}
						String[] parts = line.split(" ");
						if (parts[0].equals("START")) {
							long start = Long.parseLong(parts[2]);
							Long issued = lastTry.get(parts[1]);
							if (start > ((issued == null) ? 0 : issued) + 1) {
								failures.add("child started " + parts[1] + " at " + start + " but the last value issued was " + issued);
							}
						}
						else if (parts[0].equals("TRY")) {
							lastTry.merge(parts[1], Long.parseLong(parts[2]), Math::max);
						}
						else if (parts[0].equals("ACK")) {
							lastAck.merge(parts[1], Long.parseLong(parts[2]), Math::max);
							acks.incrementAndGet();
							firstAck.countDown();
						}
						else if (line.equals("COMPACT START")) {
							inCompaction.set(true);
							compactionsStarted.incrementAndGet();
						}
						else if (line.equals("COMPACT END")) {
							inCompaction.set(false);
						}
					}
				}
				catch (IOException ex) {
					// the pipe breaks when the child dies
				}
				catch (RuntimeException ex) {
					failures.add("cannot read the child's output: " + ex);
				}
			}, "child-reader-" + cycle);
			reader.start();
			try {
				assertThat(firstAck.await(60, TimeUnit.SECONDS))
					.as("child acknowledged a write; its stderr: %s", Files.readString(stderr))
					.isTrue();
				if (cycle == 1) {
					// The child holds the data directory: this process may not open it meanwhile.
					assertThatThrownBy(() -> DataDirLock.acquire(data)).isInstanceOf(StorageException.class)
						.hasMessageContaining(data.toAbsolutePath().normalize().toString());
				}
				// The delay the brief asks for: kills land anywhere, in appends and in compactions.
				Thread.sleep(20 + random.nextInt(381));
			}
			finally {
				// SIGKILL. Through the ProcessHandle: Process.destroyForcibly() also closes our end of the
				// child's stdout, discarding the TRY/ACK lines still in the pipe, which this test must read.
				child.toHandle().destroyForcibly();
				assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			reader.join(10_000);
			assertThat(reader.isAlive()).isFalse();
			acknowledged += acks.get();
			compactions += compactionsStarted.get();
			if (inCompaction.get()) {
				killsInCompaction++;
			}

			// The log as the kill left it: preallocated, zeros after its records (recovery must not mind).
			Path crashedLog = data.resolve("logs").resolve(CrashWriterMain.STORE + ".log");
			byte[] image = Files.exists(crashedLog) ? Files.readAllBytes(crashedLog) : new byte[0];
			if (image.length > 0 && image[image.length - 1] == 0) {
				killsWithFreeSpace++;
			}

			// The OS released the child's lock when it died; recover like a restarted bot.
			try (DataDirLock lock = DataDirLock.acquire(data)) {
				LogTestSupport.MapState state = new LogTestSupport.MapState();
				try (AppendLog<JsonNode> store = AppendLog.open(CrashWriterMain.STORE, data, LogTestSupport.MAPPER,
						LogTestSupport.JSON, state, LogOptions.defaults().withRecovery(RecoveryMode.STRICT))) {
					assertThat(store.lastRecovery().recordsSkipped()).isZero();
					for (Map.Entry<String, Long> ack : lastAck.entrySet()) {
						JsonNode stored = state.map.get(ack.getKey());
						long value = (stored == null) ? 0 : stored.asLong();
						if (value < ack.getValue()) {
							lost++;
							failures.add("cycle " + cycle + ": " + ack.getKey() + " acknowledged " + ack.getValue()
									+ " but recovered " + value);
						}
					}
					for (Map.Entry<String, JsonNode> entry : state.map.entrySet()) {
						if (entry.getKey().equals("c")) {
							continue;
						}
						Long issued = lastTry.get(entry.getKey());
						if (issued == null || entry.getValue().asLong() > issued) {
							failures.add("cycle " + cycle + ": " + entry.getKey() + " = " + entry.getValue()
									+ " but the last value issued was " + issued);
						}
					}
					JsonNode c = state.map.get("c");
					JsonNode cn = state.map.get("cn");
					if ((c == null) != (cn == null) || (c != null && (c.get("n").asLong() != cn.asLong()
							|| c.get("check").asLong() != CrashWriterMain.checksum(cn.asLong())))) {
						failures.add("cycle " + cycle + ": the two halves of one record differ: c=" + c + " cn=" + cn);
					}
				}
			}
			catch (RuntimeException ex) {
				failedRecoveries++;
				failures.add("cycle " + cycle + ": recovery failed: " + ex);
			}
			if (failures.size() > reported) {
				failures.add("cycle " + cycle + ": the child's last lines: " + tail);
				reported = failures.size();
			}
		}
		System.out.printf(
				"CrashRecoveryTests: %d cycles, %d acknowledged writes, %d lost, %d failed recoveries "
						+ "(%d compactions started, %d kills during a compaction, %d logs left with preallocated "
						+ "zeros, seed %d)%n",
				cycles, acknowledged, lost, failedRecoveries, compactions, killsInCompaction, killsWithFreeSpace,
				seed);
		assertThat(failures).as("seed %d", seed).isEmpty();
		assertThat(acknowledged).isPositive();
		assertThat(killsWithFreeSpace).as("kills that left a preallocated log").isPositive();
	}

	private static String javaCommand() {
		return ProcessHandle.current().info().command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

}
