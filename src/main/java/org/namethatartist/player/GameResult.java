package org.namethatartist.player;

import java.time.Instant;
import java.util.Objects;

/**
 * What one player did in one game, as written when the game ends.
 *
 * @param gameId identifies the game; with {@code userId} it makes the write idempotent
 * @param guildId the Discord server the game was played in, or null (web play)
 */
public record GameResult(String gameId, String userId, String username, String guildId, int score,
		boolean winner, int correctAnswers, int incorrectAnswers, Instant playedAt) {

	public GameResult {
		Objects.requireNonNull(gameId, "gameId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(playedAt, "playedAt");
		if (score < 0 || correctAnswers < 0 || incorrectAnswers < 0) {
			throw new IllegalArgumentException("score and answer counts must not be negative: " + score + ", "
					+ correctAnswers + ", " + incorrectAnswers);
		}
	}

}
