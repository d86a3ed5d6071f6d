package org.namethatartist.game;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.micrometer.core.instrument.MeterRegistry;
import org.namethatartist.artwork.ArtistAliases;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.image.ArtworkImages;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.springframework.beans.factory.ObjectProvider;
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
			PeriodBoards periods, GameStateRepository states, ExecutorGameScheduler scheduler,
			ObjectProvider<ArtworkImages> images, ObjectProvider<ArtworkPools> pools) {
		GameService games = new GameService(properties, artworks, players, periods, states, scheduler, new Random());
		images.ifAvailable((served) -> games.useImages(new ArtworkRoundImages(served)));
		pools.ifAvailable(games::usePools);
		return games;
	}

	@Bean
	GameMetrics gameMetrics(GameService games, MeterRegistry registry) {
		return new GameMetrics(games, registry);
	}

	/** Subscribes the adapters and resumes saved games at start-up; stops the timers at shutdown. */
	@Bean
	SavedGamesResumer savedGamesResumer(GameService games, ExecutorGameScheduler scheduler,
			ObjectProvider<GameListener> listeners, ObjectProvider<GameOwnership> ownership,
			ObjectProvider<ResumeGate> gates, ObjectProvider<RoundGate> roundGates) {
		return new SavedGamesResumer(games, scheduler, listeners, ownership, gates, roundGates);
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
