package org.namethatartist.artwork;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.namethatartist.StorageException;
import org.namethatartist.artwork.image.ArtworkImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue games draw from, chosen at start-up without waiting for the network: the bundled demo
 * with {@code artwork.source: demo}; with {@code objkt}, the cached objkt.com tokens when they make a game,
 * else the demo, saying why in one line. Then the {@link ArtworkRefreshService} fetches objkt.com's
 * tokens in the background and swaps them in. The demo is never written to the token cache.
 */
@Configuration(proxyBeanMethods = false)
class ArtworkConfiguration {

	/** The source name of a catalogue built from objkt.com's tokens. */
	static final String OBJKT_SOURCE = "objkt";

	private static final Logger log = LoggerFactory.getLogger(ArtworkConfiguration.class);

	@Bean
	ArtworkCatalog artworkCatalog(ArtworkProperties properties, ObjectProvider<TokenCache> tokenCache) {
		return new ArtworkCatalog(initialCatalog(properties, tokenCache.getIfAvailable()));
	}

	@Bean
	ArtworkRefreshService artworkRefreshService(ArtworkProperties properties, ArtworkCatalog catalog,
			ObjectProvider<TokenCache> tokenCache, ObjectProvider<TokenSource> tokenSource) {
		return new ArtworkRefreshService(properties, catalog, tokenCache.getIfAvailable(),
				tokenSource.getIfAvailable(), Clock.systemUTC());
	}

	/** Servers' own pools: fetched from the objkt.com source (none with the demo), kept in the token cache. */
	@Bean
	ArtworkPools artworkPools(ArtworkProperties properties, PoolProperties pools, ArtworkCatalog catalog,
			ObjectProvider<PoolSource> source, ObjectProvider<TokenCache> tokenCache, Clock clock) {
		return new ArtworkPools(catalog, source.getIfAvailable(), tokenCache.getIfAvailable(), pools,
				properties.objkt().refresh(), properties.objkt().excludeUnresolvedArtists(), clock);
	}

	/** Shown as {@code artwork} in the health endpoint. */
	@Bean
	ArtworkHealthIndicator artworkHealthIndicator(ArtworkRefreshService refresher,
			ObjectProvider<ArtworkImages> images, ArtworkPools pools) {
		return new ArtworkHealthIndicator(refresher, () -> {
			ArtworkImages served = images.getIfAvailable();
			return (served != null) ? served.status() : null;
		}, pools::status);
	}

	/**
	 * The catalogue to start with, logged in one line: its source, artworks and artists, and why.
	 * @param tokenCache the storage backend's token cache, or {@code null} when it keeps none
	 */
	static TokenCatalog initialCatalog(ArtworkProperties properties, @Nullable TokenCache tokenCache) {
		if (properties.source() == ArtworkProperties.Source.DEMO) {
			TokenCatalog demo = DemoCatalogue.catalog();
			log.info("Artwork catalogue: {} (artwork.source: demo)", describe(demo));
			return demo;
		}
		if (tokenCache == null) {
			TokenCatalog demo = DemoCatalogue.catalog();
			log.warn("Artwork catalogue: {}, because the storage backend keeps no token cache, so objkt.com's "
					+ "artworks are not fetched", describe(demo));
			return demo;
		}
		Optional<TokenDocument> cached;
		try {
			cached = tokenCache.load();
		}
		catch (StorageException ex) {
			// The cache only spares a fetch at start-up; the game can still be played without it.
			return fallBackToDemo("the token cache could not be read (" + ex.getMessage() + ")");
		}
		if (cached.isEmpty()) {
			return fallBackToDemo("no artworks from objkt.com are cached yet");
		}
		boolean excludeUnresolved = properties.objkt().excludeUnresolvedArtists();
		TokenCatalog catalog = TokenCatalog.of(OBJKT_SOURCE, cached.get(), excludeUnresolved);
		if (catalog.playable().isEmpty()) {
			return fallBackToDemo("the " + cached.get().tokens().size() + " cached artworks from objkt.com have fewer "
					+ "than " + (TokenCatalog.MIN_OTHER_ARTISTS + 1) + " artists"
					+ (excludeUnresolved ? " with an alias or a Tezos domain" : "") + " between them");
		}
		log.info("Artwork catalogue: {} (cached {})", describe(catalog), cached.get().lastUpdated());
		return catalog;
	}

	private static TokenCatalog fallBackToDemo(String reason) {
		TokenCatalog demo = DemoCatalogue.catalog();
		log.warn("Artwork catalogue: {}, because {}; it is served until objkt.com's artworks, fetched in the "
				+ "background, make a game", describe(demo), reason);
		return demo;
	}

	private static String describe(TokenCatalog catalog) {
		return catalog.source() + ", " + catalog.playable().size() + " playable artworks by "
				+ catalog.artists().size() + " artists";
	}

}
