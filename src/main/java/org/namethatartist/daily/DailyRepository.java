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

	/**
	 * Replaces a player's progress of a day only if the stored one is still {@code expected}, atomically
	 * against every other writer: another thread, or another bot process on the same database. When two
	 * players' clicks (or one player's two tabs on two processes) race, the first write wins and the other
	 * reads again and decides again.
	 * @param expected the progress as read, or null when none was stored
	 * @param next what replaces it (the same day and player)
	 * @return true once {@code next} is durable; false, writing nothing, when the stored progress was not
	 * {@code expected}
	 * @throws org.namethatartist.StorageException when the write could not be made durable
	 */
	boolean replaceProgress(DailyProgress expected, DailyProgress next);

	/** Every player's progress of one day, in no particular order. */
	List<DailyProgress> progressOn(LocalDate day);

	/** Every day's progress of one player, in day order. */
	List<DailyProgress> progressOf(String userId);

}
