package org.namethatartist.artwork.image;

/**
 * Why an artwork's image cannot be had: the kind (for metrics and the negative cache) and a one-line
 * message for the log and the health details. Never shown to players as it is.
 */
public class ImageException extends RuntimeException {

	/** What went wrong, as metrics count it. */
	public enum Kind {

		/** The token has no image address (or only the hic et nunc placeholder). */
		NO_SOURCE,

		/** The server could not be reached, or closed the connection. */
		CONNECTION,

		/** Connecting, or reading the whole body, took too long. */
		TIMEOUT,

		/** The server answered with a status other than 2xx. */
		HTTP_STATUS,

		/** The body is larger than the pipeline reads. */
		TOO_LARGE,

		/** The bytes are not a JPEG, PNG, GIF or WebP: a video, a page, SVG... */
		NOT_AN_IMAGE,

		/** The image declares more pixels than the pipeline decodes (a decompression bomb, or just huge). */
		TOO_MANY_PIXELS,

		/** The bytes claim to be an image but do not decode: truncated or damaged. */
		UNREADABLE

	}

	private final Kind kind;

	public ImageException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public ImageException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
