package org.namethatartist.daily;

import java.time.Instant;

/** What asking for the next round of a day's challenge gives. */
public sealed interface NextOutcome {

	/**
	 * A round to answer: the one already open when there is one, else a new one.
	 * @param total the rounds of the challenge
	 * @param endsAt when the round's time runs out
	 */
	record Round(DailyChallenge challenge, DailyRound round, int total, Instant endsAt) implements NextOutcome {
	}

	/** Every round has been played. */
	record AllPlayed(DailyResult result) implements NextOutcome {
	}

	/** The day asked for is not today. */
	record NotToday(java.time.LocalDate today) implements NextOutcome {
	}

	/** There is no challenge: the catalogue has too few artworks. */
	record Unavailable(String reason) implements NextOutcome {
	}

}
