package org.namethatartist.storage.appendlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.StorageException;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.LogFile;
import org.namethatartist.storage.log.LogOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A store's health follows its disk: DOWN with the error while writes fail, UP again once one succeeds. */
class AppendLogHealthIndicatorTests {

	@TempDir
	Path dataDir;

	private final AtomicBoolean diskFull = new AtomicBoolean();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void isUpWithTheStoresDetails() {
		try (AppendLogStores stores = open()) {
			stores.players().recordResult(AppendLogCompactorTests.result("1"));
			Health health = new AppendLogHealthIndicator(players(stores)).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKeys("path", "logBytes", "records", "backups", "lastRecovery")
				.doesNotContainKeys("lastCompaction", "lastWriteError")
				.containsEntry("records", 1L);
		}
	}

	@Test
	void isDownWithTheErrorWhileWritesFailAndUpOnceOneSucceeds() {
		try (AppendLogStores stores = open()) {
			AppendLogHealthIndicator indicator = new AppendLogHealthIndicator(players(stores));
			this.diskFull.set(true);
			assertThatExceptionOfType(StorageException.class)
				.isThrownBy(() -> stores.players().recordResult(AppendLogCompactorTests.result("1")));
			Health down = indicator.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(String.valueOf(down.getDetails().get("lastWriteError"))).contains("No space left on device");
			assertThat(this.registry.get("nta.storage.write.failures").tag("store", "players").counter().count())
				.isGreaterThanOrEqualTo(1);

			this.diskFull.set(false);
			stores.players().recordResult(AppendLogCompactorTests.result("2"));
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
	}

	private AppendLogStores open() {
		return AppendLogStores.open(this.dataDir, LogOptions.defaults()
			.withListener(new MicrometerLogListener(this.registry))
			.withOpener((path) -> new FillingDisk(new LogFile.ChannelLogFile(path))));
	}

	private static AppendLog<?> players(AppendLogStores stores) {
		return stores.logs().stream().filter((log) -> log.store().equals("players")).findFirst().orElseThrow();
	}

	/** A log file on a disk that is full while {@link #diskFull} is set. */
	private final class FillingDisk extends LogFile.Forwarding {

		FillingDisk(LogFile file) {
			super(file);
		}

		@Override
		public void write(ByteBuffer bytes, long position) throws IOException {
			if (AppendLogHealthIndicatorTests.this.diskFull.get()) {
				throw new IOException("No space left on device");
			}
			super.write(bytes, position);
		}

	}

}
