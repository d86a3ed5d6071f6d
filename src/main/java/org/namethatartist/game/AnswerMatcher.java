package org.namethatartist.game;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Decides whether a typed answer names an artist. Immutable, built once per catalogue; safe to share.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>Both sides are normalised: Unicode NFKD with the accents dropped, lower case, every character that
 * is not a letter or a digit (punctuation, emoji, symbols) taken as a space, spaces collapsed, a leading
 * "the " and a trailing ".tez" dropped. A name with no letter or digit left (an emoji-only alias) is
 * compared as typed, spaces and variation selectors aside.</li>
 * <li>An artist answers to each of its names: display name, alias, Tezos domain, the aliases file's
 * names, its full address, and its short form ({@code tz1abc…wxyz} or {@code tz1abcd...wxyz}: a prefix
 * of at least six characters and a suffix of at least four).</li>
 * <li>Equal after normalisation is {@link Kind#EXACT}.</li>
 * <li>Otherwise a typo is tolerated by the Damerau-Levenshtein distance (Apache Commons Text; a swap
 * of two neighbours counts one), against the name's normalised length: up to 4 characters none, 5 to 7
 * one, 8 to 12 two, longer three ({@link #allowedTypos(int)}). Addresses take no typos.</li>
 * <li>A close answer is refused when some other artist of the catalogue has a name at the same
 * distance or nearer: a guess between two artists is not a right answer.</li>
 * </ol>
 */
public final class AnswerMatcher {

	/** How a typed answer was taken. */
	public enum Kind {

		/** One of the artist's names, after normalisation. */
		EXACT,

		/** Within the typos a name of its length allows, and nearer the right artist than any other. */
		CLOSE,

		/** Not the right artist. */
		NONE;

		/** {@code exact}, {@code close} or {@code none}, as the web API says it. */
		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The result of matching.
	 * @param kind how the answer was taken
	 * @param typed what the player typed, trimmed, for "close enough (you typed …)"
	 * @param name the artist's name it was matched to, or null for {@link Kind#NONE}
	 */
	public record Match(Kind kind, String typed, String name) {

		public boolean accepted() {
			return this.kind != Kind.NONE;
		}

	}

	/**
	 * One artist of the catalogue and every name it answers to.
	 * @param address the artist's key in the catalogue (a Tezos address, or the demo's id)
	 * @param names display name, alias, domain, aliases from the aliases file; blanks and nulls are ignored
	 */
	public record ArtistNames(String address, List<String> names) {

		public ArtistNames {
			names = (names != null) ? names.stream().filter((n) -> n != null && !n.isBlank()).toList() : List.of();
		}

	}

	/** The longest answer looked at; longer input is refused without comparing. */
	public static final int MAX_ANSWER_LENGTH = 200;

	private static final Pattern SHORT_ADDRESS = Pattern
		.compile("^([a-z0-9]{6,})\\s*(?:\\.{2,3}|…)\\s*([a-z0-9]{4,})$", Pattern.CASE_INSENSITIVE);

	private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

	private final Map<String, List<String>> normalisedNames = new LinkedHashMap<>();

	private final Map<String, List<String>> rawNames = new LinkedHashMap<>();

	public AnswerMatcher(Collection<ArtistNames> artists) {
		for (ArtistNames artist : artists) {
			List<String> normalised = this.normalisedNames.computeIfAbsent(artist.address(), (k) -> new ArrayList<>());
			List<String> raw = this.rawNames.computeIfAbsent(artist.address(), (k) -> new ArrayList<>());
			for (String name : artist.names()) {
				String n = normalise(name);
				if (!n.isEmpty() && !normalised.contains(n)) {
					normalised.add(n);
					raw.add(name.strip());
				}
				else if (n.isEmpty()) {
					String symbols = symbols(name);
					if (!symbols.isEmpty()) {
						normalised.add("\u0000" + symbols);
						raw.add(name.strip());
					}
				}
			}
		}
	}

	/** Whether {@code typed} names the artist at {@code address}. */
	public Match match(String typed, String address) {
		String trimmed = (typed != null) ? typed.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_ANSWER_LENGTH || address == null) {
			return new Match(Kind.NONE, trimmed, null);
		}
		if (isAddressOf(trimmed, address)) {
			return new Match(Kind.EXACT, trimmed, address);
		}
		String answer = normalise(trimmed);
		String key = answer.isEmpty() ? "\u0000" + symbols(trimmed) : answer;
		if (key.equals("\u0000")) {
			return new Match(Kind.NONE, trimmed, null);
		}
		List<String> names = this.normalisedNames.getOrDefault(address, List.of());
		List<String> raw = this.rawNames.getOrDefault(address, List.of());
		int best = Integer.MAX_VALUE;
		String bestName = null;
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (name.equals(key)) {
				return new Match(Kind.EXACT, trimmed, raw.get(i));
			}
			if (name.startsWith("\u0000") || answer.isEmpty()) {
				continue;
			}
			int allowed = allowedTypos(name.length());
			if (allowed == 0) {
				continue;
			}
			int distance = DISTANCE.apply(answer, name);
			if (distance <= allowed && distance < best) {
				best = distance;
				bestName = raw.get(i);
			}
		}
		if (bestName == null || nearerToAnother(answer, address, best)) {
			return new Match(Kind.NONE, trimmed, null);
		}
		return new Match(Kind.CLOSE, trimmed, bestName);
	}

	/**
	 * The typos a name of this normalised length tolerates: none up to 4 characters ("air" is not
	 * "chair"), one from 5 to 7, two from 8 to 12, three beyond.
	 */
	public static int allowedTypos(int length) {
		if (length <= 4) {
			return 0;
		}
		if (length <= 7) {
			return 1;
		}
		return (length <= 12) ? 2 : 3;
	}

	/**
	 * Lower case without accents, punctuation or emoji, spaces collapsed, without a leading "the" or a
	 * trailing ".tez".
	 */
	public static String normalise(String text) {
		String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
		s = s.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
		if (s.endsWith(".tez")) {
			s = s.substring(0, s.length() - 4);
		}
		StringBuilder out = new StringBuilder(s.length());
		boolean space = true;
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetterOrDigit(cp)) {
				out.appendCodePoint(cp);
				space = false;
			}
			else if (!space) {
				out.append(' ');
				space = true;
			}
		}
		String result = out.toString().strip();
		if (result.startsWith("the ")) {
			result = result.substring(4);
		}
		return result;
	}

	/** An emoji-only name as typed: without whitespace and variation selectors. */
	private static String symbols(String text) {
		StringBuilder out = new StringBuilder();
		text.strip().codePoints()
			.filter((cp) -> !Character.isWhitespace(cp) && !(cp >= 0xFE00 && cp <= 0xFE0F) && cp != 0x200D)
			.forEach(out::appendCodePoint);
		return out.toString();
	}

	private boolean nearerToAnother(String answer, String address, int distance) {
		for (Map.Entry<String, List<String>> other : this.normalisedNames.entrySet()) {
			if (other.getKey().equals(address)) {
				continue;
			}
			for (String name : other.getValue()) {
				if (name.startsWith("\u0000")) {
					continue;
				}
				if (Math.abs(name.length() - answer.length()) > distance) {
					continue;
				}
				if (DISTANCE.apply(answer, name) <= distance) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isAddressOf(String typed, String address) {
		if (!looksLikeAddress(address)) {
			return false;
		}
		String compact = typed.replaceAll("\\s+", "");
		if (compact.equalsIgnoreCase(address)) {
			return true;
		}
		Matcher m = SHORT_ADDRESS.matcher(compact);
		if (!m.matches()) {
			return false;
		}
		String prefix = m.group(1).toLowerCase(Locale.ROOT);
		String suffix = m.group(2).toLowerCase(Locale.ROOT);
		String lower = address.toLowerCase(Locale.ROOT);
		return prefix.length() + suffix.length() < lower.length() && lower.startsWith(prefix) && lower.endsWith(suffix);
	}

	private static boolean looksLikeAddress(String address) {
		return address.length() >= 30 && (address.startsWith("tz") || address.startsWith("KT"));
	}

}
