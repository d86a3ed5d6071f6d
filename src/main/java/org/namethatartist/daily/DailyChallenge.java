package org.namethatartist.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A UTC day's challenge, the same for every player.
 * @param day the UTC day
 * @param number 1 on the configured first day, then one more each day
 * @param drawnAt when it was drawn (the first time somebody asked for it)
 * @param rounds the rounds in order
 */
public record DailyChallenge(LocalDate day, int number, Instant drawnAt, List<DailyRound> rounds) {

	public DailyChallenge {
		rounds = List.copyOf(rounds);
	}

	public DailyRound round(int number) {
		return this.rounds.get(number - 1);
	}

}
