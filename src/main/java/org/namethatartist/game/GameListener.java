package org.namethatartist.game;

/**
 * Receives every {@link GameEvent}. Called on the game's own thread, in order for each game: return
 * quickly and hand slow work (network calls) to another thread. An exception is logged and ignored.
 */
@FunctionalInterface
public interface GameListener {

	void onEvent(GameEvent event);

}
