package org.namethatartist.storage.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Start-up recovery of one store: replays its log into the state, repairing what a crash or a bad disk
 * left, or imports the JSON file of a data directory from before logs existed.
 *
 * <p>Rules: bytes after the last {@code \n} are a torn write (never acknowledged) and are cut. A bad
 * line (CRC mismatch, bad JSON, unknown op or member) follows the {@link RecoveryMode}; bad lines with
 * no good line after them are a torn tail and are cut in {@code skip} and {@code stop} (after being
 * copied to {@code .corrupt}); {@code strict} refuses any bad complete line.
 *
 * <p><b>Preallocated space.</b> The active log is longer than its records, followed by zeros (see
 * {@link LogWriter}). A record never holds a zero byte (JSON escapes it) and ends in {@code \n}, so:
 * <ul>
 * <li>Zeros after the last byte that is not zero are free space, not damage: they are not reported, not
 * copied to {@code .corrupt} and not counted as truncated bytes; the file is cut before them.</li>
 * <li>A torn record followed by zeros is a torn tail, as without them: the bytes after the last {@code \n}
 * up to the zeros are cut and reported.</li>
 * <li>Zeros with bytes that are not zero after them are damage. With fsync always this cannot come from a
 * crash: a batch is forced before the next is written, so a later record cannot reach the disk without the
 * earlier ones. It can come from a lost write under fsync every-second or never, where the disk wrote back
 * pages out of order, or from a bad disk. The run of zeros and whatever follows it up to the next
 * {@code \n} are one bad line, handled by the recovery mode like any other: in {@code skip} set aside in
 * {@code .corrupt} (so a record there is kept, not replayed) and the lines after it replayed; in
 * {@code stop} it and all after it set aside; {@code strict} refuses to start. Such a line with no good
 * line after it is a torn tail. Replaying a record found after a hole would apply it without the records
 * the hole lost, a state that never existed; keeping it in {@code .corrupt} loses nothing.</li>
 * </ul>
 *
 * <p>The bytes are read into lines and decoded by {@link LogScanner} (each line a {@link ScannedLine});
 * this class is the policy over them, the repairs of the file, and the import of a JSON file.
 */
final class LogRecovery<V> {

	private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

	private static final int MAX_PROBLEMS = 20;

	private final StoreFiles files;

	private final RecordCodec<V> codec;

	private final StoreState<V> state;

	private final LogOptions options;

	private final List<String> problems = new ArrayList<>();

	/** What recovery did, and what the log holds afterwards. */
	record Result(RecoveryReport report, long records) {
	}

	private final LogScanner.Decoding decoding;

	LogRecovery(StoreFiles files, RecordCodec<V> codec, StoreState<V> state, LogOptions options) {
		this(files, codec, state, options, LogScanner.Decoding.defaults());
	}

	LogRecovery(StoreFiles files, RecordCodec<V> codec, StoreState<V> state, LogOptions options,
			LogScanner.Decoding decoding) {
		this.files = files;
		this.codec = codec;
		this.state = state;
		this.options = options;
		this.decoding = decoding;
	}

	Result recover() throws IOException {
		long started = System.nanoTime();
		Files.createDirectories(this.files.logsDir());
		for (Path leftover : this.files.leftovers()) {
			if (Files.deleteIfExists(leftover)) {
				log.info("Removed {} left by an interrupted write", leftover);
			}
		}
		if (Files.exists(this.files.log())) {
			return replayLog(started);
		}
		if (Files.exists(this.files.json())) {
			return importJson(started);
		}
		Files.createFile(this.files.log());
		AtomicFiles.forceDirectory(this.files.logsDir());
		return new Result(report(RecoveryReport.Source.EMPTY, 0, 0, 0, started), 0);
	}

	private Result replayLog(long started) throws IOException {
		Path path = this.files.log();
		Scan scan = new Scan();
		long physical;
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			physical = channel.size();
			scan.size = LogScanner.logicalEnd(channel, physical);
			scan.tornBytes = new LogScanner<>(this.codec, this.decoding, this.files.store()).scan(channel, scan.size,
					scan);
		}
		long size = scan.size;
		if (!scan.badLines.isEmpty() || scan.stopAt >= 0) {
			appendToCorrupt(scan);
		}
		long finalRecords = scan.replayed;
		long truncated;
		if (scan.stopAt >= 0) {
			truncate(path, scan.stopAt);
			truncated = size - scan.stopAt;
		}
		else {
			List<BadLine> middle = scan.badLines.stream().filter((bad) -> bad.offset < scan.lastGoodEnd).toList();
			if (!middle.isEmpty()) {
				rewriteWithout(path, middle, scan.lastGoodEnd);
			}
			else if (scan.lastGoodEnd < physical) {
				// Torn bytes, or only the preallocated zeros a crash left.
				truncate(path, scan.lastGoodEnd);
			}
			truncated = size - scan.lastGoodEnd;
		}
		if (scan.tornBytes > 0) {
			problem(String.format("torn write at the end: %d bytes after the last complete line, at byte %d, cut",
					scan.tornBytes, size - scan.tornBytes));
		}
		return new Result(report(RecoveryReport.Source.LOG, scan.replayed, truncated, scan.setAside(), started),
				finalRecords);
	}

	/** A complete line that is not a valid record. */
	private record BadLine(long lineNumber, long offset, int length, String reason) {
	}

	/**
	 * The recovery mode's policy over one pass of the log: applies good records, and notes bad ones as
	 * {@code skip}, {@code stop} or {@code strict} says.
	 */
	private final class Scan implements LogScanner.Lines<V> {

		long size;

		long replayed;

		long lastGoodEnd;

		long tornBytes;

		/** In {@code stop} mode: where the first bad line starts; -1 when none. */
		long stopAt = -1;

		long linesAfterStop;

		final List<BadLine> badLines = new ArrayList<>();

		long setAside() {
			return (LogRecovery.this.options.recovery() == RecoveryMode.STOP) ? this.linesAfterStop
					: this.badLines.size();
		}

		/** Applies one line in the log's order: what the line does to the state and to the report. */
		@Override
		public void accept(ScannedLine<V> line, long offset, int len, long lineNumber) {
			if (this.stopAt >= 0) {
				this.linesAfterStop++;
				return;
			}
			// Java 17 has no switch over a sealed type's patterns: the four kinds, one by one.
			String reason;
			if (line instanceof ScannedLine.Good<V> good) {
				try {
					good.record().applyTo(LogRecovery.this.state);
					this.replayed++;
					this.lastGoodEnd = offset + len + 1;
					return;
				}
				catch (BadRecordException ex) {
					reason = ex.getMessage();
				}
			}
			else if (line instanceof ScannedLine.Blank<V>) {
				// Holds no record, and the original's reader skips such lines too.
				this.lastGoodEnd = offset + len + 1;
				return;
			}
			else if (line instanceof ScannedLine.Bad<V> bad) {
				reason = bad.reason();
			}
			else {
				throw ((ScannedLine.Failed<V>) line).rethrow();
			}
			bad(reason, offset, len, lineNumber);
		}

		private void bad(String reason, long offset, int len, long lineNumber) {
			String where = String.format("%s line %d (byte offset %d): %s", LogRecovery.this.files.log(), lineNumber,
					offset, reason);
			switch (LogRecovery.this.options.recovery()) {
				case STRICT -> throw new LogCorruptedException("Bad record in " + where
						+ ". storage.recovery.mode is strict, so start-up stops; set it to skip to move bad lines to "
						+ LogRecovery.this.files.corrupt().getFileName() + " and go on");
				case STOP -> {
					this.stopAt = offset;
					this.linesAfterStop = 1;
					problem("bad record at " + where + "; it and everything after it set aside");
				}
				case SKIP -> {
					this.badLines.add(new BadLine(lineNumber, offset, len, reason));
					problem("bad record at " + where + "; moved to " + LogRecovery.this.files.corrupt().getFileName());
				}
			}
		}

	}

	/** Copies what is set aside to {@code .corrupt} before the log is changed, so nothing is lost. */
	private void appendToCorrupt(Scan scan) throws IOException {
		try (FileChannel source = FileChannel.open(this.files.log(), StandardOpenOption.READ);
				FileChannel corrupt = FileChannel.open(this.files.corrupt(), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			if (scan.stopAt >= 0) {
				FileRanges.copy(source, scan.stopAt, scan.size, corrupt);
			}
			else {
				for (BadLine bad : scan.badLines) {
					FileRanges.copy(source, bad.offset, bad.offset + bad.length + 1L, corrupt);
				}
			}
			corrupt.force(true);
		}
		AtomicFiles.forceDirectory(this.files.logsDir());
	}

	private void rewriteWithout(Path path, List<BadLine> bad, long end) throws IOException {
		Path temp = this.files.rewriteTemp();
		try (FileChannel source = FileChannel.open(path, StandardOpenOption.READ);
				FileChannel target = FileChannel.open(temp, StandardOpenOption.CREATE,
						StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			long position = 0;
			for (BadLine line : bad) {
				FileRanges.copy(source, position, line.offset, target);
				position = line.offset + line.length + 1;
			}
			FileRanges.copy(source, position, end, target);
			target.force(true);
		}
		AtomicFiles.moveIntoPlace(temp, path);
	}

	private static void truncate(Path path, long size) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
			channel.truncate(size);
			channel.force(true);
		}
	}

	/** A data directory from before logs: its JSON file becomes the log's first CHECKPOINT. */
	private Result importJson(long started) throws IOException {
		Path json = this.files.json();
		List<DecodedRecord.Entry<V>> entries = new ArrayList<>();
		try (InputStream in = Files.newInputStream(json);
				JsonParser p = this.codec.mapper().createParser(in)) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				throw new BadRecordException("not a JSON object");
			}
			for (String name = p.nextName(); name != null; name = p.nextName()) {
				p.nextToken();
				V value = this.codec.values().read(p);
				if (value == null) {
					throw new BadRecordException("member '" + name + "' cannot be read");
				}
				entries.add(new DecodedRecord.Entry<>(name, value));
			}
		}
		catch (JacksonException | BadRecordException ex) {
			String reason = (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage();
			if (this.options.recovery() == RecoveryMode.STRICT) {
				throw new LogCorruptedException("Cannot import " + json + " (no log beside it): " + reason
						+ ". storage.recovery.mode is strict, so start-up stops");
			}
			Path aside = json.resolveSibling(json.getFileName() + ".unreadable." + this.options.clock().millis());
			AtomicFiles.moveIntoPlace(json, aside);
			problem("no log, and " + json.getFileName() + " is unreadable (" + reason + "); kept as "
					+ aside.getFileName() + ", starting empty");
			Files.createFile(this.files.log());
			AtomicFiles.forceDirectory(this.files.logsDir());
			return new Result(report(RecoveryReport.Source.EMPTY, 0, 0, 0, started), 0);
		}
		new DecodedRecord<>(DecodedRecord.Kind.PUT, entries).applyTo(this.state);
		Path temp = this.files.compactionTemp();
		int lines;
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
			lines = this.codec.writeCheckpoint(out, this.state, this.options.clock().instant()).lines();
		}
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		AtomicFiles.moveIntoPlace(temp, this.files.log());
		return new Result(report(RecoveryReport.Source.JSON, entries.size(), 0, 0, started), lines);
	}

	private void problem(String text) {
		if (this.problems.size() < MAX_PROBLEMS) {
			this.problems.add(text);
		}
		else if (this.problems.size() == MAX_PROBLEMS) {
			this.problems.add("more problems not listed");
		}
	}

	private RecoveryReport report(RecoveryReport.Source source, long replayed, long truncated, long skipped,
			long started) {
		Instant now = this.options.clock().instant();
		return new RecoveryReport(this.files.store(), source, replayed, truncated, skipped,
				Duration.ofNanos(System.nanoTime() - started), now, this.problems);
	}

}
