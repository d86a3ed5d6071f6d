package org.namethatartist.game;

import java.time.Clock;
import java.util.Random;

import io.micrometer.core.instrument.MeterRegistry;
import org.namethatartist.artwork.ArtworkCatalog;
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

	/** Timer threads: transitions of different games overlap while each waits for its fsync. */
	private static final int TIMER_THREADS = 4;

	@Bean(destroyMethod = "close")
	ExecutorGameScheduler gameScheduler() {
		return new ExecutorGameScheduler(Clock.systemUTC(), TIMER_THREADS);
	}

	@Bean
	GameService gameService(GameProperties properties, ArtworkCatalog artworks, PlayerRepository players,
			GameStateRepository states, ExecutorGameScheduler scheduler) {
		return new GameService(properties, artworks, players, states, scheduler, new Random());
	}

	@Bean
	GameMetrics gameMetrics(GameService games, MeterRegistry registry) {
		return new GameMetrics(games, registry);
	}

	/**
	 * When the context starts, after every singleton exists: subscribes every {@link GameListener} bean
	 * (the adapters), then resumes saved games, so no adapter misses a resumed game. At shutdown it stops
	 * the game timers before the stores close; games stay saved and resume next time. A
	 * {@link GameOwnership} bean, when an adapter provides one, limits which saved games this process takes.
	 */
	@Bean
	SmartLifecycle savedGamesResumer(GameService games, ExecutorGameScheduler scheduler,
			ObjectProvider<GameListener> listeners, ObjectProvider<GameOwnership> ownership) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				this.running = true;
				listeners.orderedStream().forEach(games::addListener);
				games.resumeSavedGames(ownership.getIfAvailable(() -> GameOwnership.EVERY_GAME));
			}

			@Override
			public void stop() {
				scheduler.close();
				this.running = false;
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

}
