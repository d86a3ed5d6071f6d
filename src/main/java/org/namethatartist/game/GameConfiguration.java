package org.namethatartist.game;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.micrometer.core.instrument.MeterRegistry;
import org.namethatartist.artwork.ArtistAliases;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the game: one scheduler on the system clock for every game, the service, and the resumption of
 * saved games once every adapter has subscribed to the service's events.
 */
@Configuration(proxyBeanMethods = false)
class GameConfiguration {

	/** The longest saved games wait at start-up for the adapters to be ready. */
	static final Duration RESUME_WAIT = Duration.ofSeconds(60);

	/** Timer threads: transitions of different games overlap while each waits for its fsync. */
	private static final int TIMER_THREADS = 4;

	@Bean(destroyMethod = "close")
	ExecutorGameScheduler gameScheduler() {
		return new ExecutorGameScheduler(Clock.systemUTC(), TIMER_THREADS);
	}

	@Bean
	GameService gameService(GameProperties properties, ArtworkCatalog artworks, PlayerRepository players,
			PeriodBoards periods, GameStateRepository states, ExecutorGameScheduler scheduler) {
		return new GameService(properties, artworks, players, periods, states, scheduler, new Random());
	}

	@Bean
	GameMetrics gameMetrics(GameService games, MeterRegistry registry) {
		return new GameMetrics(games, registry);
	}

	/**
	 * When the context starts, after every singleton exists: subscribes every {@link GameListener} bean
	 * (the adapters) and every {@link RoundGate}, then resumes saved games, so no adapter misses a resumed game. With
	 * {@link ResumeGate} beans, it resumes on a thread of its own once they are ready (at most
	 * {@link #RESUME_WAIT}), so start-up does not wait for them. At shutdown it stops the game timers
	 * before the stores close; games stay saved and resume next time. A {@link GameOwnership} bean, when
	 * an adapter provides one, limits which saved games this process takes.
	 */
	@Bean
	SmartLifecycle savedGamesResumer(GameService games, ExecutorGameScheduler scheduler,
			ObjectProvider<GameListener> listeners, ObjectProvider<GameOwnership> ownership,
			ObjectProvider<ResumeGate> gates, ObjectProvider<RoundGate> roundGates) {
		return new SmartLifecycle() {

			private volatile boolean running;

			private volatile Thread waiting;

			@Override
			public void start() {
				this.running = true;
				listeners.orderedStream().forEach(games::addListener);
				roundGates.orderedStream().forEach(games::addRoundGate);
				GameOwnership owned = ownership.getIfAvailable(() -> GameOwnership.EVERY_GAME);
				List<ResumeGate> all = gates.orderedStream().toList();
				if (all.isEmpty()) {
					games.resumeSavedGames(owned);
					return;
				}
				Thread thread = new Thread(() -> resumeWhenReady(all, owned), "game-resume");
				thread.setDaemon(true);
				this.waiting = thread;
				thread.start();
			}

			private void resumeWhenReady(List<ResumeGate> all, GameOwnership owned) {
				long deadline = System.nanoTime() + RESUME_WAIT.toNanos();
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
					games.resumeSavedGames(owned);
				}
			}

			@Override
			public void stop() {
				this.running = false;
				Thread thread = this.waiting;
				if (thread != null) {
					thread.interrupt();
				}
				scheduler.close();
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

		};
	}


	/**
	 * Typed answers accept the names of the aliases files: the demo's bundled one and
	 * {@code <storage.data-dir>/aliases.json}. A bad file is logged with its path and left out.
	 */
	@Bean
	org.springframework.beans.factory.SmartInitializingSingleton artistAliasesLoader(GameService games,
			org.springframework.core.env.Environment environment) {
		return () -> {
			java.nio.file.Path file = java.nio.file.Path.of(environment.getProperty("storage.data-dir", "./data"),
					"aliases.json");
			try {
				games.useAliases(ArtistAliases.load(file));
			}
			catch (RuntimeException ex) {
				org.slf4j.LoggerFactory.getLogger(GameConfiguration.class)
					.warn("Aliases for typed answers not read from {}: {}", file, ex.getMessage());
				games.useAliases(ArtistAliases.bundledDemo());
			}
		};
	}

}
