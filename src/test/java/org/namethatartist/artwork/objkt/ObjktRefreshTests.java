package org.namethatartist.artwork.objkt;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkProperties;
import org.namethatartist.artwork.ArtworkRefreshService;
import org.namethatartist.artwork.DemoCatalogue;
import org.namethatartist.artwork.RefreshResult;
import org.namethatartist.artwork.MemoryTokenCache;
import org.namethatartist.artwork.TokenCache;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.TokenDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.artwork.objkt.ObjktTokenSourceTests.WALLET;
import static org.namethatartist.artwork.objkt.ObjktTokenSourceTests.artist;
import static org.namethatartist.artwork.objkt.ObjktTokenSourceTests.tokens;

/**
 * Refreshes from objkt.com's shape on a local server, through the real client: a first refresh fills the
 * cache and the catalogue, then every kind of failure leaves both exactly as they were, and so does an
 * answer with too few artworks unless {@code accept-shrink} is set.
 */
class ObjktRefreshTests {

	private static final int CACHED = 150;

	private final FakeTicker ticker = new FakeTicker();

	private final FakeObjkt objkt = new FakeObjkt(this.ticker::nanoTime);

	private final MockWebServer server = new MockWebServer();

	private final MemoryCache cache = new MemoryCache();

	private final ArtworkCatalog catalog = new ArtworkCatalog(DemoCatalogue.catalog());

	@BeforeEach
	void start() throws IOException {
		this.server.setDispatcher(this.objkt);
		this.server.start();
		this.objkt.holds(WALLET, tokens(CACHED, "a", 4));
		for (int i = 0; i < 4; i++) {
			this.objkt.profile(artist("a", i), "Artist " + i, null);
		}
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	static Stream<Arguments> failures() {
		MockResponse error500 = FakeObjkt.status(500);
		MockResponse tooMany = FakeObjkt.status(429, "Retry-After: 1");
		MockResponse slow = new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build();
		return Stream.of(
				failure("HTTP 500 on every attempt", (objkt) -> objkt.failNext(error500, error500, error500, error500)),
				failure("HTTP 429 on every attempt", (objkt) -> objkt.failNext(tooMany, tooMany, tooMany, tooMany)),
				failure("a timeout on every attempt", (objkt) -> objkt.failNext(slow, slow, slow, slow)),
				failure("malformed JSON", (objkt) -> objkt.failNext(FakeObjkt.json("{\"data\": {\"holder\": ["))),
				failure("a GraphQL errors member",
						(objkt) -> objkt.failNext(FakeObjkt.json("{\"errors\": [{\"message\": \"field 'holder' not "
								+ "found in type: 'query_root'\"}]}"))),
				failure("the second page failing", (objkt) -> objkt.failWhere((request) -> request.offset() == 100,
						error500, error500, error500, error500)),
				failure("an artist query failing", (objkt) -> objkt.failWhere((request) -> !request.isHeldTokens(),
						FakeObjkt.json("{\"errors\": [{\"message\": \"rate limited\"}]}"))),
				failure("an empty result", (objkt) -> objkt.holds(WALLET, List.of())),
				failure("a wallet objkt.com no longer knows", (objkt) -> objkt.failNext(FakeObjkt.json(
						"{\"data\": {\"holder\": []}}"))));
	}

	private static Arguments failure(String name, Consumer<FakeObjkt> setUp) {
		return Arguments.of(name, setUp);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void everyFailureKeepsTheCacheAndTheCatalogue(String name, Consumer<FakeObjkt> setUp) {
		ArtworkRefreshService refresher = refresher(false);
		assertThat(refresher.refresh().outcome()).isEqualTo(RefreshResult.Outcome.REPLACED);
		TokenDocument cached = this.cache.document;
		TokenCatalog served = this.catalog.current();
		assertThat(cached.tokens()).hasSize(CACHED);
		assertThat(served.source()).isEqualTo("objkt");
		setUp.accept(this.objkt);

		RefreshResult result = refresher.refresh();

		assertThat(result.outcome()).isIn(RefreshResult.Outcome.FAILED, RefreshResult.Outcome.KEPT);
		assertThat(this.cache.document).isSameAs(cached);
		assertThat(this.cache.saves).isEqualTo(1);
		assertThat(this.catalog.current()).isSameAs(served);
		assertThat(refresher.status().cachedTokens()).isEqualTo(CACHED);
	}

	@Test
	void fewerThanHalfTheArtworksKeepTheCacheUnlessAcceptShrinkIsSet() {
		ArtworkRefreshService refresher = refresher(false);
		refresher.refresh();
		this.objkt.holds(WALLET, tokens(CACHED / 2 - 1, "a", 4));

		RefreshResult kept = refresher.refresh();
		RefreshResult accepted = refresher(true).refresh();

		assertThat(kept.outcome()).isEqualTo(RefreshResult.Outcome.KEPT);
		assertThat(kept.message()).isEqualTo("objkt returned 74 artworks, fewer than half the 150 cached; the cache is "
				+ "kept (artwork.objkt.accept-shrink: true would accept them)");
		assertThat(accepted.outcome()).isEqualTo(RefreshResult.Outcome.REPLACED);
		assertThat(this.cache.document.tokens()).hasSize(74);
		assertThat(this.catalog.current().playable()).hasSize(74);
	}

	@Test
	void halfTheArtworksAreAccepted() {
		ArtworkRefreshService refresher = refresher(false);
		refresher.refresh();
		this.objkt.holds(WALLET, tokens(CACHED / 2, "a", 4));

		assertThat(refresher.refresh().outcome()).isEqualTo(RefreshResult.Outcome.REPLACED);
		assertThat(this.catalog.current().playable()).hasSize(75);
	}

	private ArtworkRefreshService refresher(boolean acceptShrink) {
		ArtworkProperties.Objkt settings = new ArtworkProperties.Objkt(
				URI.create(this.server.url("/v3/graphql").toString()), List.of(WALLET),
				URI.create(ObjktTokenSourceTests.GATEWAY), Duration.ofHours(24), 1, acceptShrink, true);
		ObjktTokenSource source = ObjktTokenSource.create(settings, Duration.ofSeconds(2), Duration.ofMillis(250),
				Retries.DEFAULT, this.ticker, Clock.systemUTC());
		return new ArtworkRefreshService(new ArtworkProperties(ArtworkProperties.Source.OBJKT, settings),
				this.catalog, this.cache, source, Clock.systemUTC());
	}

	/** The shared in-memory token cache. */
	static final class MemoryCache extends MemoryTokenCache {
	}

}
