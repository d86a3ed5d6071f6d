package org.namethatartist.daily;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily challenge through SIGKILLs: a child process plays it answer after answer on the append log,
 * and is killed at a random moment, again and again. After each kill, every answer the child acknowledged
 * is there as it was given, and the player cannot answer that round again (no round seen twice, no day
 * played twice).
 */
class DailyKillTests {

	private static final long SEED = 20261205L;

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void everyAcknowledgedAnswerSurvivesAKillAndCannotBeGivenTwice() throws Exception {
		System.out.println("DailyKillTests seed " + SEED);
		Random random = new Random(SEED);
		Path data = this.dir.resolve("data");
		int cycles = 5;
		long checked = 0;
		for (int cycle = 1; cycle <= cycles; cycle++) {
			Path stderr = this.dir.resolve("child-" + cycle + ".err");
			Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
					"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					DailyKillWriterMain.class.getName(), data.toString(), String.valueOf(cycle * 100_000))
				.redirectError(stderr.toFile())
				.start();
			List<String[]> acks = new CopyOnWriteArrayList<>();
			List<String> unexpected = new CopyOnWriteArrayList<>();
			CountDownLatch firstAck = new CountDownLatch(1);
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						if (line.matches("ACK web:p\\d+ [1-5] [1-4]")) {
							acks.add(line.split(" "));
							firstAck.countDown();
						}
						else {
							unexpected.add(line);
						}
					}
				}
				catch (IOException ex) {
					// the pipe breaks when the child dies
				}
			});
			reader.start();
			try {
				assertThat(firstAck.await(60, TimeUnit.SECONDS)).as("the child answered; its stderr: %s",
						Files.exists(stderr) ? Files.readString(stderr) : "").isTrue();
				Thread.sleep(50 + random.nextInt(400));
			}
			finally {
				// SIGKILL, through the handle so that the lines still in the pipe are read.
				child.toHandle().destroyForcibly();
				assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			reader.join(10_000);
			assertThat(unexpected).isEmpty();
			assertThat(acks).isNotEmpty();

			try (AppendLogStores stores = AppendLogStores.open(data, LogOptions.defaults())) {
				DailyService daily = DailyKillWriterMain.service(stores, 7);
				for (String[] ack : acks) {
					String userId = ack[1];
					int round = Integer.parseInt(ack[2]);
					int choice = Integer.parseInt(ack[3]);
					DailyProgress progress = stores.daily().progress(DailyKillWriterMain.DAY, userId).orElseThrow();
					assertThat(progress.rounds()).as("%s's rounds", userId).hasSizeGreaterThanOrEqualTo(round);
					RoundPlay played = progress.rounds().get(round - 1);
					assertThat(played.choice()).as("%s round %d", userId, round).isEqualTo(choice);
					assertThat(daily.answer(DailyKillWriterMain.DAY, userId, round, 1 + (choice % 4)))
						.isEqualTo(new AnswerOutcome.AlreadyAnswered(round));
					checked++;
				}
			}
		}
		System.out.println("DailyKillTests: " + cycles + " kills, " + checked + " acknowledged answers checked");
		assertThat(checked).isGreaterThanOrEqualTo(cycles);
	}

}
