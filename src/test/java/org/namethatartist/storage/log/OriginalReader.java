package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The original bot's log reader, as docs/ORIGINAL_BOT.md describes it, for checking that what we write
 * stays readable by it: every line parsed as JSON (one that does not parse, a NUL byte included, fails the
 * whole read, as the original's {@code JSON.parse} does); {@code SET} with a key sets it, {@code SET} with
 * {@code data} and {@code CHECKPOINT} merge their members into the state ({@code Object.assign}),
 * {@code DELETE} removes the key. Our {@code crc} member is one more member it ignores.
 */
final class OriginalReader {

	private OriginalReader() {
	}

	static Map<String, JsonNode> read(Path log) throws IOException {
		Map<String, JsonNode> state = new LinkedHashMap<>();
		for (String line : Files.readString(log, StandardCharsets.UTF_8).split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			if (line.indexOf('\0') >= 0) {
				throw new IllegalStateException("a NUL byte: JSON.parse fails on the whole log");
			}
			JsonNode record = LogTestSupport.MAPPER.readTree(line);
			switch (record.required("op").asString()) {
				case "SET" -> {
					if (record.has("key")) {
						state.put(record.required("key").asString(), record.required("value"));
					}
					else {
						record.required("data").properties().forEach((member) -> state.put(member.getKey(), member.getValue()));
					}
				}
				case "DELETE" -> state.remove(record.required("key").asString());
				case "CHECKPOINT" -> record.required("state").properties()
					.forEach((member) -> state.put(member.getKey(), member.getValue()));
				default -> throw new IllegalStateException("an op the original does not know: " + line);
			}
		}
		return state;
	}

}
