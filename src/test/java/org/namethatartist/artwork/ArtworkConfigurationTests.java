package org.namethatartist.artwork;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.namethatartist.StorageException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which catalogue start-up serves: the demo when asked for, the cached objkt.com tokens when they make a
 * game, else the demo with one line saying why; and the demo never reaches the cache.
 */
@ExtendWith(OutputCaptureExtension.class)
class ArtworkConfigurationTests {

	private static final int DEMO_TOKENS = DemoCatalogue.load().tokens().size();

	private final InMemoryTokenCache cache = new InMemoryTokenCache();

	@Test
	void theDemoSourceServesTheDemoWithoutReadingTheCache(CapturedOutput output) {
		this.cache.document = objktDocument(4);

		TokenCatalog catalog = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.DEMO, true),
				this.cache);

		assertThat(catalog.source()).isEqualTo("demo");
		assertThat(catalog.playable()).hasSize(DEMO_TOKENS);
		assertThat(this.cache.loads).isZero();
		assertThat(this.cache.saves).isZero();
		assertThat(catalogueLines(output)).singleElement()
			.asString()
			.contains("INFO")
			.endsWith("Artwork catalogue: demo, " + DEMO_TOKENS + " playable artworks by "
					+ DemoCatalogue.catalog().artists().size() + " artists (artwork.source: demo)");
	}

	@Test
	void cachedObjktTokensAreServedWhenTheyMakeAGame(CapturedOutput output) {
		this.cache.document = objktDocument(4);

		TokenCatalog catalog = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.OBJKT, true),
				this.cache);

		assertThat(catalog.source()).isEqualTo("objkt");
		assertThat(catalog.playable()).containsExactlyElementsOf(this.cache.document.tokens());
		assertThat(this.cache.saves).isZero();
		assertThat(catalogueLines(output)).singleElement()
			.asString()
			.endsWith("Artwork catalogue: objkt, 4 playable artworks by 4 artists (cached 2026-11-27T10:00:00.000Z)");
	}

	@Test
	void theObjktCatalogueExcludesUnresolvedArtistsAsConfigured() {
		TokenDocument cached = objktDocument(4);
		Map<String, ArtistInfo> artists = new LinkedHashMap<>(cached.artistInfo());
		artists.put("tz1artist3", new ArtistInfo(null, false, new ArtistProfile(null, null, null, null)));
		this.cache.document = new TokenDocument(cached.lastUpdated(), cached.count(), cached.tokens(), artists);

		TokenCatalog excluding = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.OBJKT, true),
				this.cache);
		TokenCatalog keeping = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.OBJKT, false),
				this.cache);

		assertThat(excluding.source()).isEqualTo("objkt");
		assertThat(excluding.artists()).doesNotContain("tz1artist3").hasSize(3);
		assertThat(keeping.artists()).contains("tz1artist3").hasSize(4);
	}

	@Test
	void anEmptyCacheFallsBackToTheDemoSayingWhyInOneLine(CapturedOutput output) {
		TokenCatalog catalog = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.OBJKT, true),
				this.cache);

		assertThat(catalog.source()).isEqualTo("demo");
		assertThat(catalog.playable()).hasSize(DEMO_TOKENS);
		assertThat(this.cache.saves).as("the demo is never cached").isZero();
		assertThat(catalogueLines(output)).singleElement()
			.asString()
			.contains("WARN")
			.contains("Artwork catalogue: demo, " + DEMO_TOKENS + " playable artworks")
			.endsWith("because no artworks from objkt.com are cached yet; it is served until objkt.com's artworks, "
					+ "fetched in the background, make a game");
	}

	@Test
	void aCacheThatMakesNoGameFallsBackToTheDemo(CapturedOutput output) {
		this.cache.document = objktDocument(2);

		TokenCatalog catalog = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.OBJKT, true),
				this.cache);

		assertThat(catalog.source()).isEqualTo("demo");
		assertThat(this.cache.saves).isZero();
		assertThat(catalogueLines(output)).singleElement()
			.asString()
			.contains("because the 2 cached artworks from objkt.com have fewer than 3 artists with an alias or a "
					+ "Tezos domain between them");
	}

	@Test
	void anUnreadableCacheFallsBackToTheDemo(CapturedOutput output) {
		this.cache.loadFailure = new StorageException("The token cache in data/logs/tokens.log does not have the "
				+ "tokens.json shape: bad");

		TokenCatalog catalog = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.OBJKT, true),
				this.cache);

		assertThat(catalog.source()).isEqualTo("demo");
		assertThat(catalogueLines(output)).singleElement()
			.asString()
			.contains("because the token cache could not be read (The token cache in data/logs/tokens.log");
	}

	@Test
	void aBackendWithoutTokenCacheFallsBackToTheDemo(CapturedOutput output) {
		TokenCatalog catalog = ArtworkConfiguration.initialCatalog(properties(ArtworkProperties.Source.OBJKT, true),
				null);

		assertThat(catalog.source()).isEqualTo("demo");
		assertThat(catalogueLines(output)).singleElement()
			.asString()
			.endsWith("because the storage backend keeps no token cache, so objkt.com's artworks are not fetched");
	}

	private static List<String> catalogueLines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("Artwork catalogue:")).toList();
	}

	private static ArtworkProperties properties(ArtworkProperties.Source source, boolean excludeUnresolved) {
		return new ArtworkProperties(source,
				new ArtworkProperties.Objkt(URI.create("https://data.objkt.com/v3/graphql"),
						List.of("tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B"), URI.create("https://ipfs.fileship.xyz/"),
						Duration.ofHours(24), 1, false, excludeUnresolved));
	}

	/** One token by each of {@code artists} artists, all with an alias. */
	private static TokenDocument objktDocument(int artists) {
		List<Token> tokens = new ArrayList<>();
		Map<String, ArtistInfo> info = new LinkedHashMap<>();
		for (int i = 0; i < artists; i++) {
			String address = "tz1artist" + i;
			tokens.add(new Token(String.valueOf(i), "Token " + i, "", "https://ipfs.fileship.xyz/Qm" + i, null,
					List.of(address), address, "KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton"));
			info.put(address, new ArtistInfo("Artist " + i, true, new ArtistProfile(null, "Artist " + i, null, null)));
		}
		return new TokenDocument("2026-11-27T10:00:00.000Z", tokens.size(), tokens, info);
	}

	/** The shared in-memory token cache. */
	static final class InMemoryTokenCache extends MemoryTokenCache {
	}

}
