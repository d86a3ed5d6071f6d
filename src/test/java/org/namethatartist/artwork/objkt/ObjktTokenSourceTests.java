package org.namethatartist.artwork.objkt;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.ArtworkProperties;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.artwork.TokenSourceException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.namethatartist.artwork.objkt.FakeObjkt.token;

/**
 * The objkt.com client against a real HTTP server on this machine answering in objkt.com's shape: paging,
 * the original's rules for images and names, retries after 429, 5xx and timeouts, and the answers that
 * fail a fetch (malformed JSON, GraphQL errors, other statuses). Waits between requests are counted on a
 * {@link FakeTicker}, so they take no time.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObjktTokenSourceTests {

	static final String WALLET = address('W');

	static final String PAGE_1 = "page 1 of the tokens held by " + WALLET;

	static final String GATEWAY = "https://ipfs.example.org/";

	static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	final FakeTicker ticker = new FakeTicker();

	final FakeObjkt objkt = new FakeObjkt(this.ticker::nanoTime);

	final MockWebServer server = new MockWebServer();

	@BeforeEach
	void start() throws IOException {
		this.server.setDispatcher(this.objkt);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	/** {@code tz1} and 33 times {@code c}: the shape of a Tezos address. */
	static String address(char c) {
		return "tz1" + String.valueOf(c).repeat(33);
	}

	@Test
	void readsEveryPageOfEveryWalletThenEachArtistOnce() throws Exception {
		String other = address('V');
		this.objkt.holds(WALLET, tokens(250, "a", 5)).holds(other, tokens(100, "b", 2));
		for (int i = 0; i < 5; i++) {
			this.objkt.profile(artist("a", i), "Artist a" + i, null);
		}
		this.objkt.profile(artist("b", 0), null, "b0.tez");

		TokenDocument document = source(List.of(WALLET, other)).fetch();

		assertThat(document.lastUpdated()).isEqualTo("2026-11-27T10:00:00.000Z");
		assertThat(document.count()).isEqualTo(350).isEqualTo(document.tokens().size());
		List<FakeObjkt.Request> requests = this.objkt.requests();
		assertThat(requests.stream().filter(FakeObjkt.Request::isHeldTokens)
			.map((request) -> request.address() + "@" + request.offset()))
			.containsExactly(WALLET + "@0", WALLET + "@100", WALLET + "@200", other + "@0", other + "@100");
		assertThat(requests.stream().filter(FakeObjkt.Request::isHeldTokens))
			.allSatisfy((request) -> assertThat(request.variables().path("limit").asInt()).isEqualTo(100));
		assertThat(requests.stream().filter((request) -> !request.isHeldTokens()).map(FakeObjkt.Request::address))
			.containsExactly(artist("a", 0), artist("a", 1), artist("a", 2), artist("a", 3), artist("a", 4),
					artist("b", 0), artist("b", 1));
		assertThat(document.artistInfo()).containsOnlyKeys(requests.subList(5, 12)
			.stream()
			.map(FakeObjkt.Request::address)
			.toList());
		assertThat(this.ticker.sleeps()).as("1 request per second: only the pacer's waits")
			.hasSize(requests.size() - 1)
			.allMatch((sleep) -> sleep.equals(Duration.ofSeconds(1)));
	}

	@Test
	void sendsTheOriginalsQueriesAsGraphqlJson() throws Exception {
		this.objkt.holds(WALLET, tokens(1, "a", 1)).profile(artist("a", 0), "Ann", null);

		source(List.of(WALLET)).fetch();

		FakeObjkt.Request held = this.objkt.requests().get(0);
		assertThat(held.query()).isEqualTo(ObjktTokenSource.HELD_TOKENS_QUERY)
			.contains("holder(where: {address: {_eq: $address}})")
			.contains("held_tokens(limit: $limit, offset: $offset, distinct_on: token_pk, order_by: {token_pk: asc}, "
					+ "where: {quantity: {_gt: 0}})")
			.contains("token_id name description artifact_uri display_uri thumbnail_uri fa_contract")
			.contains("creators { creator_address }");
		assertThat(held.variables().toString())
			.isEqualTo("{\"address\":\"" + WALLET + "\",\"limit\":100,\"offset\":0}");
		FakeObjkt.Request artist = this.objkt.requests().get(1);
		assertThat(artist.query()).isEqualTo(ObjktTokenSource.ARTIST_QUERY)
			.contains("holder(where: {address: {_eq: $address}})")
			.contains("address alias tzdomain description logo");
		assertThat(artist.variables().toString()).isEqualTo("{\"address\":\"" + artist("a", 0) + "\"}");
	}

	@Test
	void appliesTheOriginalsRulesToImagesAndDropsTokensWithoutImageOrCreator() throws Exception {
		String ann = address('A');
		String bob = address('B');
		this.objkt.holds(WALLET, List.of(
				token("1", "Thumb first", "ipfs://QmThumb1", "ipfs://QmDisplay1", "ipfs://QmArtifact1", ann, bob),
				token("2", "No thumbnail", null, "ipfs://ipfs/QmDisplay2", "https://example.org/art2.png", ann),
				token("3", "Artifact only", null, null, "https://example.org/art3.png", bob),
				token("4", "Thumbnail only", "ipfs://QmThumb4", "", null, ann),
				token("5", "No image", null, null, null, ann),
				token("6", "Unusable images", "data:image/png;base64,AAAA", "ar://abc", "", bob),
				token("7", "No creator", "ipfs://QmThumb7", null, null),
				token("8", null, "ipfs://QmThumb8", null, null, bob),
				token("1", "Thumb first", "ipfs://QmThumb1", null, null, ann)))
			.profile(ann, "Ann", null)
			.profile(bob, "Bob", null);

		TokenDocument document = source(List.of(WALLET)).fetch();

		assertThat(document.tokens()).extracting(Token::tokenId).containsExactly("1", "2", "3", "4", "8");
		Token first = document.tokens().get(0);
		assertThat(first.imageUrl()).isEqualTo(GATEWAY + "QmThumb1");
		assertThat(first.fullImageUrl()).isEqualTo(GATEWAY + "QmDisplay1");
		assertThat(first.artists()).containsExactly(ann, bob);
		assertThat(first.primaryArtist()).isEqualTo(ann);
		assertThat(first.contract()).isEqualTo("KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton");
		assertThat(first.description()).isEqualTo("About Thumb first");
		Token second = document.tokens().get(1);
		assertThat(second.imageUrl()).as("display, with its leading ipfs/ dropped").isEqualTo(GATEWAY + "QmDisplay2");
		assertThat(second.fullImageUrl()).isEqualTo(GATEWAY + "QmDisplay2");
		Token third = document.tokens().get(2);
		assertThat(third.imageUrl()).isEqualTo("https://example.org/art3.png");
		assertThat(third.fullImageUrl()).isEqualTo("https://example.org/art3.png");
		Token fourth = document.tokens().get(3);
		assertThat(fourth.imageUrl()).isEqualTo(GATEWAY + "QmThumb4");
		assertThat(fourth.fullImageUrl()).as("the thumbnail when there is nothing else")
			.isEqualTo(GATEWAY + "QmThumb4");
		Token unnamed = document.tokens().get(4);
		assertThat(unnamed.name()).isEqualTo("Untitled");
		assertThat(unnamed.description()).isEmpty();
		assertThat(document.count()).isEqualTo(5);
	}

	@Test
	void readsTheMintDateTagsAndMediaTypeForSimilarity() throws Exception {
		String ann = address('A');
		tools.jackson.databind.node.ObjectNode tagged = (tools.jackson.databind.node.ObjectNode) token("1", "Tagged",
				"ipfs://Qm1", null, null, ann);
		tools.jackson.databind.node.ObjectNode inner = (tools.jackson.databind.node.ObjectNode) tagged.required("token");
		inner.put("timestamp", "2021-06-01T12:00:00+00:00");
		inner.put("mime", "image/gif");
		tools.jackson.databind.node.ArrayNode tags = inner.putArray("tags");
		tags.addObject().putObject("tag").put("name", "pixelart");
		tags.addObject().putObject("tag").put("name", " ");
		tags.addObject().putObject("tag").put("name", "glitch");
		this.objkt.holds(WALLET, List.of(tagged, token("2", "Bare", "ipfs://Qm2", null, null, ann)))
			.profile(ann, "Ann", null);

		TokenDocument document = source(List.of(WALLET)).fetch();

		Token first = document.tokens().get(0);
		assertThat(first.timestamp()).isEqualTo("2021-06-01T12:00:00+00:00");
		assertThat(first.mime()).isEqualTo("image/gif");
		assertThat(first.tags()).containsExactly("pixelart", "glitch");
		Token bare = document.tokens().get(1);
		assertThat(bare.timestamp()).isNull();
		assertThat(bare.mime()).isNull();
		assertThat(bare.tags()).isEmpty();
		assertThat(ObjktTokenSource.HELD_TOKENS_QUERY).contains("timestamp mime tags { tag { name } }");
	}

	@Test
	void namesArtistsByAliasElseTezosDomainElseShortAddress() throws Exception {
		String alias = address('A');
		String both = address('B');
		String domain = address('C');
		String neither = address('D');
		String unknown = address('E');
		this.objkt.holds(WALLET, List.of(token("1", "One", "ipfs://Qm1", null, null, alias),
				token("2", "Two", "ipfs://Qm2", null, null, both),
				token("3", "Three", "ipfs://Qm3", null, null, domain),
				token("4", "Four", "ipfs://Qm4", null, null, neither),
				token("5", "Five", "ipfs://Qm5", null, null, unknown)))
			.profile(alias, "Ann", null)
			.profile(both, "Bob", "bob.tez")
			.profile(domain, " ", "cy.tez")
			.profile(neither, null, null);

		TokenDocument document = source(List.of(WALLET)).fetch();

		assertThat(document.artistInfo().get(alias)).isEqualTo(new ArtistInfo("Ann", true,
				new ArtistProfile(null, "Ann", "About Ann", "ipfs://QmLogo3")));
		assertThat(document.artistInfo().get(both).displayName()).isEqualTo("Bob");
		assertThat(document.artistInfo().get(domain)).isEqualTo(new ArtistInfo("cy.tez", true,
				new ArtistProfile("cy.tez", " ", "About  ", "ipfs://QmLogo1")));
		assertThat(document.artistInfo().get(neither))
			.isEqualTo(new ArtistInfo("tz1DDDD...DDDD", false, new ArtistProfile(null, null, null, null)));
		assertThat(document.artistInfo().get(unknown)).as("no holder on objkt.com")
			.isEqualTo(new ArtistInfo("tz1EEEE...EEEE", false, new ArtistProfile(null, null, null, null)));
	}

	@Test
	void anUnknownWalletHoldsNothing() throws Exception {
		TokenDocument document = source(List.of(WALLET)).fetch();

		assertThat(document.tokens()).isEmpty();
		assertThat(document.count()).isZero();
		assertThat(this.objkt.requests()).hasSize(1);
	}

	@Test
	void a429IsTriedAgainAfterItsRetryAfter(CapturedOutput output) throws Exception {
		this.objkt.holds(WALLET, tokens(3, "a", 3)).failNext(FakeObjkt.status(429, "Retry-After: 7"));

		TokenDocument document = source(List.of(WALLET)).fetch();

		assertThat(document.tokens()).hasSize(3);
		assertThat(this.objkt.requests()).hasSize(1 + 1 + 3);
		assertThat(this.ticker.sleeps()).startsWith(Duration.ofSeconds(7));
		assertThat(output).contains("objkt.com: HTTP 429 asking for page 1 of the tokens held by "
				+ WALLET + " (attempt 1 of 4); trying again in 7s (Retry-After: 7)");
	}

	@Test
	void aRetryAfterBeyondTheCapWaitsTheCap() throws Exception {
		this.objkt.holds(WALLET, tokens(3, "a", 3)).failNext(FakeObjkt.status(429, "Retry-After: 86400"));

		source(List.of(WALLET)).fetch();

		assertThat(this.ticker.sleeps()).startsWith(Duration.ofSeconds(60));
	}

	@Test
	void serverErrorsAreTriedAgainWithGrowingWaits() throws Exception {
		this.objkt.holds(WALLET, tokens(3, "a", 3))
			.failNext(FakeObjkt.status(500), FakeObjkt.status(502), FakeObjkt.status(503));

		TokenDocument document = source(List.of(WALLET)).fetch();

		assertThat(document.tokens()).hasSize(3);
		assertThat(this.ticker.sleeps()).startsWith(Duration.ofSeconds(2), Duration.ofSeconds(4),
				Duration.ofSeconds(8));
	}

	@Test
	void aServerThatKeepsFailingFailsTheFetchAfterFourAttempts() {
		this.objkt.holds(WALLET, tokens(3, "a", 3))
			.failNext(FakeObjkt.status(500), FakeObjkt.status(500), FakeObjkt.status(500), FakeObjkt.status(500));

		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessage("objkt.com did not answer " + PAGE_1 + " after 4 attempts; the last: HTTP 500");
		assertThat(this.objkt.requests()).hasSize(4);
	}

	@Test
	void aTimeoutIsTriedAgain(CapturedOutput output) throws Exception {
		this.objkt.holds(WALLET, tokens(3, "a", 3))
			.failNext(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
		ObjktTokenSource source = ObjktTokenSource.create(settings(List.of(WALLET)), Duration.ofSeconds(2),
				Duration.ofMillis(300), Retries.DEFAULT, this.ticker, Clock.fixed(NOW, ZoneOffset.UTC));

		TokenDocument document = source.fetch();

		assertThat(document.tokens()).hasSize(3);
		assertThat(this.ticker.sleeps()).startsWith(Duration.ofSeconds(2));
		assertThat(output).contains("objkt.com: HttpTimeoutException").contains("(attempt 1 of 4)");
	}

	@Test
	void aRefusedConnectionIsTriedAgainThenFails() {
		this.server.close();

		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessageStartingWith("objkt.com did not answer " + PAGE_1 + " after 4 attempts; the last: "
					+ "ConnectException");
		assertThat(this.ticker.sleeps()).containsSubsequence(Duration.ofSeconds(2), Duration.ofSeconds(4),
				Duration.ofSeconds(8));
	}

	@Test
	void malformedJsonFailsTheFetchAtOnce() {
		this.objkt.failNext(FakeObjkt.json("{\"data\": {\"holder\": [ {\"held_tokens\": [ {\"tok"));

		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessageStartingWith("objkt.com's answer to page 1 of the tokens held by " + WALLET + " is not JSON")
			.hasMessageEndingWith(": {\"data\": {\"holder\": [ {\"held_tokens\": [ {\"tok");
		assertThat(this.objkt.requests()).hasSize(1);
	}

	@Test
	void aGraphqlErrorsMemberFailsTheFetchWithItsMessages() {
		this.objkt.failNext(FakeObjkt.json("{\"errors\": [{\"message\": \"field 'held_tokens' not found in type: "
				+ "'holder'\", \"extensions\": {\"code\": \"validation-failed\"}}, {\"message\": \"second\"}]}"));

		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessage("objkt.com answered " + PAGE_1 + " with errors: field 'held_tokens' not found in type: "
					+ "'holder'; second");
		assertThat(this.objkt.requests()).hasSize(1);
	}

	@Test
	void errorsBesideDataAreStillAnError() {
		this.objkt.failNext(FakeObjkt.json("{\"data\": {\"holder\": []}, \"errors\": [{\"message\": \"partial\"}]}"));

		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessageEndingWith("with errors: partial");
	}

	@Test
	void anAnswerWithoutDataOrHolderFailsTheFetch() {
		this.objkt.failNext(FakeObjkt.json("{\"data\": null}"), FakeObjkt.json("{\"data\": {\"holders\": []}}"));

		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessage("objkt.com's answer to " + PAGE_1 + " has no data: {\"data\": null}");
		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessage("objkt.com's answer to page 1 of the tokens held by " + WALLET + " has no holder list");
	}

	@Test
	void aClientErrorOtherThan429FailsAtOnce() {
		this.objkt.failNext(new MockResponse.Builder().code(404).body("<html>Not Found</html>").build());

		assertThatThrownBy(() -> source(List.of(WALLET)).fetch()).isInstanceOf(TokenSourceException.class)
			.hasMessage("objkt.com answered " + PAGE_1 + " with HTTP 404: <html>Not Found</html>");
		assertThat(this.objkt.requests()).hasSize(1);
	}

	@Test
	void aFailureAfterTheFirstPageFailsTheWholeFetch() {
		this.objkt.holds(WALLET, tokens(150, "a", 3));
		ObjktTokenSource source = source(List.of(WALLET));
		this.objkt.failNext(FakeObjkt.json(page(tokens(100, "a", 3))), FakeObjkt.json("{\"errors\": [{\"message\": "
				+ "\"query timed out\"}]}"));

		assertThatThrownBy(source::fetch).isInstanceOf(TokenSourceException.class)
			.hasMessage("objkt.com answered page 2 of the tokens held by " + WALLET + " with errors: query timed out");
	}

	@Test
	void requestsAreSpacedByTheRateOnTheInjectedClock() throws Exception {
		this.objkt.holds(WALLET, tokens(450, "a", 6)).failNext(FakeObjkt.status(500));
		ObjktTokenSource source = ObjktTokenSource.create(settings(List.of(WALLET), 4), Duration.ofSeconds(2),
				Duration.ofSeconds(5), new Retries(4, Duration.ofMillis(100), Duration.ofSeconds(1),
						Duration.ofSeconds(60)), this.ticker, Clock.fixed(NOW, ZoneOffset.UTC));

		source.fetch();

		List<Long> times = this.objkt.requests().stream().map(FakeObjkt.Request::nanoTime).toList();
		assertThat(times).hasSize(1 + 5 + 6);
		assertRate(times, 4, 0);
		assertThat(this.ticker.sleeps()).as("the retry's 100 ms backoff, then the pacer's remaining 150 ms")
			.startsWith(Duration.ofMillis(100), Duration.ofMillis(150));
	}

	@Test
	void requestsAreSpacedByTheRateInRealTime() throws Exception {
		FakeObjkt realTime = new FakeObjkt().holds(WALLET, tokens(500, "a", 3));
		this.server.setDispatcher(realTime);
		ObjktTokenSource source = ObjktTokenSource.create(settings(List.of(WALLET), 10), Duration.ofSeconds(2),
				Duration.ofSeconds(5), Retries.DEFAULT, Ticker.SYSTEM, Clock.fixed(NOW, ZoneOffset.UTC));

		long started = System.nanoTime();
		source.fetch();
		long took = System.nanoTime() - started;

		List<Long> times = realTime.requests().stream().map(FakeObjkt.Request::nanoTime).toList();
		assertThat(times).hasSize(6 + 3);
		// Measured where the server receives them, with no tolerance: each request leaves a whole interval
		// after the answer to the one before arrived, so it cannot reach the server any nearer to it.
		assertRate(times, 10, 0);
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(800).toNanos());
	}

	/**
	 * No two requests closer than {@code 1/rate} (less the tolerance), and no window of one second holding
	 * more than {@code rate} of them.
	 */
	private static void assertRate(List<Long> times, int rate, long toleranceNanos) {
		long interval = 1_000_000_000L / rate;
		for (int i = 1; i < times.size(); i++) {
			assertThat(times.get(i) - times.get(i - 1)).as("gap before request %d", i + 1)
				.isGreaterThanOrEqualTo(interval - toleranceNanos);
		}
		for (int i = rate; i < times.size(); i++) {
			assertThat(times.get(i) - times.get(i - rate)).as("requests %d to %d", i - rate + 1, i + 1)
				.isGreaterThanOrEqualTo(1_000_000_000L - toleranceNanos);
		}
	}

	private ObjktTokenSource source(List<String> wallets) {
		return ObjktTokenSource.create(settings(wallets), Duration.ofSeconds(2), Duration.ofSeconds(5),
				Retries.DEFAULT, this.ticker, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private ArtworkProperties.Objkt settings(List<String> wallets) {
		return settings(wallets, 1);
	}

	private ArtworkProperties.Objkt settings(List<String> wallets, int requestsPerSecond) {
		return new ArtworkProperties.Objkt(URI.create(this.server.url("/v3/graphql").toString()), wallets,
				URI.create(GATEWAY), Duration.ofHours(24), requestsPerSecond, false, true);
	}

	/** The {@code i}-th of {@code artists} artists of a series, each address distinct. */
	static String artist(String series, int i) {
		return "tz1" + series + String.format("%032d", i);
	}

	/** {@code count} tokens of series {@code series}, their artists taken in turn from {@code artists}. */
	static List<JsonNode> tokens(int count, String series, int artists) {
		List<JsonNode> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tokens.add(token(series + i, "Work " + series + i, "ipfs://QmThumb" + series + i,
					"ipfs://QmDisplay" + series + i, null, artist(series, i % artists)));
		}
		return tokens;
	}

	static String page(List<JsonNode> heldTokens) {
		return "{\"data\": {\"holder\": [{\"held_tokens\": " + FakeObjkt.JSON.valueToTree(heldTokens) + "}]}}";
	}

}
