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
	DURING_ROUND

}
