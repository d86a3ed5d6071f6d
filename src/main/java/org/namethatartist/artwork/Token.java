package org.namethatartist.artwork;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One artwork, member for member an entry of {@code tokens.json}'s {@code tokens}. The last three members
 * are ours, for the similarity of artists ({@link ArtistSimilarity}): when the token was minted (ISO-8601),
 * its objkt.com tags and its media type ({@code image/png}, {@code image/gif}, {@code video/mp4}…). They
 * are left out of the JSON when unknown, so a document without them reads and writes as before, and the
 * original's reader ignores them.
 */
public record Token(String tokenId, String name, String description, String imageUrl, String fullImageUrl,
		List<String> artists, String primaryArtist, String contract,
		@JsonInclude(JsonInclude.Include.NON_NULL) String timestamp,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
		@JsonInclude(JsonInclude.Include.NON_NULL) String mime) {

	public Token {
		artists = (artists != null) ? List.copyOf(artists) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	/** A token as the original's {@code tokens.json} has it: no mint date, tags or media type. */
	public Token(String tokenId, String name, String description, String imageUrl, String fullImageUrl,
			List<String> artists, String primaryArtist, String contract) {
		this(tokenId, name, description, imageUrl, fullImageUrl, artists, primaryArtist, contract, null, null, null);
	}

}
