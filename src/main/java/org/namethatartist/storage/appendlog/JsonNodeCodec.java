package org.namethatartist.storage.appendlog;

import org.namethatartist.storage.log.ValueCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Values kept as JSON trees, for the small stores whose entries are passed through or mapped late. */
final class JsonNodeCodec implements ValueCodec<JsonNode> {

	private final ObjectMapper mapper;

	JsonNodeCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public JsonNode read(JsonParser parser) {
		return this.mapper.readTree(parser);
	}

	@Override
	public void write(JsonGenerator generator, JsonNode value) {
		this.mapper.writeTree(generator, value);
	}

}
