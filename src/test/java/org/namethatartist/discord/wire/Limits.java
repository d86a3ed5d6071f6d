package org.namethatartist.discord.wire;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Discord's limits on what a bot sends, as the fake enforces them (Discord's API reference, "Message",
 * "Embed limits" and "Component reference"). Text is counted in code points.
 */
final class Limits {

	static final int CONTENT = 2000;

	static final int EMBEDS = 10;

	static final int TITLE = 256;

	static final int DESCRIPTION = 4096;

	static final int FIELDS = 25;

	static final int FIELD_NAME = 256;

	static final int FIELD_VALUE = 1024;

	static final int FOOTER = 2048;

	static final int AUTHOR = 256;

	static final int EMBED_TOTAL = 6000;

	static final int ROWS = 5;

	static final int BUTTONS_PER_ROW = 5;

	static final int CUSTOM_ID = 100;

	static final int BUTTON_LABEL = 80;

	static final int MODAL_TITLE = 45;

	static final int INPUT_LABEL = 45;

	private Limits() {
	}

	/** The first limit the message breaks, said as Discord's error would, or null when it keeps to all. */
	static String check(JsonNode message) {
		String content = message.path("content").asString("");
		if (length(content) > CONTENT) {
			return "content: must be " + CONTENT + " or fewer in length (" + length(content) + ")";
		}
		JsonNode embeds = message.path("embeds");
		if (embeds.size() > EMBEDS) {
			return "embeds: must be " + EMBEDS + " or fewer (" + embeds.size() + ")";
		}
		int total = 0;
		for (int i = 0; i < embeds.size(); i++) {
			JsonNode embed = embeds.get(i);
			String problem = over("embeds." + i + ".title", embed.path("title"), TITLE);
			problem = (problem != null) ? problem : over("embeds." + i + ".description", embed.path("description"), DESCRIPTION);
			problem = (problem != null) ? problem : over("embeds." + i + ".footer.text", embed.path("footer").path("text"), FOOTER);
			problem = (problem != null) ? problem : over("embeds." + i + ".author.name", embed.path("author").path("name"), AUTHOR);
			if (problem != null) {
				return problem;
			}
			JsonNode fields = embed.path("fields");
			if (fields.size() > FIELDS) {
				return "embeds." + i + ".fields: must be " + FIELDS + " or fewer (" + fields.size() + ")";
			}
			for (int f = 0; f < fields.size(); f++) {
				JsonNode field = fields.get(f);
				problem = over("embeds." + i + ".fields." + f + ".name", field.path("name"), FIELD_NAME);
				problem = (problem != null) ? problem : over("embeds." + i + ".fields." + f + ".value", field.path("value"), FIELD_VALUE);
				if (problem != null) {
					return problem;
				}
				total += length(field.path("name").asString("")) + length(field.path("value").asString(""));
			}
			total += length(embed.path("title").asString("")) + length(embed.path("description").asString(""))
					+ length(embed.path("footer").path("text").asString(""))
					+ length(embed.path("author").path("name").asString(""));
		}
		if (total > EMBED_TOTAL) {
			return "embeds: the total of their text must be " + EMBED_TOTAL + " or fewer (" + total + ")";
		}
		return components(message.path("components"));
	}

	private static String components(JsonNode rows) {
		if (rows.size() > ROWS) {
			return "components: must be " + ROWS + " or fewer rows (" + rows.size() + ")";
		}
		Set<String> ids = new HashSet<>();
		for (int r = 0; r < rows.size(); r++) {
			JsonNode row = rows.get(r);
			if (row.path("type").asInt() != 1) {
				return "components." + r + ": a top-level component must be an action row (type 1)";
			}
			JsonNode buttons = row.path("components");
			if (buttons.isEmpty() || buttons.size() > BUTTONS_PER_ROW) {
				return "components." + r + ".components: must be 1 to " + BUTTONS_PER_ROW + " (" + buttons.size() + ")";
			}
			for (int b = 0; b < buttons.size(); b++) {
				JsonNode button = buttons.get(b);
				String where = "components." + r + ".components." + b;
				if (button.path("type").asInt() != 2) {
					continue;
				}
				String problem = over(where + ".label", button.path("label"), BUTTON_LABEL);
				if (problem != null) {
					return problem;
				}
				int style = button.path("style").asInt();
				if (style == 5) {
					if (!button.path("url").isString()) {
						return where + ".url: a link button needs a url";
					}
					continue;
				}
				String id = button.path("custom_id").asString("");
				if (id.isEmpty() || length(id) > CUSTOM_ID) {
					return where + ".custom_id: must be 1 to " + CUSTOM_ID + " in length (" + length(id) + ")";
				}
				if (!ids.add(id)) {
					return where + ".custom_id: component custom id cannot be duplicated (" + id + ")";
				}
			}
		}
		return null;
	}

	/** The first limit a modal breaks, or null. */
	static String checkModal(JsonNode modal) {
		String id = modal.path("custom_id").asString("");
		if (id.isEmpty() || length(id) > CUSTOM_ID) {
			return "custom_id: must be 1 to " + CUSTOM_ID + " in length (" + length(id) + ")";
		}
		String title = modal.path("title").asString("");
		if (title.isEmpty() || length(title) > MODAL_TITLE) {
			return "title: must be 1 to " + MODAL_TITLE + " in length (" + length(title) + ")";
		}
		JsonNode rows = modal.path("components");
		if (rows.isEmpty() || rows.size() > ROWS) {
			return "components: must be 1 to " + ROWS + " (" + rows.size() + ")";
		}
		for (int r = 0; r < rows.size(); r++) {
			JsonNode row = rows.get(r);
			// An action row of one text input, or a label (type 18) around one.
			JsonNode input = (row.path("type").asInt() == 18) ? row.path("component") : row.path("components").path(0);
			JsonNode label = (row.path("type").asInt() == 18) ? row.path("label") : input.path("label");
			String problem = over("components." + r + ".label", label, INPUT_LABEL);
			if (problem != null) {
				return problem;
			}
			String inputId = input.path("custom_id").asString("");
			if (inputId.isEmpty() || length(inputId) > CUSTOM_ID) {
				return "components." + r + ".custom_id: must be 1 to " + CUSTOM_ID + " in length";
			}
		}
		return null;
	}

	private static String over(String where, JsonNode text, int max) {
		int length = length(text.asString(""));
		return (length > max) ? where + ": must be " + max + " or fewer in length (" + length + ")" : null;
	}

	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

}
