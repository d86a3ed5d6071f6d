package org.namethatartist.storage.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over JSON in exactly the shape this store writes it (no whitespace, members in the writer's
 * order, ASCII strings, plain integers), for replay's fast path. It reads only what it is sure Jackson
 * reads the same way; on anything else (another shape, whitespace, a non-ASCII byte, a fraction, a
 * number too long for its type, an unknown escape) it throws {@link #NOT_EXACT}, and the caller reads
 * the bytes with Jackson instead, so that path alone decides what is valid and what its errors say.
 *
 * <p>Not thread-safe: one per thread. It keeps a small cache of the short strings it read last, so the
 * strings that repeat from record to record (a key and the user id inside its value, the dates and game
 * ids of players who played the same game) are kept in memory once.
 */
public final class ExactJson {

	/** Thrown when the bytes are not in the exact shape: read them with Jackson instead. No stack trace. */
	public static final RuntimeException NOT_EXACT = new NotExact();

	private static final int CACHED_MAX_LENGTH = 40;

	private static final int CACHE_SIZE = 4096;

	/** Longest string read here; longer ones go to Jackson, whose limits then apply. */
	private static final int STRING_MAX_LENGTH = 1 << 16;

	private final String[] cache = new String[CACHE_SIZE];

	/** The bytes of each cached string. */
	private final byte[][] cachedBytes = new byte[CACHE_SIZE][];

	/** The hash of each cached string's bytes. */
	private final int[] cachedHashes = new int[CACHE_SIZE];

	private byte[] buf;

	private int pos;

	private int end;

	private StringBuilder escaped;

	/** Reads {@code buf[off, end)}. */
	public ExactJson reset(byte[] buf, int off, int end) {
		this.buf = buf;
		this.pos = off;
		this.end = end;
		return this;
	}

	byte[] buffer() {
		return this.buf;
	}

	public int position() {
		return this.pos;
	}

	/** Consumes {@code literal} when the bytes at the cursor are exactly it; otherwise leaves the cursor. */
	public boolean skip(byte[] literal) {
		int n = literal.length;
		if (this.end - this.pos < n) {
			return false;
		}
		byte[] b = this.buf;
		int p = this.pos;
		for (int i = 0; i < n; i++) {
			if (b[p + i] != literal[i]) {
				return false;
			}
		}
		this.pos = p + n;
		return true;
	}

	/** Consumes {@code literal}; throws {@link #NOT_EXACT} when the bytes at the cursor are not exactly it. */
	public void expect(byte[] literal) {
		if (!skip(literal)) {
			throw NOT_EXACT;
		}
	}

	/** The byte at the cursor, or -1 at the end. */
	public int peek() {
		return (this.pos < this.end) ? this.buf[this.pos] : -1;
	}

	/** A JSON string: ASCII, with the standard escapes. */
	public String string() {
		byte[] b = this.buf;
		int p = this.pos;
		if (p >= this.end || b[p] != '"') {
			throw NOT_EXACT;
		}
		int start = p + 1;
		int limit = Math.min(this.end, start + STRING_MAX_LENGTH);
		int hash = 0;
		for (int i = start; i < limit; i++) {
			int c = b[i];
			if (c == '"') {
				this.pos = i + 1;
				return plain(start, i - start, hash);
			}
			if (c < 0x20 || c == '\\') {
				// A control byte (Jackson refuses it unescaped), a byte of a multi-byte character (negative)
				// or an escape.
				if (c == '\\') {
					return withEscapes(start, limit);
				}
				throw NOT_EXACT;
			}
			hash = 31 * hash + c;
		}
		throw NOT_EXACT;
	}

	/** Passes over a JSON string as {@link #string} reads it, keeping nothing. */
	public void skipString() {
		byte[] b = this.buf;
		int p = this.pos;
		if (p >= this.end || b[p] != '"') {
			throw NOT_EXACT;
		}
		int start = p + 1;
		int limit = Math.min(this.end, start + STRING_MAX_LENGTH);
		for (int i = start; i < limit; i++) {
			int c = b[i];
			if (c == '"') {
				this.pos = i + 1;
				return;
			}
			if (c < 0x20 || c == '\\') {
				if (c == '\\') {
					withEscapes(start, limit);
					return;
				}
				throw NOT_EXACT;
			}
		}
		throw NOT_EXACT;
	}

	private String plain(int start, int length, int hash) {
		if (length > CACHED_MAX_LENGTH) {
			return new String(this.buf, start, length, StandardCharsets.ISO_8859_1);
		}
		int slot = (hash ^ (hash >>> 12)) & (CACHE_SIZE - 1);
		byte[] cached = this.cachedBytes[slot];
		if (cached != null && this.cachedHashes[slot] == hash
				&& Arrays.equals(cached, 0, cached.length, this.buf, start, start + length)) {
			return this.cache[slot];
		}
		byte[] bytes = Arrays.copyOfRange(this.buf, start, start + length);
		String read = new String(bytes, StandardCharsets.ISO_8859_1);
		this.cache[slot] = read;
		this.cachedBytes[slot] = bytes;
		this.cachedHashes[slot] = hash;
		return read;
	}

	private String withEscapes(int start, int limit) {
		StringBuilder out = this.escaped;
		if (out == null) {
			out = new StringBuilder(64);
			this.escaped = out;
		}
		out.setLength(0);
		byte[] b = this.buf;
		int i = start;
		while (i < limit) {
			int c = b[i++];
			if (c == '"') {
				this.pos = i;
				return out.toString();
			}
			if (c < 0x20) {
				throw NOT_EXACT;
			}
			if (c != '\\') {
				out.append((char) c);
				continue;
			}
			if (i >= limit) {
				throw NOT_EXACT;
			}
			int e = b[i++];
			switch (e) {
				case '"', '\\', '/' -> out.append((char) e);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (limit - i < 4) {
						throw NOT_EXACT;
					}
					int code = 0;
					for (int k = 0; k < 4; k++) {
						int digit = Character.digit(b[i++], 16);
						if (digit < 0) {
							throw NOT_EXACT;
						}
						code = (code << 4) | digit;
					}
					out.append((char) code);
				}
				default -> throw NOT_EXACT;
			}
		}
		throw NOT_EXACT;
	}

	/** A JSON integer that fits an {@code int}: {@code -?(0|[1-9][0-9]*)}, followed by {@code , } ]}. */
	public int intValue() {
		long value = integer(9);
		return (int) value;
	}

	/** A JSON integer that fits a {@code long} (up to 18 digits), followed by {@code , } ]}. */
	public long longValue() {
		return integer(18);
	}

	private long integer(int maxDigits) {
		byte[] b = this.buf;
		int p = this.pos;
		boolean negative = p < this.end && b[p] == '-';
		if (negative) {
			p++;
		}
		int first = p;
		long value = 0;
		while (p < this.end) {
			int c = b[p];
			if (c < '0' || c > '9') {
				break;
			}
			value = value * 10 + (c - '0');
			p++;
		}
		int digits = p - first;
		if (digits == 0 || digits > maxDigits || (digits > 1 && b[first] == '0') || p >= this.end) {
			throw NOT_EXACT;
		}
		int next = b[p];
		if (next != ',' && next != '}' && next != ']') {
			throw NOT_EXACT;
		}
		this.pos = p;
		return negative ? -value : value;
	}

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

	/** {@code true} or {@code false}, followed by {@code , } ]}. */
	public boolean booleanValue() {
		boolean value;
		if (skip(TRUE)) {
			value = true;
		}
		else if (skip(FALSE)) {
			value = false;
		}
		else {
			throw NOT_EXACT;
		}
		int next = peek();
		if (next != ',' && next != '}' && next != ']') {
			throw NOT_EXACT;
		}
		return value;
	}

	/** The bytes of {@code text} in US-ASCII, for the literals a codec expects. */
	public static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static final class NotExact extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotExact() {
			super("not in the exact shape; read with Jackson", null, false, false);
		}

	}

}
