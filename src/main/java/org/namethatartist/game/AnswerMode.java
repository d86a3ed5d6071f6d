package org.namethatartist.game;

import java.util.Locale;

/** How players answer a game's rounds: by choosing a button, or by typing the artist's name. */
public enum AnswerMode {

	BUTTONS, TYPED;

	/** {@code buttons} or {@code typed}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The mode named {@code key}, in any case.
	 * @throws IllegalArgumentException naming the values allowed
	 */
	public static AnswerMode of(String key) {
		for (AnswerMode mode : values()) {
			if (mode.key().equalsIgnoreCase((key == null) ? "" : key.strip())) {
				return mode;
			}
		}
		throw new IllegalArgumentException("answers '" + key + "' is not one of buttons, typed");
	}

}
