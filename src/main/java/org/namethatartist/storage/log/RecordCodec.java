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

	private final ObjectMapper mapper;

	private final ValueCodec<V> values;

	private final ExactRecords<V> exact;

	RecordCodec(ObjectMapper mapper, ValueCodec<V> values) {
		// Values are read one at a time from inside a line, and there is always more of the line after
		// one: Jackson 3 fails on such trailing tokens by default.
		this.mapper = mapper.rebuild().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		this.values = values;
		this.exact = new ExactRecords<>(values);
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
	 * The most bytes a CHECKPOINT line holds before the state goes on in another. Replay reads a line into
	 * one array, and a Java array holds at most 2 GB: one line for a whole store could not be read back
	 * past about 2.5 million players. The original's reader merges the states of CHECKPOINT lines.
	 */
	static final long CHECKPOINT_PART_BYTES = 64L << 20;

	private long checkpointPartBytes = CHECKPOINT_PART_BYTES;

	/** A smaller bound on a CHECKPOINT line, for tests of states in many parts. */
	void checkpointPartBytes(long bytes) {
		this.checkpointPartBytes = bytes;
	}

	/** What {@link #writeCheckpoint} wrote: the state's entries, in how many CHECKPOINT lines. */
	record Checkpoint(long entries, int lines) {
	}

	/**
	 * Writes the state as {@code {"op":"CHECKPOINT","state":{…},"compactedAt":"…","crc":"…"}} lines, each
	 * ended by a newline: one line, or as many as keep each near {@link #CHECKPOINT_PART_BYTES} (a line
	 * ends after the entry that passes it). Streamed, so a large store needs no second copy in memory.
	 * Replayed in order, the lines' states together are the state: each puts its entries.
	 */
	Checkpoint writeCheckpoint(OutputStream target, StoreState<V> state, Instant compactedAt) throws IOException {
		byte[] ending = (",\"compactedAt\":\"" + IsoTime.format(compactedAt) + "\"").getBytes(StandardCharsets.US_ASCII);
		CheckpointLine line = new CheckpointLine(target, ending);
		long[] count = new long[1];
		try {
			line.open();
			state.forEachEntry((key, value) -> {
				try {
					if (line.full()) {
						line.close();
						line.open();
					}
					line.gen.writeName(key);
					this.values.write(line.gen, value);
					count[0]++;
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
			line.close();
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
		target.flush();
		return new Checkpoint(count[0], line.lines);
	}

	/** One CHECKPOINT line being written, and how many were. */
	private final class CheckpointLine {

		private final OutputStream target;

		private final byte[] ending;

		private CRC32C crc;

		private OutputStream out;

		private long bytes;

		JsonGenerator gen;

		int lines;

		CheckpointLine(OutputStream target, byte[] ending) {
			this.target = target;
			this.ending = ending;
		}

		void open() throws IOException {
			this.crc = new CRC32C();
			this.bytes = 0;
			this.out = new CheckedOutputStream(new java.io.FilterOutputStream(this.target) {

				@Override
				public void write(int b) throws IOException {
					this.out.write(b);
					CheckpointLine.this.bytes++;
				}

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					this.out.write(b, off, len);
					CheckpointLine.this.bytes += len;
				}

			}, this.crc);
			this.out.write(CHECKPOINT_START);
			this.gen = RecordCodec.this.mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET)
				.createGenerator(this.out);
			this.gen.writeStartObject();
		}

		/** Past the bound: what is written and what the generator still holds. */
		boolean full() {
			return this.bytes + this.gen.streamWriteOutputBuffered() >= RecordCodec.this.checkpointPartBytes;
		}

		void close() throws IOException {
			this.gen.writeEndObject();
			this.gen.close();
			this.out.write(this.ending);
			this.crc.update('}');
			byte[] suffix = new byte[CRC_SUFFIX_LENGTH + 1];
			writeCrcSuffix(suffix, 0, this.crc.getValue());
			suffix[CRC_SUFFIX_LENGTH] = '\n';
			this.target.write(suffix);
			this.lines++;
		}

	}

	private static final byte[] CHECKPOINT_START = "{\"op\":\"CHECKPOINT\",\"state\":".getBytes(StandardCharsets.US_ASCII);

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
			DecodedRecord<V> quick = fast ? this.exact.decode(buf, off, off + len - CRC_SUFFIX_LENGTH) : null;
			return (quick != null) ? quick : parse(buf, off, len, true);
		}
		return parse(buf, off, len, false);
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

	/** Reads a CHECKPOINT's state in up to {@code parts} parts at once when it holds {@code minBytes} or more. */
	void splitCheckpoints(int parts, int minBytes) {
		this.exact.splitCheckpoints(parts, minBytes);
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
