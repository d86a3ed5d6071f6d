package org.namethatartist.daily;

import java.util.List;

import org.namethatartist.artwork.Token;
import org.namethatartist.game.Choice;

/**
 * One round of a day's challenge, fixed when the challenge is drawn.
 * @param number 1-based
 * @param tokenKey the artwork ({@code contract:tokenId})
 * @param imageUrl the image shown (never the hic et nunc placeholder: only playable tokens are drawn)
 * @param choices the buttons, in order
 * @param correctChoice the number of the right button
 * @param title the artwork's title, told only after the answer
 * @param link the artwork's page, told only after the answer
 */
public record DailyRound(int number, String tokenKey, String imageUrl, List<Choice> choices, int correctChoice,
		String title, String link) {

	public DailyRound {
		choices = List.copyOf(choices);
		if (correctChoice < 1 || correctChoice > choices.size()) {
			throw new IllegalArgumentException("the right choice " + correctChoice + " is not among " + choices.size());
		}
	}

	/**
	 * The round's artwork as the image pipeline needs it (its key's contract and id, its image, its title),
	 * whether or not the catalogue still holds it.
	 */
	public Token token() {
		int colon = this.tokenKey.indexOf(':');
		String contract = (colon > 0) ? this.tokenKey.substring(0, colon) : null;
		String tokenId = (colon > 0) ? this.tokenKey.substring(colon + 1) : this.tokenKey;
		return new Token(tokenId, this.title, "", null, this.imageUrl, List.of(), null, contract);
	}

	/** The right button. */
	public Choice answer() {
		return this.choices.get(this.correctChoice - 1);
	}

}
