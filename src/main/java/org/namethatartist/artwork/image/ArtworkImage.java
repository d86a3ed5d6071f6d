package org.namethatartist.artwork.image;

/**
 * A round's image as the bot serves it: re-encoded bytes with no metadata, ready to upload or serve. The
 * name players see is always {@code artwork.<extension>}: it says nothing about the artwork.
 *
 * @param bytes the encoded image; not copied, never modify it
 * @param format {@code JPEG}, {@code PNG} or {@code GIF}
 */
public record ArtworkImage(byte[] bytes, ImageFormat format) {

	/** The file name an upload carries: {@code artwork.jpg}, {@code artwork.png} or {@code artwork.gif}. */
	public String fileName() {
		return "artwork." + this.format.extension();
	}

	public String contentType() {
		return this.format.contentType();
	}

	@Override
	public String toString() {
		return "ArtworkImage[" + this.format + ", " + this.bytes.length + " B]";
	}

}
