package org.namethatartist.artwork.objkt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.TokenCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.namethatartist.artwork.objkt.FakeObjkt.token;

/**
 * The whole application on a fresh data directory, with objkt.com played by a local server: the
 * background refresh at start-up fills the cache ({@code tokens.json}) and games draw those tokens; the
 * {@code artwork} health and endpoint (on the management port only) show and steer the refresh. What
 * {@code java -jar} does with internet access, with everything but objkt.com's address as configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=health,artwork",
				"management.endpoint.health.show-details=always", "artwork.source=objkt",
				"artwork.objkt.wallets=" + ObjktApplicationTests.WALLET, "artwork.objkt.requests-per-second=50",
				"artwork.objkt.ipfs-gateway=https://ipfs.example.org/", "game.start-delay=0s",
				"game.limits.rounds=1..50" })
@DirtiesContext
// In the order of an operator's day: start-up, a look at health, a refresh on demand, one that fails.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObjktApplicationTests {

	static final String WALLET = "tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B";

	/** Artists by address: three with an alias, one with a Tezos domain only, one with neither. */
	static final List<String> ARTISTS = List.of(ObjktTokenSourceTests.address('A'),
			ObjktTokenSourceTests.address('B'), ObjktTokenSourceTests.address('C'), ObjktTokenSourceTests.address('D'),
			ObjktTokenSourceTests.address('E'));

	/** 130 tokens, two pages: 26 by each artist; those of the artist with no name are not played. */
	static final int TOKENS = 130;

	static final FakeObjkt objkt = new FakeObjkt();

	static final MockWebServer server = startServer();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("storage.data-dir", dataDir::toString);
		registry.add("artwork.objkt.url", () -> server.url("/v3/graphql").toString());
		// Only the games fetch images (from ipfs.example.org, which does not resolve here).
		registry.add("artwork.images.prefetch-all", () -> "false");
	}

	private static MockWebServer startServer() {
		List<tools.jackson.databind.JsonNode> tokens = new ArrayList<>();
		for (int i = 0; i < TOKENS; i++) {
			tokens.add(token(String.valueOf(1000 + i), "Work " + i, "ipfs://QmThumb" + i, "ipfs://ipfs/QmDisplay" + i,
					"ipfs://QmArtifact" + i, ARTISTS.get(i % ARTISTS.size())));
		}
		objkt.holds(WALLET, tokens)
			.profile(ARTISTS.get(0), "Ann", null)
			.profile(ARTISTS.get(1), "Bob", "bob.tez")
			.profile(ARTISTS.get(2), "Cy", null)
			.profile(ARTISTS.get(3), null, "dee.tez")
			.profile(ARTISTS.get(4), null, null);
		MockWebServer server = new MockWebServer();
		server.setDispatcher(objkt);
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return server;
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int publicPort;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ArtworkCatalog catalog;

	@Autowired
	TokenCache cache;

	@BeforeEach
	void waitForTheStartUpRefresh() {
		await().atMost(Duration.ofSeconds(30)).until(() -> "objkt".equals(this.catalog.current().source()));
	}

	@Test
	@Order(1)
	void theStartUpRefreshFillsTheCacheAndGamesDrawItsTokens() throws Exception {
		assertThat(this.catalog.current().playable()).hasSize(TOKENS / 5 * 4);
		assertThat(this.cache.load()).hasValueSatisfying((document) -> {
			assertThat(document.count()).isEqualTo(TOKENS);
			assertThat(document.artistInfo()).hasSize(5);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dataDir.resolve("tokens.json"))
				&& Files.readString(dataDir.resolve("tokens.json")).contains("\"count\": " + TOKENS));
		assertThat(dataDir.resolve("tokens.json")).content()
			.contains("\"imageUrl\": \"https://ipfs.example.org/QmThumb0\"")
			.contains("\"fullImageUrl\": \"https://ipfs.example.org/QmDisplay0\"")
			.contains("\"displayName\": \"dee.tez\"");

		HttpResponse<String> started = send(this.publicPort, "POST", "/api/games",
				"{\"rounds\": 3, \"roundTime\": 30, \"betweenRoundTime\": 5, \"player\": \"Ann\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		String gameId = this.json.readTree(started.body()).path("gameId").asString();
		JsonNode round = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.json.readTree(send(this.publicPort, "GET", "/api/games/" + gameId, null).body())
				.path("round"), JsonNode::isObject);

		// The page gets the round's image from the bot (fair play): no gateway address, no title.
		assertThat(round.path("imageUrl").asString()).isEqualTo("/api/games/" + gameId + "/rounds/1/image");
		assertThat(round.has("tokenName")).isFalse();
		assertThat(round.toString()).doesNotContain("ipfs", "Qm");
		assertThat(round.path("choices").valueStream().map((choice) -> choice.path("artist").asString()))
			.hasSize(4)
			.allMatch(Set.of("Ann", "Bob", "Cy", "dee.tez")::contains);
		assertThat(send(this.publicPort, "DELETE", "/api/games/" + gameId, null).statusCode()).isEqualTo(204);
	}

	@Test
	@Order(2)
	void theArtworkHealthShowsTheSourceAndItsRefresh() throws Exception {
		HttpResponse<String> response = send(this.managementPort, "GET", "/actuator/health", null);

		JsonNode artwork = this.json.readTree(response.body()).path("components").path("artwork");
		assertThat(artwork.path("status").asString()).isEqualTo("UP");
		JsonNode details = artwork.path("details");
		assertThat(details.path("source").asString()).isEqualTo("objkt");
		assertThat(details.path("configuredSource").asString()).isEqualTo("objkt");
		assertThat(details.path("playableTokens").asInt()).isEqualTo(104);
		assertThat(details.path("artists").asInt()).isEqualTo(4);
		assertThat(details.path("cachedTokens").asInt()).isEqualTo(TOKENS);
		assertThat(details.path("refresh").asString()).isEqualTo("every 24h");
		assertThat(details.path("lastRefresh").path("outcome").asString()).isEqualTo("REPLACED");
		assertThat(details.path("lastRefresh").path("startedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(details.path("nextRefresh").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(details.has("note")).isFalse();
	}

	@Test
	@Order(3)
	void theArtworkEndpointShowsTheStatusAndRefreshesOnDemand() throws Exception {
		JsonNode status = this.json.readTree(send(this.managementPort, "GET", "/actuator/artwork", null).body());
		assertThat(status.path("source").asString()).isEqualTo("objkt");
		assertThat(status.path("playableTokens").asInt()).isEqualTo(104);
		int requestsBefore = objkt.requests().size();

		HttpResponse<String> refreshed = send(this.managementPort, "POST", "/actuator/artwork", null);

		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JsonNode result = this.json.readTree(refreshed.body());
		assertThat(result.path("outcome").asString()).isEqualTo("REPLACED");
		assertThat(result.path("fetchedTokens").asInt()).isEqualTo(TOKENS);
		assertThat(result.path("message").asString()).isEqualTo("130 artworks from objkt saved; games now draw from "
				+ "104 playable artworks by 4 artists");
		assertThat(objkt.requests().size() - requestsBefore).as("two pages, five artists").isEqualTo(7);
		assertThat(send(this.publicPort, "POST", "/actuator/artwork", null).statusCode()).isEqualTo(404);
		assertThat(send(this.publicPort, "GET", "/actuator/artwork", null).statusCode()).isEqualTo(404);

		// The game of the first test asked for its images, which could not be had: kept aside, then forgotten.
		JsonNode cleared = this.json.readTree(
				send(this.managementPort, "DELETE", "/actuator/artwork/image-failures", null).body());
		assertThat(cleared.path("clearedImageFailures").asInt()).isGreaterThanOrEqualTo(1);
		JsonNode again = this.json.readTree(
				send(this.managementPort, "DELETE", "/actuator/artwork/image-failures", null).body());
		assertThat(again.path("clearedImageFailures").asInt()).isZero();
		assertThat(send(this.managementPort, "DELETE", "/actuator/artwork/other", null).statusCode()).isEqualTo(404);
	}

	@Test
	@Order(4)
	void aFailedRefreshOnDemandKeepsTheCatalogueAndShowsTheError() throws Exception {
		var served = this.catalog.current();
		objkt.failNext(FakeObjkt.json("{\"errors\": [{\"message\": \"field 'holder' not found in type: "
				+ "'query_root'\"}]}"));

		HttpResponse<String> refreshed = send(this.managementPort, "POST", "/actuator/artwork", "{}");

		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JsonNode result = this.json.readTree(refreshed.body());
		assertThat(result.path("outcome").asString()).isEqualTo("FAILED");
		assertThat(this.catalog.current()).isSameAs(served);
		JsonNode health = this.json.readTree(send(this.managementPort, "GET", "/actuator/health/artwork", null).body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("details").path("lastError").asString()).isEqualTo("objkt.com answered page 1 of the "
				+ "tokens held by " + WALLET + " with errors: field 'holder' not found in type: 'query_root'");
		assertThat(health.path("details").path("cachedTokens").asInt()).isEqualTo(TOKENS);
	}

	private HttpResponse<String> send(int port, String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
