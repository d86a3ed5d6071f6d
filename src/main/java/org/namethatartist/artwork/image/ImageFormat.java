package org.namethatartist.artwork.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The image formats the pipeline reads, told apart by their first bytes (magic numbers), never by what a
 * server says the body is: an IPFS gateway often answers {@code application/octet-stream}, and a page
 * that says {@code image/jpeg} may be an HTML error page. Only the first three are ever written.
 */
public enum ImageFormat {

	JPEG("jpg", "image/jpeg"), PNG("png", "image/png"), GIF("gif", "image/gif"), WEBP("webp", "image/webp");

	private final String extension;

	private final String contentType;

	ImageFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	/** The file name extension, without its dot. */
	public String extension() {
		return this.extension;
	}

	public String contentType() {
		return this.contentType;
	}

	/** How many leading bytes {@link #sniff} needs to tell every format apart. */
	static final int SNIFF_BYTES = 16;

	/**
	 * The format of a body by its first bytes.
	 * @throws ImageException ({@link ImageException.Kind#NOT_AN_IMAGE}) naming what the bytes look like
	 * instead (a page, a video, SVG) when they are none of the four
	 */
	static ImageFormat sniff(byte[] head) {
		if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (startsWith(head, 0, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9')
				&& head[5] == 'a') {
			return GIF;
		}
		if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
			return WEBP;
		}
		throw new ImageException(ImageException.Kind.NOT_AN_IMAGE, "no playable image: " + describe(head));
	}

	/** What a body that is not one of our images seems to be, for the log and the health details. */
	private static String describe(byte[] head) {
		if (head.length == 0) {
			return "the body is empty";
		}
		if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
			return "a video (MP4 or QuickTime)";
		}
		if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
			return "a video (WebM or Matroska)";
		}
		String text = new String(head, 0, Math.min(head.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		if (text.startsWith("<svg") || text.startsWith("<?xml")) {
			return "SVG or XML";
		}
		if (text.startsWith("<")) {
			return "an HTML page";
		}
		if (startsWith(head, 0, '%', 'P', 'D', 'F')) {
			return "a PDF document";
		}
		if (startsWith(head, 0, 'P', 'K', 0x03, 0x04)) {
			return "a ZIP archive";
		}
		return "unknown content starting " + HexBytes.of(Arrays.copyOf(head, Math.min(head.length, 8)));
	}

	private static boolean startsWith(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	private static final class HexBytes {

		static String of(byte[] bytes) {
			return java.util.HexFormat.ofDelimiter(" ").formatHex(bytes);
		}

	}

}
