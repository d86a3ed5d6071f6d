package org.namethatartist.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

import org.namethatartist.NameThatArtistApplication;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;
import org.namethatartist.storage.log.RecoveryMode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of {@link StartupBench}: a fresh JVM, as a restarted bot is, that opens a data
 * directory, prints what it measured as {@code key=value} lines and halts. Halting (no close) keeps
 * the JSON files from being rewritten after each measurement: the lock goes with the process.
 *
 * <ul>
 * <li>{@code replay <dir>}: {@link AppendLogStores#open} (recovery in {@code strict} mode, so a bad
 * line fails the run), then the heap the stores retain: used heap after full GCs, minus the same
 * before opening, divided by the players loaded.</li>
 * <li>{@code spring <dir>}: the whole application, web server and Actuator on free ports, from
 * {@code SpringApplicationBuilder.run} until it returns (the context refreshed and ready); prints
 * {@code spring_failed=1} and the reason when the context cannot start.</li>
 * <li>{@code stores <dir>}: {@link AppendLogStores#open} with the production defaults, what the
 * application's start-up spends on the stores.</li>
 * </ul>
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	public static void main(String[] args) throws Exception {
		Bench.quietLogs();
		String mode = args[0];
		Path dir = Path.of(args[1]);
		if (mode.equals("replay")) {
			replay(dir);
		}
		else if (mode.equals("spring")) {
			spring(dir);
		}
		else if (mode.equals("stores")) {
			stores(dir);
		}
		else {
			throw new IllegalArgumentException("mode must be replay, spring or stores, not " + mode);
		}
		System.out.flush();
		stopRecordings();
		Runtime.getRuntime().halt(0);
	}

	/**
	 * Halting skips the shutdown hook that would write a flight recording started on the command line
	 * ({@code -Dbench.replay.jvm-args}): stopping it first writes it to its file.
	 */
	private static void stopRecordings() {
		if (!FlightRecorder.isInitialized()) {
			return;
		}
		for (Recording recording : FlightRecorder.getFlightRecorder().getRecordings()) {
			if (recording.getDestination() != null) {
				recording.stop();
			}
		}
	}

	private static void replay(Path dir) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = usedAfterGc(memory);
		long cpuBefore = processCpuNanos();
		long gcBefore = gcMillis();
		long start = System.nanoTime();
		AppendLogStores stores = AppendLogStores.open(dir, LogOptions.defaults()
			.withRecovery(RecoveryMode.STRICT)
			.withSnapshotMaxDelay(Duration.ofHours(1)));
		long millis = (System.nanoTime() - start) / 1_000_000;
		// CPU and collections of the whole process while it replayed: figures a busy machine moves less than the wall time.
		System.out.println("replay_cpu_ms=" + (processCpuNanos() - cpuBefore) / 1_000_000);
		System.out.println("replay_gc_ms=" + (gcMillis() - gcBefore));
		long players = stores.players().count();
		long records = stores.logs().get(0).lastRecovery().recordsReplayed();
		long after = usedAfterGc(memory);
		System.out.println("replay_ms=" + millis);
		System.out.println("records=" + records);
		System.out.println("players=" + players);
		System.out.println("heap_bytes=" + (after - before));
		// Keeps the stores reachable until after the measurement.
		System.out.println("open=" + (stores.players() != null));
	}

	/** The CPU time of this process, all threads (-1 where the JVM does not tell). */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	/** The collectors' accumulated time (pauses, and for concurrent collectors their cycles). */
	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, gc.getCollectionTime());
		}
		return total;
	}

	private static long usedAfterGc(MemoryMXBean memory) {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	/** The stores alone, as the application opens them (production defaults), for when the context cannot start. */
	private static void stores(Path dir) {
		long start = System.nanoTime();
		AppendLogStores stores = AppendLogStores.open(dir, LogOptions.defaults());
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("startup_ms=" + millis);
		System.out.println("players=" + stores.players().count());
	}

	private static void spring(Path dir) {
		long start = System.nanoTime();
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(NameThatArtistApplication.class).run("--storage.data-dir=" + dir,
					"--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN");
		}
		catch (RuntimeException ex) {
			Throwable root = ex;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			System.out.println("spring_failed=1");
			System.out.println("reason: " + root);
			return;
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		long players = context.getBean(PlayerRepository.class).count();
		System.out.println("startup_ms=" + millis);
		System.out.println("players=" + players);
		System.out.println("jvm_uptime_ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
	}

}
