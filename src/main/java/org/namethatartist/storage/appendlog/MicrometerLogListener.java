package org.namethatartist.storage.appendlog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.namethatartist.storage.log.CompactionReport;
import org.namethatartist.storage.log.LogListener;
import org.namethatartist.storage.log.RecoveryReport;

/**
 * Publishes the engine's events as Micrometer meters named {@code nta.storage.*}, tagged {@code store}.
 * It runs on the writing thread, so every meter is looked up once per store and then only recorded.
 */
class MicrometerLogListener implements LogListener {

	static final String PREFIX = "nta.storage.";

	private final MeterRegistry registry;

	private final Map<String, StoreMeters> stores = new ConcurrentHashMap<>();

	MicrometerLogListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void batchWritten(String store, int records, int bytes, long writeNanos, long forceNanos) {
		StoreMeters meters = meters(store);
		meters.write.record(writeNanos, TimeUnit.NANOSECONDS);
		// With fsync never (or a batch whose force an every-second timer makes later) there is no force to time.
		if (forceNanos > 0) {
			meters.force.record(forceNanos, TimeUnit.NANOSECONDS);
		}
		meters.batchRecords.record(records);
		meters.bytesWritten.increment(bytes);
	}

	@Override
	public void appended(String store, long nanos) {
		meters(store).append.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void writeFailed(String store, Exception error) {
		meters(store).writeFailures.increment();
	}

	@Override
	public void recovered(RecoveryReport report) {
		StoreMeters meters = meters(report.store());
		meters.recordsReplayed.set(report.recordsReplayed());
		meters.recordsSkipped.set(report.recordsSkipped());
		meters.bytesTruncated.set(report.bytesTruncated());
	}

	@Override
	public void compacted(CompactionReport report) {
		meters(report.store()).compactions.increment();
	}

	private StoreMeters meters(String store) {
		return this.stores.computeIfAbsent(store, (name) -> new StoreMeters(this.registry, name));
	}

	/** One store's meters; the gauges read the atomics held here (Micrometer keeps gauges weakly). */
	private static final class StoreMeters {

		final Timer append;

		final Timer write;

		final Timer force;

		final DistributionSummary batchRecords;

		final Counter bytesWritten;

		final Counter writeFailures;

		final Counter compactions;

		final AtomicLong recordsReplayed = new AtomicLong();

		final AtomicLong recordsSkipped = new AtomicLong();

		final AtomicLong bytesTruncated = new AtomicLong();

		StoreMeters(MeterRegistry registry, String store) {
			this.append = timer(registry, "append", "From a call to append to its acknowledgement under the fsync policy",
					store);
			this.write = timer(registry, "write", "Writing one group-commit batch to the log file", store);
			this.force = timer(registry, "force", "Forcing one group-commit batch to the disk", store);
			this.batchRecords = DistributionSummary.builder(PREFIX + "batch.records")
				.description("Records per group-commit batch")
				.tag("store", store)
				.register(registry);
			this.bytesWritten = Counter.builder(PREFIX + "bytes.written")
				.baseUnit("bytes")
				.tag("store", store)
				.register(registry);
			this.writeFailures = Counter.builder(PREFIX + "write.failures")
				.description("Writes or forces that failed and were not acknowledged")
				.tag("store", store)
				.register(registry);
			this.compactions = Counter.builder(PREFIX + "compactions").tag("store", store).register(registry);
			gauge(registry, "recovery.records.replayed", store, this.recordsReplayed);
			gauge(registry, "recovery.records.skipped", store, this.recordsSkipped);
			gauge(registry, "recovery.bytes.truncated", store, this.bytesTruncated);
		}

		private static Timer timer(MeterRegistry registry, String name, String description, String store) {
			return Timer.builder(PREFIX + name).description(description).tag("store", store).register(registry);
		}

		private static void gauge(MeterRegistry registry, String name, String store, AtomicLong value) {
			Gauge.builder(PREFIX + name, value, AtomicLong::get)
				.description("From the last start-up recovery")
				.tag("store", store)
				.register(registry);
		}

	}

}
