package org.namethatartist.web;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.web.ApiClient.assertError;
import static org.namethatartist.web.ApiClient.json;

/** {@code web.play.enabled: false}: games cannot be started, answered or stopped; stats stay readable. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "web.play.enabled=false")
@DirtiesContext
class WebPlayOffTests {

	private static final String OFF = "Web play is turned off on this server.";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		WebTestProperties.register(registry, dataDir);
	}

	@LocalServerPort
	int port;

	@Test
	void playIsRefused403AndSaidSoInTheConfig() {
		ApiClient api = new ApiClient(this.port);
		assertError(api.post("/api/games", "{\"rounds\": 1}"), 403).isEqualTo(OFF);
		assertError(api.post("/api/games/abc/answers", "{\"player\": \"Ann\", \"choice\": 1}"), 403).isEqualTo(OFF);
		assertError(api.delete("/api/games/abc"), 403).isEqualTo(OFF);
		assertError(api.get("/api/games/abc"), 404).isEqualTo("No game with this id.");
		assertThat(json(api.get("/api/config")).path("playEnabled").asBoolean()).isFalse();
		assertThat(api.get("/api/leaderboard").statusCode()).isEqualTo(200);
		assertThat(api.get("/play.html").statusCode()).isEqualTo(200);
	}

}
