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
