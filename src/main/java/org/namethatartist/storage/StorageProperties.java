package org.namethatartist.storage;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.namethatartist.storage.log.FsyncPolicy;
import org.namethatartist.storage.log.RecoveryMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code storage.*} settings; every key has its default here, so the application runs without any
 * {@code application.yml}. A bad value stops start-up with one line naming the key.
 *
 * @param backend where the data lives: the embedded append log, or PostgreSQL (on {@code spring.datasource.*})
 * @param dataDir the append log's data directory, locked while the application runs
 * @param fsync when appended records are forced to the disk
 * @param recovery what start-up does with a bad record in the middle of a log
 * @param snapshot how often the JSON files are rewritten
 * @param compaction when logs are rewritten as one checkpoint
 */
@Validated
@ConfigurationProperties("storage")
public record StorageProperties(@DefaultValue("append-log") @NotNull Backend backend,
		@DefaultValue("./data") @NotNull Path dataDir, @DefaultValue("always") @NotNull FsyncPolicy fsync,
		@DefaultValue @Valid Recovery recovery, @DefaultValue @Valid Snapshot snapshot,
		@DefaultValue @Valid Compaction compaction) {

	/** The storage backends; the enum constant {@code APPEND_LOG} is written {@code append-log}. */
	public enum Backend {

		/** The embedded append log ({@code storage.appendlog}): one process, one data directory. */
		APPEND_LOG,

		/** PostgreSQL ({@code storage.postgres}), for several bot processes sharing one database. */
		POSTGRES

	}

	/** @param mode {@code skip}, {@code stop} or {@code strict} (see DESIGN.md, "Durability and recovery") */
	public record Recovery(@DefaultValue("skip") @NotNull RecoveryMode mode) {
	}

	/** @param maxDelay how long a change may wait before its store's JSON file is rewritten */
	public record Snapshot(@DefaultValue("1s") @NotNull @DurationMin(millis = 0,
			message = "allowed: a duration of 0 or more, such as 500ms, 1s") Duration maxDelay) {
	}

	/**
	 * @param interval the pause between two scheduled compaction passes
	 * @param threshold a pass compacts only the logs larger than this
	 * @param backups how many {@code .backup.<epochMillis>} files of each log to keep
	 * @param maxWriteRate the most a compaction writes in a second (its backup, CHECKPOINT and copy, forced a
	 * megabyte at a time), so that writers share the disk with a trickle rather than a burst; 0B: unpaced
	 */
	public record Compaction(
			@DefaultValue("1h") @NotNull @DurationMin(millis = 1,
					message = "allowed: a positive duration, such as 10m, 1h") Duration interval,
			@DefaultValue("1MB") @NotNull DataSize threshold,
			@DefaultValue("3") @Min(value = 0, message = "allowed: a whole number, 0 or more") int backups,
			@DefaultValue(DEFAULT_MAX_WRITE_RATE) @NotNull DataSize maxWriteRate) {

		/** Chosen from the benchmark's measurement: see docs/store.md. */
		public static final String DEFAULT_MAX_WRITE_RATE = "64MB";

		public Compaction {
			if (maxWriteRate != null && maxWriteRate.toBytes() < 0) {
				throw new org.namethatartist.InvalidConfigurationException("storage.compaction.max-write-rate",
						maxWriteRate, "allowed: a size a second, such as 32MB, or 0B for unpaced");
			}
		}

	}

}
