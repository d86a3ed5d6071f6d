package org.namethatartist.player;

/** One line of a period board: 1-based rank, the player's numbers in the period, the value ranked by. */
public record PeriodEntry(int rank, PeriodStats stats, long value) {
}
