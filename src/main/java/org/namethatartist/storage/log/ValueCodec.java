package org.namethatartist.storage.log;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Turns a store's values into JSON and back, so the log itself knows no value types.
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

	/** Writes one value at the generator's current position. */
	void write(JsonGenerator generator, V value);

}
