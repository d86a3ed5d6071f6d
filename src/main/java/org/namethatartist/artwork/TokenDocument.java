package org.namethatartist.artwork;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole {@code tokens.json} document: when it was fetched, the tokens, and the artists by address.
 */
public record TokenDocument(String lastUpdated, int count, List<Token> tokens, Map<String, ArtistInfo> artistInfo) {

	public TokenDocument {
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
		// Keeps the document's order of artists, so tokens.json reads the same after a round trip.
		artistInfo = (artistInfo != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(artistInfo)) : Map.of();
	}

}
