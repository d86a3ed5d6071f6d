package org.namethatartist.storage.log;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * Indents JSON exactly as JavaScript's {@code JSON.stringify(value, null, 2)} does, so the JSON files
 * look the same whether the original bot or we wrote them: two spaces per level, {@code "key": value},
 * every array element on its own line, and {@code {}} / {@code []} for empty containers.
 */
final class NodeStylePrettyPrinter implements PrettyPrinter {

	private int depth;

	@Override
	public void writeRootValueSeparator(JsonGenerator gen) {
		gen.writeRaw('\n');
	}

	@Override
	public void writeStartObject(JsonGenerator gen) {
		gen.writeRaw('{');
		this.depth++;
	}

	@Override
	public void beforeObjectEntries(JsonGenerator gen) {
		newLine(gen);
	}

	@Override
	public void writeObjectNameValueSeparator(JsonGenerator gen) {
		gen.writeRaw(": ");
	}

	@Override
	public void writeObjectEntrySeparator(JsonGenerator gen) {
		gen.writeRaw(',');
		newLine(gen);
	}

	@Override
	public void writeEndObject(JsonGenerator gen, int entries) {
		this.depth--;
		if (entries > 0) {
			newLine(gen);
		}
		gen.writeRaw('}');
	}

	@Override
	public void writeStartArray(JsonGenerator gen) {
		gen.writeRaw('[');
		this.depth++;
	}

	@Override
	public void beforeArrayValues(JsonGenerator gen) {
		newLine(gen);
	}

	@Override
	public void writeArrayValueSeparator(JsonGenerator gen) {
		gen.writeRaw(',');
		newLine(gen);
	}

	@Override
	public void writeEndArray(JsonGenerator gen, int values) {
		this.depth--;
		if (values > 0) {
			newLine(gen);
		}
		gen.writeRaw(']');
	}

	private void newLine(JsonGenerator gen) {
		gen.writeRaw('\n');
		for (int i = 0; i < this.depth; i++) {
			gen.writeRaw("  ");
		}
	}

}
