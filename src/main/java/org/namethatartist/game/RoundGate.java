package org.namethatartist.game;

import java.time.Duration;
import java.util.Optional;

/**
 * Asked before each round of a game opens: whether the players can see it now. An adapter that cannot
 * show a game's channel for a while (Discord while the channel's shard reconnects) answers with the
 * reason, and the game waits: its next round opens once the gate lets it, with its full time. A game held
 * longer than {@link #maxHold()} is stopped with its scores recorded rather than held for ever.
 */
@FunctionalInterface
public interface RoundGate {

	/** How long a game is held at most, from the first time a gate held it. */
	Duration MAX_HOLD = Duration.ofMinutes(5);

	/** Why the next round of {@code game} cannot be shown now, or empty when it can. */
	Optional<String> hold(GameView game);

	/** How long a game may be held by this gate before it is stopped. */
	default Duration maxHold() {
		return MAX_HOLD;
	}

}
