package org.namethatartist.game;

/** One button of a round: its number (1-based), the artist's id and the name shown. */
public record Choice(int number, String artistId, String artistName) {
}
