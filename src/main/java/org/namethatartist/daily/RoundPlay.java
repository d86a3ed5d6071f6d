package org.namethatartist.daily;

import java.time.Instant;

/**
 * What one player did with one round of a day's challenge.
 * @param number the round, 1-based
 * @param openedAt when the player first asked for it; its time runs from then
 * @param choice the button answered, or null when not answered (open, or expired)
 * @param answeredAt when the answer was taken, or null
 * @param closed true once answered or expired; a closed round is never shown again
 * @param correct whether the answer was right (false when expired)
 * @param points the round's points (0 when wrong or expired)
 */
public record RoundPlay(int number, Instant openedAt, Integer choice, Instant answeredAt, boolean closed,
		boolean correct, int points) {

	static RoundPlay opened(int number, Instant at) {
		return new RoundPlay(number, at, null, null, false, false, 0);
	}

	RoundPlay answered(int choice, Instant at, boolean correct, int points) {
		return new RoundPlay(this.number, this.openedAt, choice, at, true, correct, points);
	}

	RoundPlay expired() {
		return new RoundPlay(this.number, this.openedAt, null, null, true, false, 0);
	}

}
