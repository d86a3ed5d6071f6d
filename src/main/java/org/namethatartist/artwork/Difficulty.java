package org.namethatartist.artwork;

import java.util.Locale;

/**
 * How a round's wrong answers are chosen. {@link #EASY}: at random. {@link #NORMAL}: at least one is
 * similar to the right artist ({@link ArtistSimilarity}). {@link #HARD}: all are as similar as the
 * catalogue allows.
 */
public enum Difficulty {

	EASY, NORMAL, HARD;

	/** {@code easy}, {@code normal} or {@code hard}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The difficulty named {@code key}, in any case.
	 * @throws IllegalArgumentException naming the values allowed
	 */
	public static Difficulty of(String key) {
		for (Difficulty d : values()) {
			if (d.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
				return d;
			}
		}
		throw new IllegalArgumentException("difficulty '" + key + "' is not one of easy, normal, hard");
	}

}
