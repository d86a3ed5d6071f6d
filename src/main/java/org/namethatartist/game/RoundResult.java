package org.namethatartist.game;

import org.namethatartist.artwork.Token;

/**
 * A finished round: the artwork, the right choice, where to see the artwork, and how many answered.
 */
public record RoundResult(int number, Token token, Choice answer, String link, int answers, int correctAnswers) {
}
