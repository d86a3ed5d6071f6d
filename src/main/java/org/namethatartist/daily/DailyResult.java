package org.namethatartist.daily;

import java.time.LocalDate;
import java.util.List;

/**
 * A player's day as shown to them.
 * @param rounds the rounds closed so far
 * @param share the spoiler-free share line, or null until finished
 * @param streak consecutive days with a finished challenge, up to today (or yesterday, while today is not
 * finished yet)
 * @param bestStreak the longest such run
 */
public record DailyResult(LocalDate day, int number, boolean finished, int score, List<RoundPlay> rounds,
		String share, int streak, int bestStreak) {

	public DailyResult {
		rounds = List.copyOf(rounds);
	}

}
