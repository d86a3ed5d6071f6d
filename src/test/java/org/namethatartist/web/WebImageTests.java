package org.namethatartist.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.image.ImageServer;
import org.namethatartist.artwork.image.TestImages;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.web.ApiClient.assertError;

/**
 * A web round's image, served by the application from its image cache at an address that says nothing
 * about the artwork: only once the round is open, with the bytes made anonymous.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebImageTests {

	private static final ImageServer IMAGES = new ImageServer();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		WebTestProperties.register(registry, dataDir);
		registry.add("artwork.images.demo-mirror", IMAGES::demoMirror);
		registry.add("artwork.images.prefetch-all", () -> "false");
		registry.add("game.start-delay", () -> "2s");
	}

	@AfterAll
	static void closeImages() {
		IMAGES.close();
	}

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void theOpenRoundsImageIsServedAnonymouslyAndNoRoundsBeforeItOpens() throws Exception {
		HttpResponse<String> started = this.api.post("/api/games",
				"{\"rounds\": 2, \"roundTime\": 3, \"betweenRoundTime\": 2, \"player\": \"Ann\"}");
		String gameId = JSON.readTree(started.body()).path("gameId").asString();
		String first = "/api/games/" + gameId + "/rounds/1/image";
		assertError(this.api.get(first), 404).contains("not open");

		JsonNode round = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
			.until(() -> JSON.readTree(this.api.get("/api/games/" + gameId).body()).path("round"), (r) -> !r.isNull());
		assertThat(round.path("imageUrl").asString()).isEqualTo(first);
		HttpResponse<byte[]> image = this.api.getBytes(first);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(image.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).contains("private", "max-age=3600"));
		assertThat(image.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"artwork.jpg\"");
		assertThat(ImageIO.read(new ByteArrayInputStream(image.body()))).isNotNull();
		TestImages.assertNoMetadata(image.body());

		assertError(this.api.get("/api/games/" + gameId + "/rounds/2/image"), 404).contains("Round 2");
		assertError(this.api.get("/api/games/" + gameId + "/rounds/x/image"), 404);
		assertError(this.api.get("/api/games/nosuchgame/rounds/1/image"), 404).isEqualTo("No game with this id.");

		// After the round, its image is still served with the reveal.
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
			.until(() -> JSON.readTree(this.api.get("/api/games/" + gameId).body()).path("lastRound").path("number")
				.asInt() == 1);
		assertThat(this.api.getBytes(first).body()).isEqualTo(image.body());
	}

}
