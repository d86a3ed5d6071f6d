package org.namethatartist.artwork;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An artist as {@code tokens.json} keeps it: the name shown to players, whether it came from an alias or
 * a Tezos domain ({@code hasResolution}), and the profile it was resolved from. {@code movement} and
 * {@code century} are ours, known for the demo's painters (for example "Baroque", 17), left out of the
 * JSON when unknown.
 */
public record ArtistInfo(String displayName, boolean hasResolution, ArtistProfile info,
		@JsonInclude(JsonInclude.Include.NON_NULL) String movement,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer century) {

	/** An artist as the original's {@code tokens.json} has it. */
	public ArtistInfo(String displayName, boolean hasResolution, ArtistProfile info) {
		this(displayName, hasResolution, info, null, null);
	}

}
