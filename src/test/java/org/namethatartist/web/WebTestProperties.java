package org.namethatartist.web;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every web test runs with: its own data directory, the demo artworks, short games. */
final class WebTestProperties {

	private WebTestProperties() {
	}

	static void register(DynamicPropertyRegistry registry, Path dataDir) {
		registry.add("storage.data-dir", dataDir::toString);
		registry.add("artwork.source", () -> "demo");
		registry.add("game.start-delay", () -> "0s");
		registry.add("game.limits.rounds", () -> "1..50");
		registry.add("game.limits.round-time", () -> "1s..60s");
		registry.add("game.limits.between-round-time", () -> "1s..60s");
		// Not the repository's 8081, which a running instance may hold.
		registry.add("management.server.port", () -> "0");
	}

}
