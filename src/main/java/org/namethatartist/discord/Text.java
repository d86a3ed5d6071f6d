package org.namethatartist.discord;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.TimeFormat;
import org.namethatartist.game.Standing;

/** Small pieces of text every message uses: names made harmless, numbers, medals, times. */
final class Text {

	/** The keycap emojis of buttons 1 to 9. */
	private static final String[] KEYCAPS = { "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣" };

	private static final String[] MEDALS = { "🥇", "🥈", "🥉" };

	/** Longer names are cut: an artwork's name must not push a message past Discord's limits. */
	static final int NAME_MAX = 200;

	/** The most players a scores list shows; the rest are counted. */
	static final int SCORES_SHOWN = 10;

	private Text() {
	}

	/**
	 * A name or title from outside (a username, an artwork's name, an artist's alias) as plain text:
	 * markdown escaped (JDA's sanitizer, plus masked links, mentions and headings, which it leaves), and a
	 * zero-width space after each {@code @} so that {@code @everyone} does not even look like a mention;
	 * on one line, and cut to {@value #NAME_MAX} characters. Messages also allow no mention at all, so
	 * nothing pings either way.
	 */
	static String plain(String text) {
		if (text == null || text.isBlank()) {
			return "(unnamed)";
		}
		// A backslash first: left alone, "\\[x\\](url)" would undo the escaping below and make a masked link.
		String escaped = MarkdownSanitizer.escape(shorten(oneLine(text), NAME_MAX).replace("\\", "\\\\"))
			.replace("[", "\\[")
			.replace("]", "\\]")
			.replace("<", "\\<")
			.replace("@", "@\u200B");
		return (escaped.startsWith("#") || escaped.startsWith("-")) ? "\\" + escaped : escaped;
	}

	/**
	 * On one line, without the invisible characters that reorder or hide text: line and paragraph
	 * separators become spaces; controls and bidirectional overrides and isolates (which can make a name read
	 * backwards, or the text after it) are dropped. Joiners stay: emojis need them.
	 */
	static String oneLine(String text) {
		StringBuilder line = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029 || c == 0x85) {
				line.append(' ');
			}
			else if (!Character.isISOControl(c) && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)
					&& c != 0x200E && c != 0x200F && c != 0x061C) {
				line.appendCodePoint(c);
			}
		});
		return line.toString();
	}

	/**
	 * Cut to {@code max} characters (UTF-16 units, as JDA counts them) with an ellipsis, for labels with a
	 * length limit. The cut falls between code points, and drops a joiner or variation selector left
	 * dangling at the end, so an emoji is never cut into a broken character Discord refuses.
	 */
	static String shorten(String text, int max) {
		String stripped = (text == null || text.isBlank()) ? "(unnamed)" : text.strip();
		if (stripped.length() <= max) {
			return stripped;
		}
		int end = max - 1;
		if (Character.isLowSurrogate(stripped.charAt(end)) && Character.isHighSurrogate(stripped.charAt(end - 1))) {
			end--;
		}
		while (end > 0 && isJoining(stripped.charAt(end - 1))) {
			end--;
		}
		return stripped.substring(0, end) + "…";
	}

	private static boolean isJoining(char c) {
		return c == '\u200D' || c == '\uFE0F' || c == '\uFE0E' || c == '\u20E3' || Character.isHighSurrogate(c);
	}

	static String number(long value) {
		return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
	}

	/** {@code 1 point}, {@code 1,234 points}. */
	static String count(long value, String one, String many) {
		return number(value) + " " + ((value == 1) ? one : many);
	}

	static String keycap(int number) {
		return (number >= 1 && number <= KEYCAPS.length) ? KEYCAPS[number - 1] : number + ".";
	}

	/** 🥇 🥈 🥉 for the first three, {@code **4.**} after. */
	static String rank(int rank) {
		return (rank >= 1 && rank <= MEDALS.length) ? MEDALS[rank - 1] : "**" + rank + ".**";
	}

	/** A Discord timestamp each reader sees in their own terms, such as "in 15 seconds". */
	static String relative(Instant at) {
		return TimeFormat.RELATIVE.format(at);
	}

	/** Whole seconds, rounded up: "in 3 s" is never said of 2.4 s left as "in 2 s". */
	static long seconds(Duration duration) {
		long millis = Math.max(0, duration.toMillis());
		return (millis + 999) / 1000;
	}

	/** One line per player, best first, medals for the top three, at most {@value #SCORES_SHOWN} lines. */
	static String scores(List<Standing> scores) {
		if (scores.isEmpty()) {
			return "Nobody has answered yet.";
		}
		StringBuilder lines = new StringBuilder();
		int rank = 0;
		int previousScore = Integer.MIN_VALUE;
		for (int i = 0; i < scores.size() && i < SCORES_SHOWN; i++) {
			Standing standing = scores.get(i);
			// Players on the same score share a rank.
			if (standing.score() != previousScore) {
				rank = i + 1;
				previousScore = standing.score();
			}
			lines.append(rank(rank))
				.append(' ')
				.append(plain(standing.username()))
				.append(" — ")
				.append(count(standing.score(), "point", "points"))
				.append('\n');
		}
		if (scores.size() > SCORES_SHOWN) {
			lines.append("…and ").append(count(scores.size() - SCORES_SHOWN, "more player", "more players"));
		}
		return lines.toString().strip();
	}

}
