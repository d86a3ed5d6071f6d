package org.namethatartist.game;

/**
 * Receives every {@link GameEvent}. Called under the game's lock, in order for each game, on the thread
 * that moved the game on: a timer thread, or the caller of {@link GameService#stop}. Return quickly and
 * hand slow work (network calls) to another thread. An exception is logged and ignored.
 */
@FunctionalInterface
public interface GameListener {

	void onEvent(GameEvent event);

}
