package org.namethatartist.artwork.objkt;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.MutableClock;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkPool;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.ArtworkProperties;
import org.namethatartist.artwork.MemoryTokenCache;
import org.namethatartist.artwork.PoolProperties;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.TokenDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.artwork.objkt.ObjktTokenSourceTests.artist;
import static org.namethatartist.artwork.objkt.ObjktTokenSourceTests.tokens;

/**
 * Servers' own pools read through the real objkt.com client from a real HTTP server on this machine
 * answering in objkt.com's shape: a wallet, a collection, an artist filter, a pool too small, a pool that
 * shrinks, the shared request budget, the caps, a restart. Waits between requests are counted on a
 * {@link FakeTicker}; the pools' clock is moved by hand.
 */
class ObjktPoolsTests {

	static final String WALLET = "tz1" + "P".repeat(33);

	static final String OTHER_WALLET = "tz1" + "Q".repeat(33);

	static final String CONTRACT = "KT1" + "C".repeat(33);

	static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

	static final int CHOICES = 4;

	static final int FEWEST_ROUNDS = 5;

	final FakeTicker ticker = new FakeTicker();

	final FakeObjkt objkt = new FakeObjkt(this.ticker::nanoTime);

	final MockWebServer server = new MockWebServer();

	final MutableClock clock = new MutableClock(START);

	final MemoryTokenCache cache = new MemoryTokenCache();

	/** The operator's catalogue: six named artists "Op 0" to "Op 5", three tokens each. */
	final ArtworkCatalog defaults = new ArtworkCatalog(TokenCatalog.of("objkt", operatorDocument(), true));

	@BeforeEach
	void start() throws IOException {
		this.server.setDispatcher(this.objkt);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aWalletPoolIsFetchedOnceCheckedPlayedAndKeptForARestart() throws Exception {
		this.objkt.holds(WALLET, tokens(30, "w", 5));
		for (int i = 0; i < 5; i++) {
			this.objkt.profile(artist("w", i), "Wallet artist " + i, null);
		}
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
		pools.onFetched(fetched::incrementAndGet);
		ArtworkPools.Check check = pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS);
		assertThat(check.accepted()).as(check.message()).isTrue();
		assertThat(check.message()).isEqualTo("wallet:" + WALLET + ": 30 artworks to draw from, 5 artists on the buttons.");
		assertThat(fetched).as("told once, for the images to be fetched").hasValue(1);
		assertThat(pools.tokensInUse()).as("no server uses it yet").isEmpty();
		pools.usedBy(() -> Map.of("guild-1", "wallet:" + WALLET + ",artist:Op 1"));
		assertThat(pools.tokensInUse()).as("the wallet's; the artist's are the operator's own").hasSize(30);
		int requests = this.objkt.requests().size();
		assertThat(requests).as("one page, then the new artists' profiles in one query").isEqualTo(1 + 1);
		assertThat(this.objkt.requests().get(1).variables().path("addresses")).hasSize(5);

		ArtworkPools.Selection selection = pools.select("wallet:" + WALLET, CHOICES, 10);
		assertThat(selection.pool()).isEqualTo("wallet:" + WALLET);
		assertThat(selection.fallback()).isNull();
		assertThat(selection.catalog().playable()).hasSize(30).allMatch((token) -> token.tokenId().startsWith("w"));
		assertThat(selection.catalog().artists()).hasSize(5);
		assertThat(this.objkt.requests()).as("selecting fetches nothing").hasSize(requests);
		assertThat(pools.select("wallet:" + WALLET, CHOICES, 10).catalog()).as("built once, not at every game's start")
			.isSameAs(selection.catalog());

		// A restart: a new instance on the same token cache plays the pool without asking objkt.com.
		assertThat(this.cache.pools).containsOnlyKeys("wallet:" + WALLET);
		ArtworkPools restarted = pools(1, PoolProperties.defaults());
		restarted.usedBy(() -> Map.of("guild-1", "wallet:" + WALLET));
		assertThat(restarted.tokensInUse()).as("read from the token cache").hasSize(30);
		assertThat(restarted.select("wallet:" + WALLET, CHOICES, 10).catalog().playable()).hasSize(30);
		assertThat(restarted.catalog("wallet:" + WALLET)).get().extracting((catalog) -> catalog.playable().size())
			.isEqualTo(30);
		assertThat(this.objkt.requests()).hasSize(requests);
	}

	@Test
	void aCollectionPoolReadsTheContractsTokensWithASupply() throws Exception {
		this.objkt.collection(CONTRACT, tokens(12, "c", 4));
		for (int i = 0; i < 4; i++) {
			this.objkt.profile(artist("c", i), "Collected " + i, null);
		}
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		ArtworkPools.Check check = pools.check(List.of(ArtworkPool.parse("collection:" + CONTRACT)), CHOICES,
				FEWEST_ROUNDS);
		assertThat(check.accepted()).as(check.message()).isTrue();
		FakeObjkt.Request first = this.objkt.requests().get(0);
		assertThat(first.isCollectionTokens()).isTrue();
		assertThat(first.query()).contains("where: {fa_contract: {_eq: $contract}, supply: {_gt: \"0\"}}");
		assertThat(first.variables().path("contract").asString()).isEqualTo(CONTRACT);
		TokenCatalog catalog = pools.select("collection:" + CONTRACT, CHOICES, FEWEST_ROUNDS).catalog();
		assertThat(catalog.playable()).hasSize(12).allMatch((token) -> token.contract().equals(CONTRACT));
	}

	@Test
	void anArtistPoolDrawsOnlyThatArtistsTokensWithTheOthersOnTheButtons() throws Exception {
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		ArtworkPools.Check check = pools.check(List.of(ArtworkPool.parse("artist:op 2")), CHOICES, 3);
		assertThat(check.accepted()).as(check.message()).isTrue();
		assertThat(this.objkt.requests()).as("a filter on the operator's catalogue fetches nothing").isEmpty();
		TokenCatalog catalog = pools.select("artist:op 2", CHOICES, 3).catalog();
		assertThat(catalog.playable()).hasSize(3).allMatch((token) -> token.primaryArtist().equals(operator(2)));
		assertThat(catalog.artists()).hasSize(6);
		Random random = new Random(7);
		for (Token token : catalog.playable()) {
			List<String> buttons = catalog.choices(token, CHOICES, random);
			assertThat(buttons).hasSize(CHOICES).contains(operator(2)).doesNotHaveDuplicates();
		}
		// By address too; and a game longer than the artist's tokens is refused with the reason.
		assertThat(pools.select("artist:" + operator(2), CHOICES, 3).pool()).isEqualTo("artist:" + operator(2));
		assertThat(pools.select("artist:op 2", CHOICES, 10).fallback())
			.isEqualTo("This server's artwork pool (artist:op 2) cannot make this game: it has 3 artworks to draw from, "
					+ "and a game needs 10. This game plays the default artworks.");
		assertThat(pools.check(List.of(ArtworkPool.parse("artist:nobody")), CHOICES, 3).message())
			.isEqualTo("artist:nobody cannot make a game: it has 0 artworks to draw from, and a game needs 3.");
	}

	@Test
	void aPoolTooSmallIsRefusedWithTheReasonAndSeveralPoolsPlayTheirUnion() throws Exception {
		this.objkt.holds(WALLET, tokens(8, "s", 2));
		this.objkt.profile(artist("s", 0), "Small 0", null).profile(artist("s", 1), "Small 1", null);
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		ArtworkPools.Check small = pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS);
		assertThat(small.accepted()).isFalse();
		assertThat(small.message()).isEqualTo("wallet:" + WALLET + " cannot make a game: it has 2 artists with images, "
				+ "and a round shows 4 to choose from.");
		// With a featured artist of the operator's catalogue, the union has enough artists.
		ArtworkPools.Check union = pools.check(ArtworkPool.parseList("wallet:" + WALLET + ", artist:Op 1", 5), CHOICES,
				FEWEST_ROUNDS);
		assertThat(union.accepted()).as(union.message()).isTrue();
		TokenCatalog catalog = pools.select("wallet:" + WALLET + ",artist:Op 1", CHOICES, FEWEST_ROUNDS).catalog();
		assertThat(catalog.playable()).extracting(Token::primaryArtist)
			.containsOnly(artist("s", 0), artist("s", 1), operator(1))
			.hasSize(8 + 3);
	}

	@Test
	void aPoolThatShrinksFallsBackToTheDefaultAndItsServerIsToldOnce() throws Exception {
		this.objkt.holds(WALLET, tokens(20, "k", 5));
		for (int i = 0; i < 5; i++) {
			this.objkt.profile(artist("k", i), "Kept " + i, null);
		}
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		String setting = "wallet:" + WALLET;
		pools.usedBy(() -> Map.of("guild-1", setting));
		List<String> told = Collections.synchronizedList(new ArrayList<>());
		pools.onFallback((guild, reason) -> told.add(guild + ": " + reason));
		assertThat(pools.check(List.of(ArtworkPool.parse(setting)), CHOICES, FEWEST_ROUNDS).accepted()).isTrue();

		// A refresh within the period asks nothing.
		int before = this.objkt.requests().size();
		pools.refreshInUse((guild) -> CHOICES, FEWEST_ROUNDS);
		assertThat(this.objkt.requests()).hasSize(before);

		// The wallet sells most of its tokens; the next refresh, a period later, finds two artists.
		this.objkt.holds(WALLET, tokens(6, "k", 2));
		this.clock.advance(Duration.ofHours(25));
		pools.refreshInUse((guild) -> CHOICES, FEWEST_ROUNDS);
		assertThat(this.objkt.requests().size()).as("one page, no new artist").isEqualTo(before + 1);
		assertThat(told).containsExactly("guild-1: This server's artwork pool (" + setting + ") can no longer make a game: "
				+ "it has 2 artists with images, and a round shows 4 to choose from. Games here play the default "
				+ "artworks until it can again, or until a moderator changes it (/settings set pool).");
		ArtworkPools.Selection selection = pools.select(setting, CHOICES, FEWEST_ROUNDS);
		assertThat(selection.isDefault()).isTrue();
		assertThat(selection.catalog()).isSameAs(this.defaults.current());
		assertThat(selection.fallback()).startsWith("This server's artwork pool (" + setting + ") cannot make this game");

		this.clock.advance(Duration.ofHours(25));
		pools.refreshInUse((guild) -> CHOICES, FEWEST_ROUNDS);
		assertThat(told).as("told once while it stays too small").hasSize(1);

		// It grows back: played again, and a later fall is told again.
		this.objkt.holds(WALLET, tokens(20, "k", 5));
		this.clock.advance(Duration.ofHours(25));
		pools.refreshInUse((guild) -> CHOICES, FEWEST_ROUNDS);
		assertThat(pools.select(setting, CHOICES, FEWEST_ROUNDS).pool()).isEqualTo(setting);
		assertThat(pools.select(setting, CHOICES, FEWEST_ROUNDS).catalog().playable()).as("the fresh copy").hasSize(20);
		assertThat(pools.status()).singleElement().satisfies((status) -> {
			assertThat(status.pool()).isEqualTo(setting);
			assertThat(status.tokens()).isEqualTo(20);
			assertThat(status.artists()).isEqualTo(5);
			assertThat(status.servers()).containsExactly("guild-1");
			assertThat(status.lastRefresh()).isEqualTo("2026-12-08T13:00:00.000Z");
		});
	}

	@Test
	void aPoolNoServerUsesIsNeitherRefreshedNorKept() throws Exception {
		this.objkt.holds(WALLET, tokens(20, "u", 5));
		profiles("u", 5);
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS);
		int before = this.objkt.requests().size();
		this.clock.advance(Duration.ofHours(25));
		pools.refreshInUse((guild) -> CHOICES, FEWEST_ROUNDS);
		assertThat(this.objkt.requests()).hasSize(before);
		assertThat(pools.status()).isEmpty();
	}

	/**
	 * In real time: with two threads, time that moves only when one sleeps cannot say when the other's request
	 * left. Measured where the server receives them, with no tolerance, as in {@link ObjktTokenSourceTests}.
	 */
	@Test
	void twoPoolsFetchedAtOnceShareOneRequestBudget() throws Exception {
		int rate = 10;
		FakeObjkt realTime = new FakeObjkt();
		this.server.setDispatcher(realTime);
		realTime.holds(WALLET, tokens(250, "x", 6)).holds(OTHER_WALLET, tokens(250, "y", 6));
		for (int i = 0; i < 6; i++) {
			realTime.profile(artist("x", i), "Artist x" + i, null).profile(artist("y", i), "Artist y" + i, null);
		}
		ArtworkPools pools = pools(rate, PoolProperties.defaults(), Ticker.SYSTEM);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Callable<ArtworkPools.Check>> both = List.of(
					() -> pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS),
					() -> pools.check(List.of(ArtworkPool.parse("wallet:" + OTHER_WALLET)), CHOICES, FEWEST_ROUNDS));
			for (Future<ArtworkPools.Check> done : threads.invokeAll(both)) {
				assertThat(done.get().accepted()).as(done.get().message()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
		List<FakeObjkt.Request> requests = realTime.requests();
		assertThat(requests.stream().filter(FakeObjkt.Request::isHeldTokens).map(FakeObjkt.Request::address).distinct())
			.containsExactlyInAnyOrder(WALLET, OTHER_WALLET);
		// 3 pages per wallet, and one query for each wallet's artists: 8 requests, never more than `rate` in a second.
		assertThat(requests).hasSize(8);
		List<Long> times = requests.stream().map(FakeObjkt.Request::nanoTime).sorted().toList();
		for (int i = rate; i < times.size(); i++) {
			assertThat(times.get(i) - times.get(i - rate)).as("requests %d to %d", i - rate + 1, i + 1)
				.isGreaterThanOrEqualTo(1_000_000_000L);
		}
	}

	@Test
	void aPoolOfManyArtistsAsksTheirProfilesAHundredAtATime() throws Exception {
		this.objkt.holds(WALLET, tokens(250, "n", 150));
		profiles("n", 150);
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		ArtworkPools.Check check = pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS);
		assertThat(check.artists()).isEqualTo(150);
		List<FakeObjkt.Request> artistQueries = this.objkt.requests().stream()
			.filter((request) -> request.variables().has("addresses")).toList();
		assertThat(artistQueries).extracting((request) -> request.variables().path("addresses").size())
			.containsExactly(100, 50);
		assertThat(this.objkt.requests()).hasSize(3 + 2);
	}

	@Test
	void aPoolIsReadUpToMaxTokens() throws Exception {
		this.objkt.holds(WALLET, tokens(250, "m", 5));
		profiles("m", 5);
		ArtworkPools pools = pools(1, new PoolProperties(30, 5));
		assertThat(pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS).tokens())
			.isEqualTo(30);
		assertThat(this.objkt.requests().stream().filter(FakeObjkt.Request::isHeldTokens)).as("one page of 100 is enough")
			.hasSize(1);
		assertThat(this.cache.pools.get("wallet:" + WALLET).tokens()).hasSize(30);
	}

	@Test
	void aPoolThatCannotBeReadIsRefusedAndARefreshThatFailsKeepsTheLastCopy() throws Exception {
		ArtworkPools pools = pools(1, PoolProperties.defaults());
		this.objkt.failNext(FakeObjkt.status(400));
		ArtworkPools.Check failed = pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS);
		assertThat(failed.accepted()).isFalse();
		assertThat(failed.message()).startsWith("The pool wallet:" + WALLET + " could not be read: ");

		this.objkt.holds(WALLET, tokens(20, "f", 5));
		profiles("f", 5);
		assertThat(pools.check(List.of(ArtworkPool.parse("wallet:" + WALLET)), CHOICES, FEWEST_ROUNDS).accepted())
			.isTrue();
		pools.usedBy(() -> Map.of("guild-1", "wallet:" + WALLET));
		this.clock.advance(Duration.ofHours(25));
		this.objkt.failNext(FakeObjkt.status(400));
		pools.refreshInUse((guild) -> CHOICES, FEWEST_ROUNDS);
		assertThat(pools.select("wallet:" + WALLET, CHOICES, FEWEST_ROUNDS).catalog().playable()).hasSize(20);
		assertThat(pools.status()).singleElement().satisfies((status) -> assertThat(status.lastError()).isNotNull());
	}

	private ArtworkPools pools(int requestsPerSecond, PoolProperties properties) {
		return pools(requestsPerSecond, properties, this.ticker);
	}

	private ArtworkPools pools(int requestsPerSecond, PoolProperties properties, Ticker ticker) {
		ArtworkProperties.Objkt settings = new ArtworkProperties.Objkt(
				URI.create(this.server.url("/v3/graphql").toString()), List.of(WALLET), URI.create("https://ipfs.example.org/"),
				Duration.ofHours(24), requestsPerSecond, false, true);
		ObjktTokenSource source = ObjktTokenSource.create(settings, Duration.ofSeconds(2), Duration.ofSeconds(5),
				Retries.DEFAULT, ticker, Clock.fixed(START, ZoneOffset.UTC));
		return new ArtworkPools(this.defaults, source, this.cache, properties, Duration.ofHours(24), true, this.clock);
	}

	/** Aliases for the first {@code count} artists of a series: artists without one are left out. */
	private void profiles(String series, int count) {
		for (int i = 0; i < count; i++) {
			this.objkt.profile(artist(series, i), "Artist " + series + i, null);
		}
	}

	static String operator(int i) {
		return artist("op", i);
	}

	/** Six artists with aliases "Op 0" to "Op 5", three tokens each, on the operator's contract. */
	static TokenDocument operatorDocument() {
		List<Token> tokens = new ArrayList<>();
		Map<String, ArtistInfo> artists = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 6; i++) {
			String address = operator(i);
			artists.put(address, new ArtistInfo("Op " + i, true, new ArtistProfile(null, "Op " + i, null, null)));
			for (int j = 0; j < 3; j++) {
				String id = "op" + i + "-" + j;
				tokens.add(new Token(id, "Work " + id, "", "https://img.example.org/" + id, null, List.of(address), address,
						"KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton", null, List.of(), "image/jpeg"));
			}
		}
		return new TokenDocument("2026-12-05T09:00:00.000Z", tokens.size(), tokens, artists);
	}

}
