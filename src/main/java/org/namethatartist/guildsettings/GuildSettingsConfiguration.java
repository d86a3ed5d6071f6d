package org.namethatartist.guildsettings;

import org.namethatartist.game.GameProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the service that checks and keeps each server's settings, on the chosen backend's store. */
@Configuration(proxyBeanMethods = false)
class GuildSettingsConfiguration {

	@Bean
	GuildSettingsService guildSettingsService(GuildSettingsRepository repository, GameProperties game) {
		return new GuildSettingsService(repository, game);
	}

}
