package org.namethatartist.artwork;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How the bundled demo catalogue names its artworks: contract {@value #CONTRACT} and, as token id, the
 * artwork's file name on Wikimedia Commons, from which its page and image addresses follow.
 */
public final class DemoTokens {

	/** The contract of every demo token: no Tezos contract starts this way. */
	public static final String CONTRACT = "wikimedia-commons";

	private DemoTokens() {
	}

	/** The file's page on Wikimedia Commons: licence, author, date. */
	public static String pageUrl(String fileName) {
		return "https://commons.wikimedia.org/wiki/File:" + encode(fileName);
	}

	/** The image scaled by Commons to {@code width} pixels (Commons redirects to its own thumbnail). */
	public static String imageUrl(String fileName, int width) {
		return "https://commons.wikimedia.org/wiki/Special:FilePath/" + encode(fileName) + "?width=" + width;
	}

	private static String encode(String fileName) {
		return URLEncoder.encode(fileName.replace(' ', '_'), StandardCharsets.UTF_8).replace("+", "%20");
	}

}
