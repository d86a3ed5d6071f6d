package org.namethatartist.game;

/** What {@link GameService#stop} did. */
public sealed interface StopOutcome {

	/** Stopped; the results of what was played are durable. */
	record Stopped(GameView game) implements StopOutcome {
	}

	/** Only the starter or a moderator may stop a game. */
	record NotAllowed(String startedBy) implements StopOutcome {
	}

	/** Nothing to stop. */
	record NoGame() implements StopOutcome {
	}

	/** The stop or its results could not be made durable; the game goes on ending by itself. */
	record Unavailable(String reason) implements StopOutcome {
	}

}
