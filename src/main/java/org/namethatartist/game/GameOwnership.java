package org.namethatartist.game;

/**
 * Which saved games this process resumes at start-up. One process owns them all; when several processes
 * share one database (each running some of the Discord shards), each resumes only the games of its own
 * shards, so no game is played twice. An adapter that splits the work provides this as a bean.
 */
@FunctionalInterface
public interface GameOwnership {

	/** A single process: every saved game is its own. */
	GameOwnership EVERY_GAME = (saved) -> true;

	/** Whether this process resumes (or ends) the saved game. */
	boolean owns(GameSnapshot saved);

}
