package org.namethatartist.game;

import java.time.Duration;

/**
 * What saved games wait for at start-up before they resume: an adapter whose players could not see a
 * resumed round yet (Discord while its shards connect). A resumed round runs on the clock, so resuming
 * before players can see it would spend their time. Each gate is waited for at most the given time;
 * without gates, saved games resume at once.
 */
@FunctionalInterface
public interface ResumeGate {

	/** Returns once this adapter can show games, or after {@code max}, whichever comes first. */
	void awaitReady(Duration max) throws InterruptedException;

}
