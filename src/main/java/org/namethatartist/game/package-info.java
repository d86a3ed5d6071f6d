/**
 * The game: sessions, rounds and scoring, and the {@link org.namethatartist.game.GameStateRepository}
 * port that keeps games in progress across restarts. Uses {@code player} and {@code artwork}; never
 * Discord, HTTP, JSON or storage types.
 */
package org.namethatartist.game;
