package org.namethatartist.artwork;

import java.util.List;

/** One artwork, member for member an entry of {@code tokens.json}'s {@code tokens}. */
public record Token(String tokenId, String name, String description, String imageUrl, String fullImageUrl,
		List<String> artists, String primaryArtist, String contract) {

	public Token {
		artists = (artists != null) ? List.copyOf(artists) : List.of();
	}

	/**
	 * The content id of hic et nunc's generic thumbnail: every OBJKT minted there has it, so it says nothing
	 * about the artwork and counts as no image, in whatever gateway's address it appears.
	 */
	public static final String PLACEHOLDER_CID = "QmNrhZHUaEqxhyLfqoq1mtHSipkWHeT31LNHb1QEbDHgnc";

	/**
	 * The image players see, as the original's rounds show it: the display image ({@code fullImageUrl},
	 * display first, else the artifact), else {@code imageUrl} (thumbnail first); the placeholder thumbnail
	 * and blanks are skipped. {@code null} when the token has no image.
	 */
	public String shownImageUrl() {
		if (isImage(this.fullImageUrl)) {
			return this.fullImageUrl.strip();
		}
		return isImage(this.imageUrl) ? this.imageUrl.strip() : null;
	}

	private static boolean isImage(String url) {
		return url != null && !url.isBlank() && !url.contains(PLACEHOLDER_CID);
	}

}
