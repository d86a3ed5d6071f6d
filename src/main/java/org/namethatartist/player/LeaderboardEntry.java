package org.namethatartist.player;

/** One line of a leaderboard: 1-based rank, the player's stats and the value ranked by. */
public record LeaderboardEntry(int rank, PlayerStats stats, long value) {
}
