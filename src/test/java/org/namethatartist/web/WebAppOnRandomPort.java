package org.namethatartist.web;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The set-up of an API test class that runs the whole application on a free loopback port: a fresh data
 * directory per class with the demo artworks ({@link WebTestProperties}), a client on the port before each
 * test, and the context closed after the class, so that no class sees another's data. A subclass imports
 * the clock it needs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class WebAppOnRandomPort {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void webTestProperties(DynamicPropertyRegistry registry) throws IOException {
		WebTestProperties.register(registry, dataDir);
	}

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void openClient() {
		this.api = new ApiClient(this.port);
	}

}
