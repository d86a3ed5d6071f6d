package org.namethatartist.player;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Week and month boards, globally and per Discord server. Every write goes into both the week and the
 * month that hold its moment, in the global scope and, when a guild is named, in that server's scope.
 * A player who did nothing in a period has no entry in it. Implementations make each write durable
 * before returning, atomic per player, and idempotent: a (game, player) and a (day, player) are
 * counted at most once, so a write can be repeated after a crash.
 */
public interface PeriodBoards {

	/**
	 * Counts one game's result in the week and the month in which it ended ({@code playedAt}).
	 * Recording the same (gameId, userId) again changes nothing.
	 * @throws org.namethatartist.StorageException when the write could not be made durable
	 */
	void recordResult(GameResult result);

	/**
	 * Adds one daily challenge's points to {@code dailyScore} in the week and the month that hold
	 * {@code day} (UTC), globally and, when {@code guildId} is not null, in that server. It counts in no
	 * game number (games played or won). Recording the same (day, userId) again changes nothing, even
	 * with other points.
	 * @param userId the player ({@code web:<name>} for web players)
	 * @param username the name to show on the boards
	 * @param guildId the Discord server the challenge was played from, or null
	 * @param day the challenge's UTC day
	 * @param points the challenge's score, not negative
	 * @param at when the challenge was finished (kept for the record)
	 * @throws org.namethatartist.StorageException when the write could not be made durable
	 */
	void recordDaily(String userId, String username, String guildId, LocalDate day, long points, Instant at);

	/** {@link #recordDaily(String, String, String, LocalDate, long, Instant)} with the user id as name and no server. */
	default void recordDaily(String userId, LocalDate day, long points, Instant at) {
		recordDaily(userId, userId, null, day, points, at);
	}

	/**
	 * The top {@code limit} players of a period by {@code sort}, highest first; ties keep a stable
	 * order. Past periods answer at least their top 100.
	 * @param guildId a Discord server id for its own board, or null for the global one
	 */
	List<PeriodEntry> leaderboard(Period period, PeriodSort sort, int limit, String guildId);

	/**
	 * A player's numbers and rank in a period, or empty when they did nothing in it.
	 * @param guildId a Discord server id, or null for the global board
	 */
	Optional<PeriodEntry> standing(Period period, PeriodSort sort, String guildId, String userId);

}
