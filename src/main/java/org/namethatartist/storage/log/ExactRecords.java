package org.namethatartist.storage.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replay's fast path: the records {@link RecordCodec} writes ({@code SET} with key and value,
 * {@code DELETE}, {@code CHECKPOINT}), read in exactly their shape with {@link ExactJson}, without
 * Jackson; anything else is left to Jackson, which alone decides what is invalid. A large CHECKPOINT's
 * state is read in parts at once: this thread reads the first, a shared pool the others ({@link #PARTS},
 * its threads gone when idle), and the parts count only if each ends exactly where the next begins.
 *
 * @param <V> the type of the store's values
 */
final class ExactRecords<V> {

	private static final byte[] EXACT_TIMESTAMP = ExactJson.ascii("{\"timestamp\":");

	private static final byte[] EXACT_SET_KEY = ExactJson.ascii(",\"op\":\"SET\",\"key\":");

	private static final byte[] EXACT_DELETE_KEY = ExactJson.ascii(",\"op\":\"DELETE\",\"key\":");

	private static final byte[] EXACT_VALUE = ExactJson.ascii(",\"value\":");

	private static final byte[] EXACT_CHECKPOINT = ExactJson.ascii("{\"op\":\"CHECKPOINT\",\"state\":{");

	private static final byte[] EXACT_COMPACTED_AT = ExactJson.ascii(",\"compactedAt\":");

	private static final byte[] EXACT_COLON = ExactJson.ascii(":");

	private static final byte[] EXACT_COMMA = ExactJson.ascii(",");

	private static final byte[] EXACT_END_OBJECT = ExactJson.ascii("}");

	private static final ThreadLocal<ExactJson> EXACT = ThreadLocal.withInitial(ExactJson::new);

	/**
	 * Where the parts of large CHECKPOINTs are read, beside the thread that reads each one's first part:
	 * one thread per processor at most, shared by every store, none kept when idle. Separate from the
	 * recovery's chunk decoders, which wait for these parts: a pool waiting on itself could stall.
	 */
	private static final ExecutorService PARTS = parts();

	private static ExecutorService parts() {
		AtomicInteger count = new AtomicInteger();
		int processors = Runtime.getRuntime().availableProcessors();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(processors, processors, 10, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "recovery-checkpoint-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private final ValueCodec<V> values;

	private int splitParts = Runtime.getRuntime().availableProcessors();

	private int splitMinBytes = 16 << 20;

	ExactRecords(ValueCodec<V> values) {
		this.values = values;
	}

	/**
	 * The fast path of {@link RecordCodec#decode}, for the records it writes ({@code SET} with key and
	 * value, {@code DELETE}, {@code CHECKPOINT}) in exactly their shape, up to {@code end} (the start of the CRC member);
	 * null for anything else, which Jackson then reads: Jackson alone decides what is invalid.
	 */
	DecodedRecord<V> decode(byte[] buf, int off, int end) {
		ExactJson in = EXACT.get().reset(buf, off, end);
		try {
			if (in.skip(EXACT_CHECKPOINT)) {
				return decodeExactCheckpoint(in, end);
			}
			in.expect(EXACT_TIMESTAMP);
			in.skipString();
			if (in.skip(EXACT_SET_KEY)) {
				String key = in.string();
				in.expect(EXACT_VALUE);
				V value = this.values.readExact(in);
				if (value == null || in.position() != end) {
					return null;
				}
				return new DecodedRecord<>(DecodedRecord.Kind.PUT, List.of(new DecodedRecord.Entry<>(key, value)));
			}
			if (in.skip(EXACT_DELETE_KEY)) {
				String key = in.string();
				if (in.position() != end) {
					return null;
				}
				return new DecodedRecord<>(DecodedRecord.Kind.REMOVE, List.of(new DecodedRecord.Entry<V>(key, null)));
			}
			return null;
		}
		catch (RuntimeException ex) {
			// Not in the exact shape (or a codec that failed on it): Jackson reads it and judges it.
			return null;
		}
	}

	/** The rest of {@code {"op":"CHECKPOINT","state":{…},"compactedAt":"…"}, as {@link RecordCodec#writeCheckpoint} writes it. */
	private DecodedRecord<V> decodeExactCheckpoint(ExactJson in, int end) {
		List<DecodedRecord.Entry<V>> entries;
		if (in.skip(EXACT_END_OBJECT)) {
			entries = new ArrayList<>();
		}
		else {
			int[] splitEnd = new int[1];
			byte[] buf = in.buffer();
			int start = in.position();
			entries = (end - start >= this.splitMinBytes && this.splitParts > 1)
					? readMembersSplit(buf, start, end, splitEnd) : null;
			if (entries == null) {
				// One pass from the first member (reading the first part moved this thread's cursor).
				in.reset(buf, start, end);
				entries = new ArrayList<>();
				if (!readMembers(in, -1, entries)) {
					return null;
				}
			}
			else {
				in.reset(buf, splitEnd[0], end);
			}
			in.expect(EXACT_END_OBJECT);
		}
		in.expect(EXACT_COMPACTED_AT);
		in.skipString();
		return (in.position() == end) ? new DecodedRecord<>(DecodedRecord.Kind.PUT, entries) : null;
	}

	/**
	 * Reads {@code "key":value} members separated by commas into {@code entries}. With {@code until} -1,
	 * until no comma follows (the cursor then stands on what ends the object); otherwise the members must
	 * end exactly at {@code until}, where a comma stands. False when a value is not in the exact shape.
	 */
	private boolean readMembers(ExactJson in, int until, List<DecodedRecord.Entry<V>> entries) {
		while (true) {
			String key = in.string();
			in.expect(EXACT_COLON);
			V value = this.values.readExact(in);
			if (value == null) {
				return false;
			}
			entries.add(new DecodedRecord.Entry<>(key, value));
			if (in.position() == until) {
				return true;
			}
			if (until >= 0 && in.position() > until) {
				return false;
			}
			if (!in.skip(EXACT_COMMA)) {
				return until < 0;
			}
		}
	}

	/**
	 * The members of a large CHECKPOINT's state, read in parts on several threads: the bytes are cut
	 * before a {@code "} that follows <code>},</code> (where a member starts in the exact shape), each
	 * part is read from there, and the parts count only if each one's members end exactly where the next
	 * part starts. Read one after another, the same members start at the same places, so the entries are
	 * the same as in one pass. Null when a part cannot be read so (one pass then decides); else
	 * {@code lastEnd[0]} is where the last member ends.
	 */
	private List<DecodedRecord.Entry<V>> readMembersSplit(byte[] buf, int start, int end, int[] lastEnd) {
		int parts = this.splitParts;
		int[] starts = new int[parts + 1];
		int found = 0;
		starts[found++] = start;
		for (int i = 1; i < parts; i++) {
			int from = Math.max(starts[found - 1] + 1, start + (int) ((long) (end - start) * i / parts));
			int cut = memberStartAfter(buf, from, end);
			if (cut < 0) {
				break;
			}
			starts[found++] = cut;
		}
		int count = found;
		@SuppressWarnings("unchecked")
		List<DecodedRecord.Entry<V>>[] results = new List[count];
		Throwable[] failures = new Throwable[count];
		List<Future<?>> others = new ArrayList<>(count - 1);
		for (int i = 1; i < count; i++) {
			int part = i;
			others.add(PARTS.submit(() -> {
				try {
					results[part] = readPart(buf, starts, part, count, end, lastEnd);
				}
				catch (Throwable ex) {
					failures[part] = ex;
				}
			}));
		}
		try {
			results[0] = readPart(buf, starts, 0, count, end, lastEnd);
		}
		catch (Throwable ex) {
			failures[0] = ex;
		}
		boolean interrupted = false;
		for (Future<?> other : others) {
			while (true) {
				try {
					other.get();
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					// Each part keeps its own failure: nothing reaches here.
					break;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		int total = 0;
		for (int i = 0; i < count; i++) {
			if (failures[i] instanceof Error error) {
				throw error;
			}
			if (failures[i] != null || results[i] == null) {
				return null;
			}
			total += results[i].size();
		}
		List<DecodedRecord.Entry<V>> entries = new ArrayList<>(total);
		for (List<DecodedRecord.Entry<V>> result : results) {
			entries.addAll(result);
		}
		return entries;
	}

	/** One part's members; the last part's end (the cursor after its last member) goes to {@code lastEnd}. */
	private List<DecodedRecord.Entry<V>> readPart(byte[] buf, int[] starts, int part, int count, int end,
			int[] lastEnd) {
		ExactJson in = EXACT.get().reset(buf, starts[part], end);
		List<DecodedRecord.Entry<V>> entries = new ArrayList<>();
		boolean last = part == count - 1;
		try {
			if (!readMembers(in, last ? -1 : starts[part + 1] - 1, entries)) {
				return null;
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (last) {
			lastEnd[0] = in.position();
		}
		return entries;
	}

	/** The first index at or after {@code from} of a {@code "} preceded by <code>},</code>; -1 for none. */
	private static int memberStartAfter(byte[] buf, int from, int end) {
		for (int i = Math.max(from, 2); i < end; i++) {
			if (buf[i] == '"' && buf[i - 1] == ',' && buf[i - 2] == '}') {
				return i;
			}
		}
		return -1;
	}

	/** Reads a CHECKPOINT's state in up to {@code parts} parts on as many threads when it holds {@code minBytes} or more. */
	void splitCheckpoints(int parts, int minBytes) {
		this.splitParts = parts;
		this.splitMinBytes = minBytes;
	}

}
