package org.namethatartist.web;

/**
 * Text from clients, as it may be shown back: which characters are never accepted in a name, and how
 * a client's text is quoted in an error message (shortened, with those characters replaced).
 */
final class Texts {

	private Texts() {
	}

	/**
	 * Control characters, line and paragraph separators, unpaired surrogates and the invisible
	 * characters that change the direction of the text around them (a name ending in U+202E reverses
	 * whatever a page shows after it).
	 */
	static boolean isForbidden(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				true;
			default -> isBidiControl(codePoint);
		};
	}

	private static boolean isBidiControl(int codePoint) {
		return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
				|| (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

	/** At most {@code max} code points of {@code text}, forbidden ones as U+FFFD, "…" when cut. */
	static String shown(String text, int max) {
		StringBuilder shown = new StringBuilder();
		int count = 0;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			if (count++ == max) {
				return shown.append('…').toString();
			}
			int codePoint = text.codePointAt(i);
			shown.appendCodePoint(isForbidden(codePoint) ? 0xFFFD : codePoint);
		}
		return shown.toString();
	}

}
