package org.namethatartist.game;

/** A player's score in one game so far. */
public record Standing(String userId, String username, int score, int correctAnswers, int incorrectAnswers) {
}
