package org.namethatartist.storage.appendlog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.namethatartist.storage.log.StoreState;
import tools.jackson.databind.JsonNode;

/**
 * A small store's state in insertion order (so its JSON file reads like the original's). The trees it
 * holds are never changed after they are put.
 */
final class JsonTable implements StoreState<JsonNode> {

	private final Map<String, JsonNode> entries = new LinkedHashMap<>();

	@Override
	public synchronized void replayPut(String key, JsonNode value) {
		this.entries.put(key, value);
	}

	@Override
	public synchronized void replayRemove(String key) {
		this.entries.remove(key);
	}

	synchronized JsonNode get(String key) {
		return this.entries.get(key);
	}

	synchronized boolean isEmpty() {
		return this.entries.isEmpty();
	}

	synchronized List<Map.Entry<String, JsonNode>> entries() {
		return this.entries.entrySet().stream().map((e) -> Map.entry(e.getKey(), e.getValue())).toList();
	}

	@Override
	public void forEachEntry(BiConsumer<String, JsonNode> action) {
		for (Map.Entry<String, JsonNode> entry : entries()) {
			action.accept(entry.getKey(), entry.getValue());
		}
	}

}
