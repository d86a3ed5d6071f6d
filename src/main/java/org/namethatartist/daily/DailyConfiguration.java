package org.namethatartist.daily;

import java.time.Clock;
import java.util.Random;

import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.game.GameProperties;
import org.namethatartist.player.PeriodBoards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the daily challenge on the backend's {@link DailyRepository}, with a game's choices and scoring. */
@Configuration(proxyBeanMethods = false)
class DailyConfiguration {

	@Bean
	DailyService dailyService(DailyProperties properties, GameProperties games, ArtworkCatalog artworks,
			DailyRepository repository, PeriodBoards periods, Clock clock) {
		return new DailyService(properties, games.choices(), games.difficulty(), games.baseScore(), artworks,
				repository, periods, clock, new Random());
	}

}
