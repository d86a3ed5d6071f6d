package org.namethatartist.storage.appendlog;

import org.namethatartist.storage.log.ValueCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.NullNode;

/** Values kept as JSON trees, for the small stores whose entries are passed through or mapped late. */
final class JsonNodeCodec implements ValueCodec<JsonNode> {

	private final ObjectMapper mapper;

	private final ObjectReader reader;

	JsonNodeCodec(ObjectMapper mapper) {
		this.mapper = mapper;
		// A value sits inside a log line or a JSON file: what follows it is not ours to judge.
		this.reader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	@Override
	public JsonNode read(JsonParser parser) {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return NullNode.getInstance();
		}
		return this.reader.readValue(parser);
	}

	@Override
	public void write(JsonGenerator generator, JsonNode value) {
		this.mapper.writeTree(generator, value);
	}

}
