/**
 * Players and their all-time statistics: the {@link org.namethatartist.player.PlayerRepository} port,
 * the stats arithmetic of the original bot ({@link org.namethatartist.player.PlayerStats#withResult}),
 * and the seven leaderboard sort keys. Depends on nothing else in the application.
 */
package org.namethatartist.player;
