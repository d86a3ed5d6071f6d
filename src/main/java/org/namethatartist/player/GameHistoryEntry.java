package org.namethatartist.player;

/**
 * One finished game in a player's history, in the shape of the original's {@code gamesHistory} entries.
 * {@code correctAnswers} and {@code incorrectAnswers} are null in entries written before the original
 * counted answers; {@code gameId} is null in entries written by the original (we add it so a game's end
 * is never counted twice).
 */
public record GameHistoryEntry(String date, int score, boolean isWinner, Integer correctAnswers,
		Integer incorrectAnswers, String gameId) {
}
