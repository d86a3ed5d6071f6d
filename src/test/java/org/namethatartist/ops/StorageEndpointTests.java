package org.namethatartist.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerRepository;
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

/**
 * The application on real ports: Actuator (health per store, probes, metrics, the {@code storage}
 * endpoint) answers on the management port and nowhere on the public one. Management settings are set
 * here so the test does not depend on the repository's {@code application.yml}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=health,info,metrics,prometheus,storage",
				"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,storage",
				"storage.fsync=always", "storage.compaction.backups=3",
				"artwork.objkt.url=http://127.0.0.1:9/v3/graphql" })
// Closed after the class, before JUnit deletes the temp data directory under its open stores.
@DirtiesContext
class StorageEndpointTests {

	private static final String[] STORES = { "players", "guild_players", "game_state", "tokens", "periods", "guild_settings", "daily" };

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void storageInTempDir(DynamicPropertyRegistry registry) {
		registry.add("storage.data-dir", () -> dataDir.toString());
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int publicPort;

	@LocalManagementPort
	int managementPort;

	@Autowired
	PlayerRepository players;

	@Test
	void healthShowsEveryStoreUpWithItsDetails() throws Exception {
		HttpResponse<String> response = get(this.managementPort, "/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode storage = this.json.readTree(response.body()).path("components").path("storage");
		assertThat(storage.path("status").asString()).isEqualTo("UP");
		for (String store : STORES) {
			JsonNode health = storage.path("components").path(store);
			assertThat(health.path("status").asString()).as(store).isEqualTo("UP");
			JsonNode details = health.path("details");
			assertThat(details.path("path").asString()).endsWith(store + ".log");
			assertThat(details.has("logBytes")).isTrue();
			assertThat(details.has("records")).isTrue();
			assertThat(details.path("backups").isArray()).isTrue();
			assertThat(details.path("lastRecovery").path("store").asString()).isEqualTo(store);
			assertThat(details.path("lastRecovery").has("recordsReplayed")).isTrue();
		}
	}

	@Test
	void livenessAndReadinessProbesAnswerAndReadinessIncludesStorage() throws Exception {
		HttpResponse<String> liveness = get(this.managementPort, "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		HttpResponse<String> readiness = get(this.managementPort, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(readiness.body());
		assertThat(body.path("status").asString()).isEqualTo("UP");
		assertThat(body.path("components").has("storage")).isTrue();
	}

	@Test
	void storageEndpointListsEveryStoreOnTheManagementPort() throws Exception {
		HttpResponse<String> response = get(this.managementPort, "/actuator/storage");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.path("dataDir").asString()).isEqualTo(dataDir.toAbsolutePath().normalize().toString());
		assertThat(body.path("stores").valueStream().map((store) -> store.path("store").asString()))
			.containsExactly(STORES);
		assertThat(body.path("stores").get(0).path("writable").asBoolean()).isTrue();
	}

	@Test
	void thePublicPortServesNoActuatorPath() throws Exception {
		assertThat(get(this.publicPort, "/actuator/storage").statusCode()).isEqualTo(404);
		assertThat(get(this.publicPort, "/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get(this.publicPort, "/actuator").statusCode()).isEqualTo(404);
	}

	@Test
	void writeOperationCompactsTheNamedStore() throws Exception {
		this.players.recordResult(result("compact-me"));
		HttpResponse<String> response = post(this.managementPort, "/actuator/storage", "{\"store\":\"players\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reports = this.json.readTree(response.body());
		assertThat(reports.size()).isEqualTo(1);
		assertThat(reports.get(0).path("store").asString()).isEqualTo("players");
		assertThat(reports.get(0).path("backup").asString()).startsWith("players.log.backup.");
		JsonNode players = this.json.readTree(get(this.managementPort, "/actuator/storage").body())
			.path("stores")
			.get(0);
		assertThat(players.path("lastCompaction").path("backup").asString())
			.isEqualTo(reports.get(0).path("backup").asString());
		assertThat(players.path("records").asLong()).isEqualTo(1);
		assertThat(this.players.find("compact-me")).isPresent();
	}

	@Test
	void writeOperationWithoutAStoreCompactsThemAll() throws Exception {
		HttpResponse<String> response = post(this.managementPort, "/actuator/storage", "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).valueStream().map((report) -> report.path("store").asString()))
			.containsExactly(STORES);
	}

	@Test
	void writeOperationRejectsAnUnknownStoreWithABadRequest() throws Exception {
		HttpResponse<String> response = post(this.managementPort, "/actuator/storage", "{\"store\":\"nope\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).path("error").asString())
			.isEqualTo("Unknown store 'nope'; stores: players, guild_players, game_state, tokens, periods, guild_settings, daily");
	}

	@Test
	void appendsArePublishedAsStorageMetrics() throws Exception {
		this.players.recordResult(result("measured"));
		HttpResponse<String> response = get(this.managementPort, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("nta_storage_append_seconds_count{store=\"players\"}")
			.contains("nta_storage_force_seconds_count{store=\"players\"}")
			.contains("nta_storage_bytes_written_bytes_total{store=\"players\"}")
			.contains("nta_storage_batch_records_count{store=\"players\"}")
			.contains("nta_storage_recovery_records_replayed{store=\"tokens\"}");
	}

	private static GameResult result(String userId) {
		return new GameResult("game-" + userId, userId, "Player " + userId, "guild-1", 10, true, 1, 0,
				Instant.parse("2026-11-27T10:00:00Z"));
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(port, path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri(port, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
