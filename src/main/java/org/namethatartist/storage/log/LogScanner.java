package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a log's bytes into lines and decodes each ({@link ScannedLine}), handing them in the log's order
 * to whoever applies them ({@link LogRecovery}'s policy). Knows nothing of recovery modes.
 *
 * <ul>
 * <li>{@link #logicalEnd}: where the records end and the preallocated zeros begin, read backwards.</li>
 * <li>A small log is read and decoded on the calling thread.</li>
 * <li>From {@link Decoding#minBytes()} on, this thread reads the log in chunks of whole lines, a pool of
 * {@link Decoding#threads()} decodes each chunk, and this thread hands the chunks' lines on in order.</li>
 * <li>A long line (a CHECKPOINT, most of a compacted log) grows its buffer at once to what the rest of the
 * file needs past {@value #LONG_LINE} bytes, rather than doubling; reads are at most {@value #READ_MAX}
 * bytes (a read into a heap array goes through a temporary direct buffer of its size).</li>
 * </ul>
 *
 * @param <V> the type of the store's values
 */
final class LogScanner<V> {

	/** At most this much per read. */
	private static final int READ_MAX = 8 << 20;

	/** The block {@link #logicalEnd} reads backwards at a time. */
	private static final int ZERO_SCAN = 1 << 20;

	/** A line this long is most likely a CHECKPOINT, which makes most of a compacted log. */
	private static final int LONG_LINE = 64 << 20;

	private final RecordCodec<V> codec;

	private final Decoding decoding;

	private final String store;

	/** Takes each line, in the log's order. */
	@FunctionalInterface
	interface Lines<V> {

		/**
		 * @param offset where the line starts in the file
		 * @param length its length, without its {@code \n}
		 * @param lineNumber 1 for the file's first line
		 */
		void accept(ScannedLine<V> line, long offset, int length, long lineNumber);

	}

	/**
	 * How lines are decoded: on this thread alone, or by {@code threads} threads in chunks of about
	 * {@code chunkBytes} when the log holds at least {@code minBytes}. Decoding a line depends on its
	 * bytes only, and lines are handed on one by one in the log's order on this thread either way, so the
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

	LogScanner(RecordCodec<V> codec, Decoding decoding, String store) {
		this.codec = codec;
		this.decoding = decoding;
		this.store = store;
	}

	/**
	 * Hands every complete line of {@code channel} before {@code size} to {@code lines}, in order.
	 * @return the torn bytes: those after the last {@code \n}
	 */
	long scan(FileChannel channel, long size, Lines<V> lines) throws IOException {
		return this.decoding.parallelFor(size) ? scanParallel(channel, size, lines) : scanHere(channel, size, lines);
	}

	private long scanHere(FileChannel channel, long size, Lines<V> lines) throws IOException {
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
					buf = Arrays.copyOf(buf, grownFor(buf.length, size - base));
				}
			}
			int read = readSome(channel, buf, end, base + end, size);
			if (read < 0) {
				break;
			}
			end += read;
			for (int i = scanned; i < end; i++) {
				if (buf[i] == '\n') {
					lineNumber++;
					lines.accept(decode(buf, start, i - start), base + start, i - start, lineNumber);
					start = i + 1;
				}
			}
			scanned = end;
		}
		return end - start;
	}

	private long scanParallel(FileChannel channel, long size, Lines<V> lines) throws IOException {
		int inFlightMax = 2 * this.decoding.threads();
		AtomicInteger threadCount = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(this.decoding.threads(), (task) -> {
			Thread thread = new Thread(task, "recovery-" + this.store + "-" + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		ArrayDeque<Future<Chunk<V>>> inFlight = new ArrayDeque<>();
		ArrayDeque<byte[]> spare = new ArrayDeque<>();
		long lineNumber = 0;
		try {
			byte[] buf = new byte[this.decoding.chunkBytes()];
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
						buf = Arrays.copyOf(buf, grownFor(buf.length, size - base));
					}
					int read = readSome(channel, buf, end, base + end, size);
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
				byte[] next = spare.isEmpty() ? new byte[this.decoding.chunkBytes()] : spare.poll();
				carried = end - whole;
				if (next.length < carried + 1) {
					next = new byte[Math.max(this.decoding.chunkBytes(), 2 * carried)];
				}
				System.arraycopy(buf, whole, next, 0, carried);
				base += whole;
				if (whole == 0) {
					spare.add(buf);
				}
				buf = next;
				while (inFlight.size() >= inFlightMax || (eof && !inFlight.isEmpty())) {
					Chunk<V> chunk = await(inFlight.poll());
					for (int i = 0; i < chunk.count; i++) {
						lineNumber++;
						lines.accept(chunk.decoded.get(i), chunk.base + chunk.starts[i], chunk.lengths[i], lineNumber);
					}
					if (chunk.bytes.length == this.decoding.chunkBytes()) {
						spare.add(chunk.bytes);
					}
				}
			}
			return carried;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Chunk<V> decodeChunk(byte[] buf, int length, long base) {
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
		Chunk<V> chunk = new Chunk<>(buf, base, count);
		int start = 0;
		for (int n = 0; n < count; n++) {
			int end = ends[n];
			chunk.starts[n] = start;
			chunk.lengths[n] = end - start;
			chunk.decoded.add(decode(buf, start, end - start));
			start = end + 1;
		}
		return chunk;
	}

	/** A chunk of whole lines and what each decoded to. */
	private static final class Chunk<V> {

		final byte[] bytes;

		final long base;

		final int count;

		final int[] starts;

		final int[] lengths;

		final java.util.List<ScannedLine<V>> decoded;

		Chunk(byte[] bytes, long base, int count) {
			this.bytes = bytes;
			this.base = base;
			this.count = count;
			this.starts = new int[count];
			this.lengths = new int[count];
			this.decoded = new java.util.ArrayList<>(count);
		}

	}

	/** Decodes one line (without its {@code \n}). Depends on the line's bytes only. */
	ScannedLine<V> decode(byte[] buf, int off, int len) {
		int content = len;
		if (content > 0 && buf[off + content - 1] == '\r') {
			// A log whose line endings a copy or an editor turned into CRLF: the record is intact.
			content--;
		}
		if (isBlank(buf, off, content)) {
			return new ScannedLine.Blank<>();
		}
		try {
			return new ScannedLine.Good<>(this.codec.decode(buf, off, content));
		}
		catch (BadRecordException ex) {
			return new ScannedLine.Bad<>(ex.getMessage());
		}
		catch (RuntimeException | Error ex) {
			return new ScannedLine.Failed<>(ex);
		}
	}

	/** Reads what fits in {@code buf} from {@code position}, not past {@code limit}; -1 at the limit. */
	private static int readSome(FileChannel channel, byte[] buf, int at, long position, long limit)
			throws IOException {
		if (position >= limit) {
			return -1;
		}
		int length = (int) Math.min(Math.min(READ_MAX, buf.length - at), limit - position);
		return channel.read(ByteBuffer.wrap(buf, at, length), position);
	}

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

}
