package org.namethatartist.storage.appendlog;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.namethatartist.storage.StorageOperations;
import org.namethatartist.storage.StorageProperties;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.LogOptions;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The append-log backend ({@code storage.backend: append-log}, the default): opens the stores of
 * {@code storage.data-dir} under its lock at start-up and closes them when the context closes, which
 * forces the logs, writes pending JSON files and releases the lock.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AppendLogBackendCondition.class)
class AppendLogStorageConfiguration {

	@Bean
	MicrometerLogListener appendLogMetrics(MeterRegistry registry) {
		return new MicrometerLogListener(registry);
	}

	@Bean(destroyMethod = "close")
	AppendLogStores appendLogStores(StorageProperties properties, MicrometerLogListener metrics) {
		LogOptions options = LogOptions.defaults()
			.withFsync(properties.fsync())
			.withRecovery(properties.recovery().mode())
			.withSnapshotMaxDelay(properties.snapshot().maxDelay())
			.withBackups(properties.compaction().backups())
			.withCompactionWriteRate(properties.compaction().maxWriteRate().toBytes())
			.withListener(metrics);
		return AppendLogStores.open(properties.dataDir(), options);
	}

	/** What {@code /actuator/storage} reads and does on this backend. */
	@Bean
	StorageOperations appendLogOperations(AppendLogStores stores) {
		return new AppendLogOperations(stores);
	}

	@Bean
	AppendLogCompactor appendLogCompactor(AppendLogStores stores, StorageProperties properties) {
		return new AppendLogCompactor(stores, properties.compaction().threshold());
	}

	/** Shown as {@code storage} in the health endpoint, one child per store, in the stores' order. */
	@Bean
	CompositeHealthContributor storageHealthContributor(AppendLogStores stores) {
		Map<String, HealthContributor> perStore = new LinkedHashMap<>();
		for (AppendLog<?> appendLog : stores.logs()) {
			perStore.put(appendLog.store(), new AppendLogHealthIndicator(appendLog));
		}
		return CompositeHealthContributor.fromMap(perStore);
	}

}
