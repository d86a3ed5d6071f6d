package org.namethatartist.storage.log;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Turns a store's values into JSON and back, so the log itself knows no value types. Replay may read
 * values on several threads at once: {@link #read} and {@link #readExact} must be thread-safe.
 *
 * @param <V> the type of the values kept under the store's keys
 */
public interface ValueCodec<V> {

	/**
	 * Reads one value. The parser stands on the value's first token; on return it must stand on the
	 * value's last token (as {@code ObjectMapper.readValue(JsonParser, Class)} leaves it). The value is
	 * a member of a bigger object, so a Jackson 3 mapper must read it with
	 * {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS} disabled (it is enabled by default), e.g.
	 * {@code mapper.readerFor(type).without(FAIL_ON_TRAILING_TOKENS).readValue(parser)}.
	 */
	V read(JsonParser parser);

	/**
	 * Reads one value in exactly the shape {@link #write} gives it, without Jackson: replay's fast path.
	 * The cursor stands on the value's first byte; on return it must stand just after the value's last
	 * byte. Returns null (the default) when this codec has no such path; throws
	 * {@link ExactJson#NOT_EXACT} when the bytes are not in that shape. What it returns must be what
	 * {@link #read} returns for the same bytes: replay then reads with {@link #read} whenever this does
	 * not answer, so this path never decides that a value is valid or not.
	 */
	default V readExact(ExactJson in) {
		return null;
	}

	/** Writes one value at the generator's current position. */
	void write(JsonGenerator generator, V value);

}
