package org.namethatartist.game;

/**
 * When players see an artwork's title ({@code game.show-title}): only with the reveal, since a title
 * such as "Self-portrait with Bandaged Ear" or a series name often names the artist; or during the round,
 * for communities that like it as a hint. Discord and the web page follow the same setting.
 */
public enum TitleShown {

	/** With the reveal, once the round is over: written {@code after-round}. The default. */
	AFTER_ROUND,

	/** Already while the round is open: written {@code during-round}. */
	DURING_ROUND;

	/** {@code after-round} or {@code during-round}, as settings write it. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** @throws IllegalArgumentException when the text is neither */
	public static TitleShown of(String key) {
		for (TitleShown shown : values()) {
			if (shown.key().equalsIgnoreCase(key)) {
				return shown;
			}
		}
		throw new IllegalArgumentException("allowed: after-round, during-round");
	}

}
