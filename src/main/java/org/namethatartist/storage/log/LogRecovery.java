package org.namethatartist.storage.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * {@link AppendLog}). A record never holds a zero byte (JSON escapes it) and ends in {@code \n}, so:
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

	private final Decoding decoding;

	/**
	 * How lines are decoded: on this thread alone, or by {@code threads} threads in chunks of about
	 * {@code chunkBytes} when the log holds at least {@code minBytes}. Decoding a line depends on its
	 * bytes only, and lines are applied one by one in the log's order on this thread either way, so the
	 * state, the report and the repairs are the same.
	 */
	record Decoding(int threads, int chunkBytes, long minBytes) {

		static final Decoding SEQUENTIAL = new Decoding(1, 1 << 20, Long.MAX_VALUE);

		/** One thread per processor, for logs of 8 MB and more. */
		static Decoding defaults() {
			int processors = Runtime.getRuntime().availableProcessors();
			return (processors > 1) ? new Decoding(processors, 1 << 20, 8L << 20) : SEQUENTIAL;
		}

		boolean parallelFor(long size) {
			return this.threads > 1 && size >= this.minBytes;
		}

	}

	LogRecovery(StoreFiles files, RecordCodec<V> codec, StoreState<V> state, LogOptions options) {
		this(files, codec, state, options, Decoding.defaults());
	}

	LogRecovery(StoreFiles files, RecordCodec<V> codec, StoreState<V> state, LogOptions options, Decoding decoding) {
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
			scan.size = logicalEnd(channel, physical);
			if (this.decoding.parallelFor(scan.size)) {
				scan.runParallel(channel);
			}
			else {
				scan.run(channel);
			}
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

	/** One pass over the log: applies good records, notes bad ones. */
	private final class Scan {

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

		/** Reads {@code channel} up to {@link #size}, its logical end, set before. */
		void run(FileChannel channel) throws IOException {
			byte[] buf = new byte[1 << 20];
			int start = 0;
			int end = 0;
			int scanned = 0;
			long base = 0;
			long lineNumber = 0;
			while (true) {
				if (end == buf.length) {
					if (start > 0) {
						System.arraycopy(buf, start, buf, 0, end - start);
						base += start;
						end -= start;
						scanned -= start;
						start = 0;
					}
					else {
						buf = Arrays.copyOf(buf, grownFor(buf.length, this.size - base));
					}
				}
				int read = readSome(channel, buf, end, base + end, this.size);
				if (read < 0) {
					break;
				}
				end += read;
				for (int i = scanned; i < end; i++) {
					if (buf[i] == '\n') {
						lineNumber++;
						line(buf, start, i - start, base + start, lineNumber);
						start = i + 1;
					}
				}
				scanned = end;
			}
			this.tornBytes = end - start;
		}

		private void line(byte[] buf, int off, int len, long offset, long lineNumber) {
			if (this.stopAt >= 0) {
				this.linesAfterStop++;
				return;
			}
			apply(decodeLine(buf, off, len), offset, len, lineNumber);
		}

		/**
		 * Applies one line, decoded by {@link #decodeLine}, in the log's order: what the line does to the
		 * state and to the report.
		 */
		private void apply(Object decoded, long offset, int len, long lineNumber) {
			if (this.stopAt >= 0) {
				this.linesAfterStop++;
				return;
			}
			if (decoded == BLANK) {
				// Holds no record, and the original's reader skips such lines too.
				this.lastGoodEnd = offset + len + 1;
				return;
			}
			String reason;
			if (decoded instanceof BadRecordException ex) {
				reason = ex.getMessage();
			}
			else if (decoded instanceof Failure failure) {
				throw failure.rethrow();
			}
			else {
				@SuppressWarnings("unchecked")
				DecodedRecord<V> record = (DecodedRecord<V>) decoded;
				try {
					record.applyTo(LogRecovery.this.state);
					this.replayed++;
					this.lastGoodEnd = offset + len + 1;
					return;
				}
				catch (BadRecordException ex) {
					reason = ex.getMessage();
				}
			}
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

		/**
		 * One pass with the decoding spread over threads: this thread reads the log in chunks of whole
		 * lines, the pool decodes each chunk, and this thread applies the chunks' lines in order.
		 */
		void runParallel(FileChannel channel) throws IOException {
			Decoding decoding = LogRecovery.this.decoding;
			int inFlightMax = 2 * decoding.threads();
			AtomicInteger threadCount = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(decoding.threads(), (task) -> {
				Thread thread = new Thread(task,
						"recovery-" + LogRecovery.this.files.store() + "-" + threadCount.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
			ArrayDeque<byte[]> spare = new ArrayDeque<>();
			long lineNumber = 0;
			try {
				byte[] buf = new byte[decoding.chunkBytes()];
				int carried = 0;
				long base = 0;
				boolean eof = false;
				while (!eof) {
					int end = carried;
					int lastNewline = -1;
					// The carried bytes hold no newline; nor do bytes already searched while a long line grows.
					int searched = carried;
					while (true) {
						if (end == buf.length) {
							// A line longer than the buffer: a bigger one for this chunk.
							buf = Arrays.copyOf(buf, grownFor(buf.length, this.size - base));
						}
						int read = readSome(channel, buf, end, base + end, this.size);
						if (read < 0) {
							eof = true;
						}
						else {
							end += read;
						}
						if (eof || end == buf.length) {
							lastNewline = lastNewline(buf, searched, end);
							searched = end;
							if (eof || lastNewline >= 0) {
								break;
							}
						}
					}
					int whole = lastNewline + 1;
					if (whole > 0) {
						byte[] chunkBytes = buf;
						long chunkBase = base;
						inFlight.add(pool.submit(() -> decodeChunk(chunkBytes, whole, chunkBase)));
					}
					byte[] next = spare.isEmpty() ? new byte[decoding.chunkBytes()] : spare.poll();
					carried = end - whole;
					if (next.length < carried + 1) {
						next = new byte[Math.max(decoding.chunkBytes(), 2 * carried)];
					}
					System.arraycopy(buf, whole, next, 0, carried);
					base += whole;
					if (whole == 0) {
						spare.add(buf);
					}
					buf = next;
					while (inFlight.size() >= inFlightMax || (eof && !inFlight.isEmpty())) {
						Chunk chunk = await(inFlight.poll());
						lineNumber = applyChunk(chunk, lineNumber);
						if (chunk.bytes.length == decoding.chunkBytes()) {
							spare.add(chunk.bytes);
						}
					}
				}
				this.tornBytes = carried;
			}
			finally {
				pool.shutdownNow();
			}
		}

		private long applyChunk(Chunk chunk, long lineNumber) {
			long number = lineNumber;
			for (int i = 0; i < chunk.count; i++) {
				number++;
				apply(chunk.decoded[i], chunk.base + chunk.starts[i], chunk.lengths[i], number);
			}
			return number;
		}

		private Chunk decodeChunk(byte[] buf, int length, long base) {
			int[] ends = new int[Math.max(16, length >>> 9)];
			int count = 0;
			for (int i = 0; i < length; i++) {
				if (buf[i] == '\n') {
					if (count == ends.length) {
						ends = Arrays.copyOf(ends, 2 * count);
					}
					ends[count++] = i;
				}
			}
			Chunk chunk = new Chunk(buf, base, count);
			int start = 0;
			for (int n = 0; n < count; n++) {
				int end = ends[n];
				chunk.starts[n] = start;
				chunk.lengths[n] = end - start;
				chunk.decoded[n] = decodeLine(buf, start, end - start);
				start = end + 1;
			}
			return chunk;
		}

	}

	/** A chunk of whole lines and what each decoded to. */
	private static final class Chunk {

		final byte[] bytes;

		final long base;

		final int count;

		final int[] starts;

		final int[] lengths;

		final Object[] decoded;

		Chunk(byte[] bytes, long base, int count) {
			this.bytes = bytes;
			this.base = base;
			this.count = count;
			this.starts = new int[count];
			this.lengths = new int[count];
			this.decoded = new Object[count];
		}

	}

	/** A line that holds no record. */
	private static final Object BLANK = new Object();

	/** Something other than a bad record went wrong decoding a line: thrown when the line is applied. */
	private record Failure(Throwable cause) {

		RuntimeException rethrow() {
			if (this.cause instanceof RuntimeException runtime) {
				return runtime;
			}
			if (this.cause instanceof Error error) {
				throw error;
			}
			return new IllegalStateException(this.cause);
		}

	}

	/**
	 * Decodes one line (without its {@code \n}): {@link #BLANK}, the {@link DecodedRecord}, the
	 * {@link BadRecordException} saying why it is not a record, or a {@link Failure}. Depends on the
	 * line's bytes only, so it may run on any thread, in any order.
	 */
	private Object decodeLine(byte[] buf, int off, int len) {
		int content = len;
		if (content > 0 && buf[off + content - 1] == '\r') {
			// A log whose line endings a copy or an editor turned into CRLF: the record is intact.
			content--;
		}
		if (isBlank(buf, off, content)) {
			return BLANK;
		}
		try {
			return this.codec.decode(buf, off, content);
		}
		catch (BadRecordException ex) {
			return ex;
		}
		catch (RuntimeException | Error ex) {
			return new Failure(ex);
		}
	}

	/** At most this much per read: a read into a heap array goes through a temporary direct buffer of its size. */
	private static final int READ_MAX = 8 << 20;

	/** Reads what fits in {@code buf} from {@code position}, not past {@code limit}; -1 at the limit. */
	private static int readSome(FileChannel channel, byte[] buf, int at, long position, long limit)
			throws IOException {
		if (position >= limit) {
			return -1;
		}
		int length = (int) Math.min(Math.min(READ_MAX, buf.length - at), limit - position);
		return channel.read(ByteBuffer.wrap(buf, at, length), position);
	}

	/** The block {@link #logicalEnd} reads backwards at a time. */
	private static final int ZERO_SCAN = 1 << 20;

	/**
	 * The offset after the last byte that is not zero: the end of the records, before the preallocated
	 * space. Reads backwards from the end, so it reads the free space and no more.
	 */
	static long logicalEnd(FileChannel channel, long size) throws IOException {
		ByteBuffer block = ByteBuffer.allocate((int) Math.min(ZERO_SCAN, Math.max(size, 1)));
		long end = size;
		while (end > 0) {
			int length = (int) Math.min(block.capacity(), end);
			long from = end - length;
			block.clear().limit(length);
			while (block.hasRemaining()) {
				if (channel.read(block, from + block.position()) < 0) {
					// Shorter than it said: whatever is there is all there is.
					break;
				}
			}
			byte[] bytes = block.array();
			for (int i = block.position() - 1; i >= 0; i--) {
				if (bytes[i] != 0) {
					return from + i + 1;
				}
			}
			end = from;
		}
		return 0;
	}

	/** A line this long is most likely a CHECKPOINT, which makes most of a compacted log. */
	private static final int LONG_LINE = 64 << 20;

	/**
	 * The size of a buffer full of one line that goes on: up to {@value #LONG_LINE} bytes at once, and past
	 * that, what the rest of the file needs, so that the line is not copied again at each doubling (the
	 * buffer then holds at most the rest of the file).
	 */
	private static int grownFor(int length, long rest) {
		if (length >= Integer.MAX_VALUE - 8) {
			throw new IllegalStateException("a log line longer than " + length + " bytes cannot be read");
		}
		long wanted = (length >= LONG_LINE) ? Math.max(2L * length, rest + 1)
				: Math.max(2L * length, Math.min(rest + 1, LONG_LINE));
		return (int) Math.min(wanted, Integer.MAX_VALUE - 8);
	}

	private static int lastNewline(byte[] buf, int from, int end) {
		for (int i = end - 1; i >= from; i--) {
			if (buf[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static <T> T await(Future<T> future) throws IOException {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("interrupted while replaying the log");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	private static boolean isBlank(byte[] buf, int off, int len) {
		for (int i = off; i < off + len; i++) {
			if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
				return false;
			}
		}
		return true;
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
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
			this.codec.writeCheckpoint(out, this.state, this.options.clock().instant());
		}
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		AtomicFiles.moveIntoPlace(temp, this.files.log());
		return new Result(report(RecoveryReport.Source.JSON, entries.size(), 0, 0, started), 1);
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
