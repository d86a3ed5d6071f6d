package org.namethatartist.game;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the game when the context starts, after every singleton exists: subscribes every
 * {@link GameListener} bean (the adapters) and every {@link RoundGate}, then resumes saved games, so no
 * adapter misses a resumed game. With {@link ResumeGate} beans, it resumes on a thread of its own once they
 * are ready (at most {@link GameConfiguration#RESUME_WAIT}), so start-up does not wait for them. At shutdown
 * it stops the game timers before the stores close; games stay saved and resume next time. A
 * {@link GameOwnership} bean, when an adapter provides one, limits which saved games this process takes.
 */
public final class SavedGamesResumer implements SmartLifecycle {

	private final GameService games;

	private final ExecutorGameScheduler scheduler;

	private final ObjectProvider<GameListener> listeners;

	private final ObjectProvider<GameOwnership> ownership;

	private final ObjectProvider<ResumeGate> gates;

	private final ObjectProvider<RoundGate> roundGates;

	private volatile boolean running;

	private volatile Thread waiting;

	SavedGamesResumer(GameService games, ExecutorGameScheduler scheduler, ObjectProvider<GameListener> listeners,
			ObjectProvider<GameOwnership> ownership, ObjectProvider<ResumeGate> gates,
			ObjectProvider<RoundGate> roundGates) {
		this.games = games;
		this.scheduler = scheduler;
		this.listeners = listeners;
		this.ownership = ownership;
		this.gates = gates;
		this.roundGates = roundGates;
	}

	@Override
	public void start() {
		this.running = true;
		this.listeners.orderedStream().forEach(this.games::addListener);
		this.roundGates.orderedStream().forEach(this.games::addRoundGate);
		GameOwnership owned = this.ownership.getIfAvailable(() -> GameOwnership.EVERY_GAME);
		List<ResumeGate> all = this.gates.orderedStream().toList();
		if (all.isEmpty()) {
			this.games.resumeSavedGames(owned);
			return;
		}
		Thread thread = new Thread(() -> resumeWhenReady(all, owned), "game-resume");
		thread.setDaemon(true);
		this.waiting = thread;
		thread.start();
	}

	private void resumeWhenReady(List<ResumeGate> all, GameOwnership owned) {
		long deadline = System.nanoTime() + GameConfiguration.RESUME_WAIT.toNanos();
		try {
			for (ResumeGate gate : all) {
				gate.awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
		}
		catch (InterruptedException ex) {
			// Shutting down before the adapters were ready: the games stay saved for next time.
			return;
		}
		if (this.running) {
			this.games.resumeSavedGames(owned);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.waiting;
		if (thread != null) {
			// Only the wait for the adapters is interrupted; no store is written on that thread then.
			thread.interrupt();
		}
		this.scheduler.close();
	}

	/** Below the web server's phase: it stops taking requests before the timers stop. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
