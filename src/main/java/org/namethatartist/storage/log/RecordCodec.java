package org.namethatartist.storage.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import org.namethatartist.IsoTime;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

/**
 * Encodes mutations as log lines and decodes log lines, checking their CRC.
 *
 * <p>A line is one JSON object in UTF-8 ending in {@code \n}. Ours end with the member
 * {@code ,"crc":"xxxxxxxx"}: the CRC32C, as 8 lowercase hex digits, of the line's bytes with that member
 * taken out. A line without it is a legacy line, written by the original bot: accepted when it parses
 * and holds only the members the original writes.
 */
final class RecordCodec<V> {

	/** {@code ,"crc":"} + 8 hex digits + {@code "}}. */
	static final int CRC_SUFFIX_LENGTH = 18;

	private static final byte[] CRC_PREFIX = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);

	private static final Set<String> LEGACY_MEMBERS = Set.of("timestamp", "op", "key", "value", "data", "state",
			"compactedAt");

	/** Lowercase, as the CRC member is written; its digits are taken one at a time, with no String made. */
	private static final HexFormat HEX = HexFormat.of();

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

	private final ObjectMapper mapper;

	private int splitParts = Runtime.getRuntime().availableProcessors();

	private int splitMinBytes = 16 << 20;

	private final ValueCodec<V> values;

	RecordCodec(ObjectMapper mapper, ValueCodec<V> values) {
		// Values are read one at a time from inside a line, and there is always more of the line after
		// one: Jackson 3 fails on such trailing tokens by default.
		this.mapper = mapper.rebuild().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		this.values = values;
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	ValueCodec<V> values() {
		return this.values;
	}

	/**
	 * The mutation as one complete line, CRC member and {@code \n} included. Runs once per write: it
	 * encodes into this thread's reused buffer and copies once into the line.
	 */
	byte[] encode(Mutation<V> mutation, Instant now) {
		LineBuffer out = LineBuffer.forThisThread();
		try (JsonGenerator gen = this.mapper.createGenerator(out)) {
			gen.writeStartObject();
			gen.writeStringProperty("timestamp", IsoTime.format(now));
			if (mutation instanceof Mutation.Put<V> put) {
				gen.writeStringProperty("op", "SET");
				gen.writeStringProperty("key", put.key());
				gen.writeName("value");
				this.values.write(gen, put.value());
			}
			else if (mutation instanceof Mutation.Remove<V> remove) {
				gen.writeStringProperty("op", "DELETE");
				gen.writeStringProperty("key", remove.key());
			}
			else if (mutation instanceof Mutation.Merge<V> merge) {
				gen.writeStringProperty("op", "SET");
				gen.writeName("data");
				gen.writeStartObject();
				for (Map.Entry<String, V> member : merge.data().entrySet()) {
					gen.writeName(member.getKey());
					this.values.write(gen, member.getValue());
				}
				gen.writeEndObject();
			}
			gen.writeEndObject();
		}
		return seal(out.bytes(), out.size());
	}

	/** A growable byte buffer kept per thread between encodings; a large one is not kept. */
	private static final class LineBuffer extends ByteArrayOutputStream {

		private static final int KEPT = 64 * 1024;

		private static final ThreadLocal<LineBuffer> BUFFERS = ThreadLocal.withInitial(LineBuffer::new);

		LineBuffer() {
			super(4096);
		}

		static LineBuffer forThisThread() {
			LineBuffer buffer = BUFFERS.get();
			if (buffer.buf.length > KEPT) {
				buffer = new LineBuffer();
				BUFFERS.set(buffer);
			}
			buffer.reset();
			return buffer;
		}

		byte[] bytes() {
			return this.buf;
		}

	}

	/**
	 * Writes {@code {"op":"CHECKPOINT","state":{…},"compactedAt":"…","crc":"…"}} and a newline: the whole
	 * state as one line, streamed, so a large store needs no second copy in memory.
	 * @return how many entries the state held
	 */
	long writeCheckpoint(OutputStream target, StoreState<V> state, Instant compactedAt) throws IOException {
		CRC32C crc = new CRC32C();
		OutputStream out = new CheckedOutputStream(target, crc);
		out.write("{\"op\":\"CHECKPOINT\",\"state\":".getBytes(StandardCharsets.US_ASCII));
		long count = writeState(this.mapper.writer(), out, state);
		out.write((",\"compactedAt\":\"" + IsoTime.format(compactedAt) + "\"").getBytes(StandardCharsets.US_ASCII));
		crc.update('}');
		byte[] suffix = new byte[CRC_SUFFIX_LENGTH + 1];
		writeCrcSuffix(suffix, 0, crc.getValue());
		suffix[CRC_SUFFIX_LENGTH] = '\n';
		target.write(suffix);
		target.flush();
		return count;
	}

	/** Writes the state as the original's JSON file: one object, indented as {@code JSON.stringify(…, null, 2)}. */
	void writeJsonDocument(OutputStream target, StoreState<V> state) throws IOException {
		writeState(this.mapper.writer().with(new NodeStylePrettyPrinter()), target, state);
		target.flush();
	}

	/** Writes the state as one JSON object, leaving {@code out} open; returns how many entries it held. */
	private long writeState(ObjectWriter writer, OutputStream out, StoreState<V> state) {
		long[] count = new long[1];
		try (JsonGenerator gen = writer.without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out)) {
			gen.writeStartObject();
			state.forEachEntry((key, value) -> {
				gen.writeName(key);
				this.values.write(gen, value);
				count[0]++;
			});
			gen.writeEndObject();
		}
		return count[0];
	}

	/** Replaces the closing brace of a complete JSON object by the CRC member, the brace and a newline. */
	static byte[] seal(byte[] object, int length) {
		CRC32C crc = new CRC32C();
		crc.update(object, 0, length);
		byte[] line = new byte[length - 1 + CRC_SUFFIX_LENGTH + 1];
		System.arraycopy(object, 0, line, 0, length - 1);
		writeCrcSuffix(line, length - 1, crc.getValue());
		line[line.length - 1] = '\n';
		return line;
	}

	/** Writes {@code ,"crc":"xxxxxxxx"}} at {@code at}. */
	static void writeCrcSuffix(byte[] target, int at, long crc) {
		System.arraycopy(CRC_PREFIX, 0, target, at, CRC_PREFIX.length);
		int pos = at + CRC_PREFIX.length;
		for (int shift = 28; shift >= 0; shift -= 4) {
			target[pos++] = (byte) HEX.toLowHexDigit((int) (crc >>> shift));
		}
		target[pos++] = '"';
		target[pos] = '}';
	}

	/**
	 * Decodes one line (without its {@code \n}).
	 * @throws BadRecordException when the line is not a valid record
	 */
	DecodedRecord<V> decode(byte[] buf, int off, int len) {
		return decode(buf, off, len, true);
	}

	/** {@link #decode} without its fast path: Jackson reads every line. For tests comparing the two. */
	DecodedRecord<V> decodeWithJackson(byte[] buf, int off, int len) {
		return decode(buf, off, len, false);
	}

	private DecodedRecord<V> decode(byte[] buf, int off, int len, boolean fast) {
		if (hasCrcSuffix(buf, off, len)) {
			long stored = parseHex(buf, off + len - 10);
			if (stored < 0) {
				throw new BadRecordException("the crc member is not 8 lowercase hex digits");
			}
			CRC32C crc = new CRC32C();
			crc.update(buf, off, len - CRC_SUFFIX_LENGTH);
			crc.update('}');
			if (crc.getValue() != stored) {
				throw new BadRecordException(String.format("CRC mismatch: the line says %08x, its bytes give %08x",
						stored, crc.getValue()));
			}
			DecodedRecord<V> exact = fast ? decodeExact(buf, off, off + len - CRC_SUFFIX_LENGTH) : null;
			return (exact != null) ? exact : parse(buf, off, len, true);
		}
		return parse(buf, off, len, false);
	}

	/**
	 * The fast path of {@link #decode}, for the records this class writes ({@code SET} with key and
	 * value, {@code DELETE}, {@code CHECKPOINT}) in exactly their shape, up to {@code end} (the start of the CRC member);
	 * null for anything else, which {@link #parse} then reads: Jackson alone decides what is invalid.
	 */
	private DecodedRecord<V> decodeExact(byte[] buf, int off, int end) {
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

	private static boolean hasCrcSuffix(byte[] buf, int off, int len) {
		if (len < CRC_SUFFIX_LENGTH + 2 || buf[off + len - 1] != '}' || buf[off + len - 2] != '"') {
			return false;
		}
		int at = off + len - CRC_SUFFIX_LENGTH;
		for (int i = 0; i < CRC_PREFIX.length; i++) {
			if (buf[at + i] != CRC_PREFIX[i]) {
				return false;
			}
		}
		return true;
	}

	private static long parseHex(byte[] buf, int at) {
		long value = 0;
		for (int i = 0; i < 8; i++) {
			int b = buf[at + i];
			// HexFormat also takes uppercase digits; the format says lowercase, as the line is written.
			if (!HexFormat.isHexDigit(b) || (b >= 'A' && b <= 'F')) {
				return -1;
			}
			value = (value << 4) | HexFormat.fromHexDigit(b);
		}
		return value;
	}

	/** The rest of {@code {"op":"CHECKPOINT","state":{…},"compactedAt":"…"}, as {@link #writeCheckpoint} writes it. */
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
		Thread[] threads = new Thread[count];
		for (int i = 1; i < count; i++) {
			int part = i;
			threads[i] = new Thread(() -> {
				try {
					results[part] = readPart(buf, starts, part, count, end, lastEnd);
				}
				catch (Throwable ex) {
					failures[part] = ex;
				}
			}, "recovery-checkpoint-" + i);
			threads[i].setDaemon(true);
			threads[i].start();
		}
		try {
			results[0] = readPart(buf, starts, 0, count, end, lastEnd);
		}
		catch (Throwable ex) {
			failures[0] = ex;
		}
		boolean interrupted = false;
		for (int i = 1; i < count; i++) {
			while (true) {
				try {
					threads[i].join();
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
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

	private DecodedRecord<V> parse(byte[] buf, int off, int len, boolean withCrc) {
		// From the factory: the mapper's parser would build a deserialization context per line, and the
		// codecs read tokens only (a value read as a tree gets its context from the mapper then).
		try (JsonParser p = this.mapper.tokenStreamFactory().createParser(ObjectReadContext.empty(), buf, off, len)) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				throw new BadRecordException("the line is not a JSON object");
			}
			String op = null;
			String key = null;
			List<DecodedRecord.Entry<V>> entries = null;
			JsonNode deferredValue = null;
			JsonNode deferredObject = null;
			boolean sawValue = false;
			boolean sawObject = false;
			String objectMember = null;
			for (String name = p.nextName(); name != null; name = p.nextName()) {
				JsonToken token = p.nextToken();
				switch (name) {
					case "op" -> op = requireString(p, token, "op");
					case "key" -> key = requireString(p, token, "key");
					case "timestamp", "compactedAt" -> p.skipChildren();
					case "value" -> {
						sawValue = true;
						if (op != null && key != null) {
							entries = List.of(new DecodedRecord.Entry<>(key, readValue(p)));
						}
						else {
							deferredValue = this.mapper.readTree(p);
						}
					}
					case "data", "state" -> {
						if (token != JsonToken.START_OBJECT) {
							throw new BadRecordException("member '" + name + "' is not an object");
						}
						sawObject = true;
						objectMember = name;
						if (op != null) {
							entries = readEntries(p);
						}
						else {
							deferredObject = this.mapper.readTree(p);
						}
					}
					case "crc" -> {
						if (!withCrc) {
							throw new BadRecordException("member 'crc' is malformed or not last");
						}
						p.skipChildren();
					}
					default -> {
						if (!LEGACY_MEMBERS.contains(name)) {
							throw new BadRecordException("unknown member '" + name + "'");
						}
						p.skipChildren();
					}
				}
			}
			if (p.nextToken() != null) {
				throw new BadRecordException("bytes after the end of the JSON object");
			}
			if (op == null) {
				throw new BadRecordException("no 'op' member");
			}
			if (deferredValue != null && key != null) {
				entries = List.of(new DecodedRecord.Entry<>(key, readTreeValue(deferredValue)));
			}
			if (deferredObject != null) {
				entries = readEntries(this.mapper.treeAsTokens(deferredObject), true);
			}
			if ((sawValue || sawObject) && entries == null) {
				throw new BadRecordException("a value the store cannot read");
			}
			return switch (op) {
				case "SET" -> {
					if (sawValue && key != null && !sawObject) {
						yield new DecodedRecord<>(DecodedRecord.Kind.PUT, entries);
					}
					if (sawObject && "data".equals(objectMember) && !sawValue) {
						yield new DecodedRecord<>(DecodedRecord.Kind.PUT, entries);
					}
					throw new BadRecordException("a SET needs 'key' and 'value', or 'data'");
				}
				case "DELETE" -> {
					if (key == null || sawValue || sawObject) {
						throw new BadRecordException("a DELETE needs 'key' and nothing else");
					}
					yield new DecodedRecord<>(DecodedRecord.Kind.REMOVE,
							List.of(new DecodedRecord.Entry<V>(key, null)));
				}
				case "CHECKPOINT" -> {
					if (!sawObject || !"state".equals(objectMember) || key != null || sawValue) {
						throw new BadRecordException("a CHECKPOINT needs 'state' and nothing else");
					}
					yield new DecodedRecord<>(DecodedRecord.Kind.PUT, entries);
				}
				default -> throw new BadRecordException("unknown op '" + op + "'");
			};
		}
		catch (JacksonException ex) {
			throw new BadRecordException("not valid JSON: " + ex.getOriginalMessage());
		}
		catch (RuntimeException ex) {
			if (ex instanceof BadRecordException) {
				throw ex;
			}
			throw new BadRecordException("value not readable: " + ex);
		}
	}

	private static String requireString(JsonParser p, JsonToken token, String name) {
		if (token != JsonToken.VALUE_STRING) {
			throw new BadRecordException("member '" + name + "' is not a string");
		}
		return p.getString();
	}

	/** A JSON {@code null} goes to the codec too: the original may have stored one, and so may a codec. */
	private V readValue(JsonParser p) {
		V value = this.values.read(p);
		if (value == null) {
			throw new BadRecordException("a value the store cannot read");
		}
		return value;
	}

	private V readTreeValue(JsonNode node) {
		try (JsonParser p = this.mapper.treeAsTokens(node)) {
			p.nextToken();
			return readValue(p);
		}
	}

	private List<DecodedRecord.Entry<V>> readEntries(JsonParser p) {
		return readEntries(p, false);
	}

	/** Reads the members of an object; {@code advance} when the parser has not reached its start yet. */
	private List<DecodedRecord.Entry<V>> readEntries(JsonParser p, boolean advance) {
		if (advance) {
			p.nextToken();
		}
		List<DecodedRecord.Entry<V>> entries = new ArrayList<>();
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			p.nextToken();
			entries.add(new DecodedRecord.Entry<>(name, readValue(p)));
		}
		return entries;
	}

}
