package org.namethatartist.artwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalogue bundled in the jar ({@value #RESOURCE}): well-known public-domain paintings and
 * prints, in the {@code tokens.json} shape, named as {@link DemoTokens} describes. It lets the game run
 * with no objkt.com and no cache, and is never written to the {@link TokenCache}. The resource is part of
 * the build, so a resource that does not read is a bug: loading it throws rather than serving less.
 */
public final class DemoCatalogue {

	/** The classpath resource holding the catalogue. */
	public static final String RESOURCE = "artwork/demo-tokens.json";

	/** The source name of a catalogue built from it, as operators see it. */
	public static final String SOURCE = "demo";

	// Strict, unlike the token cache's reader: a misspelt or missing member here is a mistake in the file.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private DemoCatalogue() {
	}

	/**
	 * The bundled document.
	 * @throws IllegalStateException when the resource is missing or does not have the {@code tokens.json}
	 * shape
	 */
	public static TokenDocument load() {
		try (InputStream in = DemoCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The demo catalogue " + RESOURCE + " is missing from the classpath");
			}
			return read(in, RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The demo catalogue " + RESOURCE + " could not be read", ex);
		}
	}

	/**
	 * Every token of the bundled document. Demo artists all have names, so none is excluded as
	 * unresolved, whatever {@code artwork.objkt.exclude-unresolved-artists} says.
	 */
	public static TokenCatalog catalog() {
		return TokenCatalog.of(SOURCE, load(), false);
	}

	static TokenDocument read(InputStream in, String name) {
		try {
			return MAPPER.readValue(in, TokenDocument.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(
					"The demo catalogue " + name + " does not have the tokens.json shape: " + ex.getMessage(), ex);
		}
	}

}
