package org.namethatartist.artwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aliases files: more names typed answers accept for an artist, as
 * {@code {"<artist address>": ["name", …], …}}. The demo's bundled one ({@value #DEMO_RESOURCE}: for example
 * "Rembrandt Harmenszoon van Rijn", "van Gogh") and the operator's {@code <data-dir>/aliases.json}.
 */
public final class ArtistAliases {

	/** The demo's aliases, in the jar. */
	public static final String DEMO_RESOURCE = "artwork/demo-aliases.json";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ArtistAliases() {
	}

	/** The demo's bundled aliases and those of {@code file} (when it exists), merged per artist. */
	public static Map<String, List<String>> load(Path file) {
		Map<String, List<String>> merged = new LinkedHashMap<>(bundledDemo());
		fromFile(file).forEach((artist, names) -> merged.merge(artist, names, (a, b) -> {
			List<String> both = new ArrayList<>(a);
			both.addAll(b);
			return List.copyOf(both);
		}));
		return Map.copyOf(merged);
	}

	/** The demo's bundled aliases. */
	public static Map<String, List<String>> bundledDemo() {
		try (InputStream in = ArtistAliases.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The demo aliases " + DEMO_RESOURCE + " are missing from the classpath");
			}
			return read(MAPPER.readTree(in), DEMO_RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The demo aliases " + DEMO_RESOURCE + " could not be read", ex);
		}
	}

	/**
	 * An aliases file; none when it does not exist.
	 * @throws IllegalStateException naming the file when it is not an object of arrays of strings
	 */
	public static Map<String, List<String>> fromFile(Path file) {
		try {
			return read(MAPPER.readTree(Files.readAllBytes(file)), file.toString());
		}
		catch (NoSuchFileException ex) {
			return Map.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The aliases file " + file + " could not be read", ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The aliases file " + file + " is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	static Map<String, List<String>> read(JsonNode root, String name) {
		if (root == null || !root.isObject()) {
			throw new IllegalStateException("The aliases file " + name
					+ " must be an object of artist addresses to lists of names, such as {\"tz1…\": [\"Ann\"]}");
		}
		Map<String, List<String>> aliases = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			List<String> names = new ArrayList<>();
			if (!entry.getValue().isArray()) {
				throw new IllegalStateException("The aliases file " + name + ": " + entry.getKey()
						+ " must have a list of names, such as [\"Ann\"]");
			}
			for (JsonNode value : entry.getValue()) {
				if (!value.isString()) {
					throw new IllegalStateException("The aliases file " + name + ": " + entry.getKey()
							+ " has a name that is not a string: " + value);
				}
				names.add(value.asString());
			}
			aliases.put(entry.getKey(), List.copyOf(names));
		}
		return aliases;
	}

}
