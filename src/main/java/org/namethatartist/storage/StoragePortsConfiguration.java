package org.namethatartist.storage;

import org.namethatartist.artwork.TokenCache;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.daily.DailyRepository;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.player.PlayerRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's storage ports, from the one {@link StorageBackend} the chosen backend's configuration opened. */
@Configuration(proxyBeanMethods = false)
class StoragePortsConfiguration {

	@Bean
	PlayerRepository playerRepository(StorageBackend backend) {
		return backend.players();
	}

	@Bean
	GameStateRepository gameStateRepository(StorageBackend backend) {
		return backend.gameStates();
	}

	@Bean
	TokenCache tokenCache(StorageBackend backend) {
		return backend.tokens();
	}

	@Bean
	PeriodBoards periodBoards(StorageBackend backend) {
		return backend.periods();
	}

	@Bean
	GuildSettingsRepository guildSettingsRepository(StorageBackend backend) {
		return backend.guildSettings();
	}

	@Bean
	DailyRepository dailyRepository(StorageBackend backend) {
		return backend.daily();
	}

}
