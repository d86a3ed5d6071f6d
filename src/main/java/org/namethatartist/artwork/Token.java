package org.namethatartist.artwork;

import java.util.List;

/** One artwork, member for member an entry of {@code tokens.json}'s {@code tokens}. */
public record Token(String tokenId, String name, String description, String imageUrl, String fullImageUrl,
		List<String> artists, String primaryArtist, String contract) {

	public Token {
		artists = (artists != null) ? List.copyOf(artists) : List.of();
	}

}
