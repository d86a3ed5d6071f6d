package org.namethatartist.daily;

import java.util.List;

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

	/** The right button. */
	public Choice answer() {
		return this.choices.get(this.correctChoice - 1);
	}

}
