package org.namethatartist.guildsettings;

import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.ArtworkRefreshService;
import org.namethatartist.game.GameProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the service that checks and keeps each server's settings, on the chosen backend's store; and tells
 * the artwork pools which servers use which pools, so that only those are refreshed, after each refresh of
 * the artworks.
 */
@Configuration(proxyBeanMethods = false)
class GuildSettingsConfiguration {

	@Bean
	GuildSettingsService guildSettingsService(GuildSettingsRepository repository, GameProperties game,
			ObjectProvider<ArtworkPools> pools, ObjectProvider<ArtworkRefreshService> refresher) {
		ArtworkPools artworkPools = pools.getIfAvailable();
		GuildSettingsService service = new GuildSettingsService(repository, game, artworkPools);
		if (artworkPools != null) {
			artworkPools.usedBy(service::poolsInUse);
			ArtworkRefreshService refresh = refresher.getIfAvailable();
			if (refresh != null) {
				int fewestRounds = game.limits().rounds().min();
				refresh.afterEachRefresh(() -> artworkPools.refreshInUse(service::choices, fewestRounds));
			}
		}
		return service;
	}

}
