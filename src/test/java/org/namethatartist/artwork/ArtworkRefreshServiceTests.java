package org.namethatartist.artwork;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.namethatartist.IsoTime;
import org.namethatartist.StorageException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The refresh on a source and a cache in memory: what replaces the cache and the catalogue, what keeps
 * them (a failure, too few artworks, artworks that make no game, a cache that cannot be written), one
 * refresh at a time, stopping, and when refreshes are scheduled.
 */
@ExtendWith(OutputCaptureExtension.class)
class ArtworkRefreshServiceTests {

	private static final Duration DAY = Duration.ofHours(24);

	private final MemoryCache cache = new MemoryCache();

	private final ScriptedSource source = new ScriptedSource();

	private final ArtworkCatalog catalog = new ArtworkCatalog(DemoCatalogue.catalog());

	private ArtworkRefreshService service;

	@AfterEach
	void stop() {
		if (this.service != null && this.service.isRunning()) {
			this.service.stop();
		}
	}

	@Test
	void aSoundAnswerIsSavedAndServed(CapturedOutput output) {
		TokenDocument fetched = document(12, 4);
		this.source.answers.add(fetched);

		RefreshResult result = service(false).refresh();

		assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.REPLACED);
		assertThat(result.fetchedTokens()).isEqualTo(12);
		assertThat(result.message())
			.isEqualTo("12 artworks from objkt saved; games now draw from 12 playable artworks by 4 artists");
		assertThat(this.cache.document).isSameAs(fetched);
		assertThat(this.catalog.current().source()).isEqualTo("objkt");
		assertThat(this.catalog.current().playable()).containsExactlyElementsOf(fetched.tokens());
		ArtworkStatus status = this.service.status();
		assertThat(status.source()).isEqualTo("objkt");
		assertThat(status.cachedAt()).isEqualTo(fetched.lastUpdated());
		assertThat(status.cachedTokens()).isEqualTo(12);
		assertThat(status.lastRefresh()).isEqualTo(result);
		assertThat(status.lastError()).isNull();
		assertThat(status.note()).isNull();
		assertThat(output).contains("INFO").contains("Artwork refresh: 12 artworks from objkt saved");
	}

	@Test
	void aFailedFetchKeepsTheCacheAndTheCatalogue(CapturedOutput output) {
		TokenDocument cached = document(10, 4);
		this.cache.document = cached;
		TokenCatalog before = this.catalog.current();
		String error = "objkt.com answered page 1 of the tokens held by tz1… with HTTP 404";
		this.source.answers.add(new TokenSourceException(error));

		RefreshResult result = service(false).refresh();

		assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.FAILED);
		assertThat(result.fetchedTokens()).isNull();
		assertThat(this.cache.document).isSameAs(cached);
		assertThat(this.cache.saves).isZero();
		assertThat(this.catalog.current()).isSameAs(before);
		ArtworkStatus status = this.service.status();
		assertThat(status.lastError()).isEqualTo(error);
		assertThat(status.lastErrorAt()).isEqualTo(result.finishedAt());
		assertThat(status.note()).isEqualTo("the demo catalogue is served until the artworks from objkt make a game");
		assertThat(output).contains("WARN").contains("Artwork refresh failed; the cache and the catalogue stay as "
				+ "they were: objkt.com answered page 1 of the tokens held by tz1… with HTTP 404");
	}

	@Test
	void anUnexpectedExceptionOfTheSourceIsAFailureToo() {
		this.source.answers.add(new IllegalStateException("a bug"));

		RefreshResult result = service(false).refresh();

		assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.FAILED);
		assertThat(result.message()).isEqualTo("java.lang.IllegalStateException: a bug");
		assertThat(this.cache.saves).isZero();
	}

	@ParameterizedTest(name = "{0} fetched, {1} cached, accept-shrink {2}: {3}")
	@CsvSource({ "4, 10, false, KEPT", "5, 10, false, REPLACED", "9, 10, false, REPLACED", "30, 10, false, REPLACED",
			"3, 10, true, REPLACED", "0, 10, false, KEPT", "0, 10, true, KEPT", "0, 0, false, KEPT" })
	void fewerThanHalfTheCachedArtworksKeepTheCacheUnlessAcceptedAndNoneNeverReplaceIt(int fetched, int cached,
			boolean acceptShrink, RefreshResult.Outcome expected) {
		TokenDocument cachedDocument = (cached > 0) ? document(cached, 4) : null;
		this.cache.document = cachedDocument;
		this.source.answers.add(document(fetched, Math.max(3, Math.min(fetched, 4))));

		RefreshResult result = service(acceptShrink).refresh();

		assertThat(result.outcome()).isEqualTo(expected);
		assertThat(result.fetchedTokens()).isEqualTo(fetched);
		if (expected == RefreshResult.Outcome.KEPT) {
			assertThat(this.cache.document).isSameAs(cachedDocument);
			assertThat(this.catalog.current().source()).isEqualTo("demo");
		}
		else {
			assertThat(this.cache.document.tokens()).hasSize(fetched);
			assertThat(this.catalog.current().source()).isEqualTo("objkt");
		}
	}

	@Test
	void aShrinkThatIsKeptSaysWhyAndHowToAcceptIt(CapturedOutput output) {
		this.cache.document = document(10, 4);
		this.source.answers.add(document(4, 4));

		RefreshResult result = service(false).refresh();

		assertThat(result.message()).isEqualTo("objkt returned 4 artworks, fewer than half the 10 cached; the cache is "
				+ "kept (artwork.objkt.accept-shrink: true would accept them)");
		assertThat(output).contains("WARN").contains("Artwork refresh: objkt returned 4 artworks, fewer than half");
	}

	@Test
	void noArtworksAreNeverAcceptedAndSaySo() {
		this.cache.document = document(10, 4);
		this.source.answers.add(document(0, 4));
		this.source.answers.add(document(0, 4));

		assertThat(service(true).refresh().message()).isEqualTo("objkt returned no artworks; the 10 cached are kept");
		this.cache.document = null;
		assertThat(this.service.refresh().message()).isEqualTo("objkt returned no artworks; nothing is saved");
		assertThat(this.cache.saves).isZero();
	}

	@Test
	void artworksThatMakeNoGameAreNeverServedNorSaved() {
		this.source.answers.add(document(10, 2));

		RefreshResult result = service(true).refresh();

		assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.KEPT);
		assertThat(result.message()).isEqualTo("the 10 artworks from objkt make no game: fewer than 3 artists with an "
				+ "alias or a Tezos domain between them; the cache is kept");
		assertThat(this.cache.saves).isZero();
		assertThat(this.catalog.current().source()).isEqualTo("demo");
	}

	@Test
	void aCacheThatCannotBeWrittenLeavesTheCatalogueAsItWas() {
		this.cache.saveFailure = new StorageException("Could not write to data/logs/tokens.log: No space left on "
				+ "device; the change was not recorded");
		this.source.answers.add(document(12, 4));

		RefreshResult result = service(false).refresh();

		assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.FAILED);
		assertThat(result.message()).isEqualTo("the 12 artworks from objkt could not be saved: Could not write to "
				+ "data/logs/tokens.log: No space left on device; the change was not recorded");
		assertThat(this.catalog.current().source()).isEqualTo("demo");
		assertThat(this.service.status().cachedAt()).isNull();
	}

	@Test
	void anUnreadableCacheIsReplaced() {
		this.cache.loadFailure = new StorageException("The token cache does not have the tokens.json shape");
		this.source.answers.add(document(3, 3));

		RefreshResult result = service(false).refresh();

		assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.REPLACED);
	}

	@Test
	void withTheDemoSourceOrNoCacheNothingIsFetched() {
		ArtworkRefreshService demo = new ArtworkRefreshService(properties(ArtworkProperties.Source.DEMO, false),
				this.catalog, this.cache, this.source, Clock.systemUTC());
		ArtworkRefreshService noCache = new ArtworkRefreshService(properties(ArtworkProperties.Source.OBJKT, false),
				this.catalog, null, this.source, Clock.systemUTC());

		assertThat(demo.refresh().outcome()).isEqualTo(RefreshResult.Outcome.DISABLED);
		assertThat(demo.refreshNow().message())
			.isEqualTo("Refreshing is off: artwork.source is demo: nothing is fetched");
		assertThat(noCache.refresh().message())
			.isEqualTo("Refreshing is off: the storage backend keeps no token cache");
		demo.start();
		noCache.start();
		assertThat(demo.status().nextRefresh()).isNull();
		assertThat(demo.status().refresh()).isEqualTo("off: artwork.source is demo: nothing is fetched");
		assertThat(demo.status().note()).isNull();
		assertThat(this.source.fetches).isZero();
		demo.stop();
		noCache.stop();
	}

	@Test
	void aRefreshAskedForWhileOneRunsIsSkipped() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.source.block = release;
		this.source.answers.add(document(12, 4));
		service(false);
		CompletableFuture<RefreshResult> first = CompletableFuture.supplyAsync(this.service::refresh);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.status().refreshingSince() != null);

		RefreshResult second = this.service.refreshNow();

		assertThat(second.outcome()).isEqualTo(RefreshResult.Outcome.SKIPPED);
		assertThat(second.message()).startsWith("A refresh is already running since ");
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(RefreshResult.Outcome.REPLACED);
		assertThat(this.source.fetches).isEqualTo(1);
		assertThat(this.service.status().refreshingSince()).isNull();
	}

	@Test
	void stoppingInterruptsARefreshUnderWayAndKeepsTheCache() throws Exception {
		TokenDocument cached = document(10, 4, IsoTime.format(Instant.now().minus(DAY.multipliedBy(2))));
		this.cache.document = cached;
		this.source.block = new CountDownLatch(1);
		this.source.answers.add(document(12, 4));
		service(false).start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.status().refreshingSince() != null);

		long started = System.nanoTime();
		this.service.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.service.status().lastRefresh().outcome()).isEqualTo(RefreshResult.Outcome.FAILED);
		assertThat(this.service.status().lastRefresh().message())
			.isEqualTo("stopped before the artworks were fetched: the application is stopping; the cache is as it was");
		assertThat(this.service.status().lastError()).as("stopping is no error").isNull();
		assertThat(this.service.status().nextRefresh()).isNull();
		assertThat(this.cache.document).isSameAs(cached);
		assertThat(this.cache.saves).isZero();
	}

	@Test
	void withNothingCachedTheFirstRefreshRunsAtOnceInTheBackgroundThenEveryPeriod(CapturedOutput output) {
		this.source.answers.add(document(12, 4));
		this.source.answers.add(document(13, 4));
		ManualTaskScheduler scheduler = new ManualTaskScheduler(NOW);

		service(false, scheduler).start();
		assertThat(this.source.fetches).as("in the background, not in start()").isZero();
		scheduler.runDue();

		assertThat(this.catalog.current().source()).isEqualTo("objkt");
		assertThat(this.source.fetches).isEqualTo(1);
		assertThat(this.service.status().nextRefresh()).isEqualTo(NOW.plus(DAY));
		scheduler.advance(DAY.minusSeconds(1));
		assertThat(this.source.fetches).isEqualTo(1);
		scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.source.fetches).isEqualTo(2);
		assertThat(this.service.status().nextRefresh()).isEqualTo(NOW.plus(DAY).plus(DAY));
		assertThat(output).contains("Artwork refresh: nothing is cached; fetching from objkt in the background, then "
				+ "every 24h");
	}

	@Test
	void aFailedScheduledRefreshIsTriedAgainWithinAnHour() {
		this.source.answers.add(new TokenSourceException("objkt.com did not answer"));
		ManualTaskScheduler scheduler = new ManualTaskScheduler(NOW);

		service(false, scheduler).start();
		scheduler.runDue();

		assertThat(this.service.status().lastRefresh().outcome()).isEqualTo(RefreshResult.Outcome.FAILED);
		assertThat(this.service.status().nextRefresh()).isEqualTo(NOW.plus(Duration.ofHours(1)));
	}

	@Test
	void aFreshCacheIsRefreshedOnceItIsAPeriodOld(CapturedOutput output) throws InterruptedException {
		Instant cachedAt = NOW.minus(Duration.ofHours(3));
		this.cache.document = document(10, 4, IsoTime.format(cachedAt));
		this.source.answers.add(document(12, 4));
		ManualTaskScheduler scheduler = new ManualTaskScheduler(NOW);

		service(false, scheduler).start();
		scheduler.advance(Duration.ofHours(21).minusSeconds(1));

		assertThat(this.service.status().nextRefresh()).isEqualTo(cachedAt.plus(DAY));
		assertThat(this.service.status().cachedTokens()).isEqualTo(10);
		assertThat(this.source.fetches).isZero();
		scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.source.fetches).isEqualTo(1);
		assertThat(output).contains("Artwork refresh: the cached artworks are from " + IsoTime.format(cachedAt)
				+ "; the next refresh is at ");
	}

	@Test
	void theFirstRefreshIsDueOnceTheCacheIsAPeriodOld() {
		Instant now = Instant.parse("2026-11-27T10:00:00Z");

		assertThat(ArtworkRefreshService.firstRefreshAt(null, DAY, now)).isEqualTo(now);
		assertThat(ArtworkRefreshService.firstRefreshAt("not a date", DAY, now)).isEqualTo(now);
		assertThat(ArtworkRefreshService.firstRefreshAt("2026-11-26T10:00:00.000Z", DAY, now)).isEqualTo(now);
		assertThat(ArtworkRefreshService.firstRefreshAt("2026-11-20T10:00:00.000Z", DAY, now)).isEqualTo(now);
		assertThat(ArtworkRefreshService.firstRefreshAt("2026-11-27T04:00:00.000Z", DAY, now))
			.isEqualTo(Instant.parse("2026-11-28T04:00:00Z"));
		assertThat(ArtworkRefreshService.firstRefreshAt("2031-01-01T00:00:00.000Z", DAY, now))
			.as("a date in the future counts as now")
			.isEqualTo(now.plus(DAY));
	}

	@Test
	void durationsAreWrittenAsInApplicationYml() {
		assertThat(ArtworkRefreshService.describe(DAY)).isEqualTo("24h");
		assertThat(ArtworkRefreshService.describe(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(ArtworkRefreshService.describe(Duration.ofSeconds(45))).isEqualTo("45s");
	}

	/** On the system clock, with a scheduler of the service's own (as the application runs it). */
	private ArtworkRefreshService service(boolean acceptShrink) {
		this.service = new ArtworkRefreshService(properties(ArtworkProperties.Source.OBJKT, acceptShrink),
				this.catalog, this.cache, this.source, Clock.systemUTC());
		return this.service;
	}

	/** Scheduled on {@code scheduler}, whose time the test moves by hand. */
	private ArtworkRefreshService service(boolean acceptShrink, ManualTaskScheduler scheduler) {
		this.service = new ArtworkRefreshService(properties(ArtworkProperties.Source.OBJKT, acceptShrink),
				this.catalog, this.cache, this.source, scheduler.getClock(), scheduler);
		return this.service;
	}

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	static ArtworkProperties properties(ArtworkProperties.Source source, boolean acceptShrink) {
		return new ArtworkProperties(source,
				new ArtworkProperties.Objkt(URI.create("https://data.objkt.com/v3/graphql"),
						List.of("tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B"), URI.create("https://ipfs.fileship.xyz/"), DAY,
						1, acceptShrink, true));
	}

	static TokenDocument document(int tokens, int artists) {
		return document(tokens, artists, "2026-11-27T10:00:00.000Z");
	}

	/** {@code tokens} tokens by {@code artists} artists in turn, every artist with an alias. */
	static TokenDocument document(int tokens, int artists, String lastUpdated) {
		List<Token> list = new ArrayList<>();
		Map<String, ArtistInfo> info = new LinkedHashMap<>();
		for (int i = 0; i < tokens; i++) {
			String address = "tz1artist" + (i % artists);
			list.add(new Token(String.valueOf(i), "Token " + i, "", "https://ipfs.fileship.xyz/Qm" + i, null,
					List.of(address), address, "KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton"));
			info.put(address, new ArtistInfo("Artist " + (i % artists), true,
					new ArtistProfile(null, "Artist " + (i % artists), null, null)));
		}
		return new TokenDocument(lastUpdated, list.size(), list, info);
	}

	/** Answers each fetch with the next document or exception; can hold a fetch until released or interrupted. */
	static final class ScriptedSource implements TokenSource {

		final Deque<Object> answers = new ArrayDeque<>();

		volatile CountDownLatch block;

		volatile int fetches;

		@Override
		public String name() {
			return "objkt";
		}

		@Override
		public TokenDocument fetch() throws InterruptedException {
			this.fetches++;
			if (this.block != null) {
				this.block.await();
			}
			Object answer = this.answers.poll();
			if (answer instanceof RuntimeException ex) {
				throw ex;
			}
			return (TokenDocument) answer;
		}

	}

	/** The shared in-memory token cache. */
	static final class MemoryCache extends MemoryTokenCache {
	}

}
