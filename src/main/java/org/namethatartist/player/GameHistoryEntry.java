package org.namethatartist.player;

/**
 * One finished game in a player's history, in the shape of the original's {@code gamesHistory} entries.
 * {@code correctAnswers} and {@code incorrectAnswers} are null in entries written before the original
 * counted answers; {@code gameId} is null in entries written by the original (we add it so a game's end
 * is never counted twice). {@code pool} is the server's own artwork pools the game drew from, null for
 * the default artworks (and in every entry written before pools): such a game is only in the server's stats.
 */
public record GameHistoryEntry(String date, int score, boolean isWinner, Integer correctAnswers,
		Integer incorrectAnswers, String gameId, String pool) {

	/** An entry of a game on the default artworks. */
	public GameHistoryEntry(String date, int score, boolean isWinner, Integer correctAnswers, Integer incorrectAnswers,
			String gameId) {
		this(date, score, isWinner, correctAnswers, incorrectAnswers, gameId, null);
	}

}
