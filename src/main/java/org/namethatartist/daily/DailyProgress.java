package org.namethatartist.daily;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One player's play of one day's challenge.
 * @param day the challenge's day
 * @param userId the player (a Discord id, or {@code web:<name>})
 * @param username the name shown on boards
 * @param guildId the Discord server it was started from, or null
 * @param rounds the rounds opened so far, in order
 * @param recorded true once the score has gone into the week and month boards
 */
public record DailyProgress(LocalDate day, String userId, String username, String guildId, List<RoundPlay> rounds,
		boolean recorded) {

	public DailyProgress {
		rounds = List.copyOf(rounds);
	}

	static DailyProgress start(LocalDate day, String userId, String username, String guildId) {
		return new DailyProgress(day, userId, username, guildId, List.of(), false);
	}

	public int score() {
		return this.rounds.stream().mapToInt(RoundPlay::points).sum();
	}

	public boolean finished(int total) {
		return this.rounds.size() == total && this.rounds.stream().allMatch(RoundPlay::closed);
	}

	/** The last round, when it is open (opened, neither answered nor expired), else null. */
	public RoundPlay open() {
		if (this.rounds.isEmpty()) {
			return null;
		}
		RoundPlay last = this.rounds.get(this.rounds.size() - 1);
		return last.closed() ? null : last;
	}

	DailyProgress with(RoundPlay play) {
		List<RoundPlay> next = new ArrayList<>(this.rounds);
		if (play.number() <= next.size()) {
			next.set(play.number() - 1, play);
		}
		else {
			next.add(play);
		}
		return new DailyProgress(this.day, this.userId, this.username, this.guildId, next, this.recorded);
	}

	DailyProgress markRecorded() {
		return new DailyProgress(this.day, this.userId, this.username, this.guildId, this.rounds, true);
	}

}
