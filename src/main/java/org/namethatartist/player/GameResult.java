package org.namethatartist.player;

import java.time.Instant;
import java.util.Objects;

/**
 * What one player did in one game, as written when the game ends.
 *
 * @param gameId identifies the game; with {@code userId} it makes the write idempotent
 * @param guildId the Discord server the game was played in, or null (web play)
 * @param pool the server's own artwork pools the game drew from (their canonical list, such as
 * {@code wallet:tz1…}), or null for the default artworks; such a result counts in its server's stats and
 * boards, never in the global ones
 */
public record GameResult(String gameId, String userId, String username, String guildId, int score,
		boolean winner, int correctAnswers, int incorrectAnswers, Instant playedAt, String pool) {

	/** A result of a game on the default artworks. */
	public GameResult(String gameId, String userId, String username, String guildId, int score, boolean winner,
			int correctAnswers, int incorrectAnswers, Instant playedAt) {
		this(gameId, userId, username, guildId, score, winner, correctAnswers, incorrectAnswers, playedAt, null);
	}

	/** Whether the result counts in the global stats and boards: only a game on the default artworks does. */
	public boolean countsGlobally() {
		return this.pool == null;
	}

	public GameResult {
		Objects.requireNonNull(gameId, "gameId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(playedAt, "playedAt");
		if (pool != null && guildId == null) {
			throw new IllegalArgumentException("a game on a server's own pool has a server");
		}
		if (score < 0 || correctAnswers < 0 || incorrectAnswers < 0) {
			throw new IllegalArgumentException("score and answer counts must not be negative: " + score + ", "
					+ correctAnswers + ", " + incorrectAnswers);
		}
	}

}
