package org.namethatartist.daily;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where daily challenges and players' progress are kept. Every write is durable before it returns.
 */
public interface DailyRepository {

	Optional<DailyChallenge> challenge(LocalDate day);

	/**
	 * Saves a day's challenge unless that day already has one.
	 * @return the day's challenge as stored: {@code challenge}, or the one saved before it
	 * @throws org.namethatartist.StorageException when the write could not be made durable
	 */
	DailyChallenge saveChallenge(DailyChallenge challenge);

	/** The challenges of the days from {@code from} to {@code to}, both included, in day order. */
	List<DailyChallenge> challenges(LocalDate from, LocalDate to);

	Optional<DailyProgress> progress(LocalDate day, String userId);

	/**
	 * Replaces a player's progress of a day.
	 * @throws org.namethatartist.StorageException when the write could not be made durable
	 */
	void saveProgress(DailyProgress progress);

	/** Every player's progress of one day, in no particular order. */
	List<DailyProgress> progressOn(LocalDate day);

	/** Every day's progress of one player, in day order. */
	List<DailyProgress> progressOf(String userId);

}
