package org.namethatartist.discord;

import java.time.Duration;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

import org.namethatartist.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health hears of Discord's rate limiting (defect 6 of the wire review): the interceptor on JDA's HTTP
 * client counts the requests and notes each 429, over real HTTP to a local server. Time is moved by hand.
 */
class RestTrafficTests {

	private final MockWebServer server = new MockWebServer();

	private final MutableClock clock = new MutableClock(TestGames.T0);

	private final RestTraffic traffic = new RestTraffic(this.clock);

	private final OkHttpClient client = new OkHttpClient.Builder().addInterceptor(this.traffic).build();

	@BeforeEach
	void start() throws Exception {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.client.dispatcher().executorService().shutdown();
		this.client.connectionPool().evictAll();
	}

	@Test
	void requestsAreCountedOverTheLastMinute() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
			send("/api/v10/channels/123456789012345678/messages");
			this.clock.advance(Duration.ofSeconds(20));
		}
		// Sent at 0 s, 20 s and 40 s; now 60 s: the first is out of the window.
		RestTraffic.Snapshot snapshot = this.traffic.snapshot();
		assertThat(snapshot.total()).isEqualTo(3);
		assertThat(snapshot.lastMinute()).isEqualTo(2);
		assertThat(snapshot.rateLimited()).isFalse();
	}

	@Test
	void aGlobal429ShowsInHealthForAMinute() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(429).addHeader("X-RateLimit-Global", "true")
			.addHeader("X-RateLimit-Scope", "global").addHeader("Retry-After", "1.5")
			.body("{\"message\":\"You are being rate limited.\",\"retry_after\":1.5,\"global\":true}").build());
		send("/api/v10/channels/123456789012345678/messages");

		RestTraffic.Snapshot snapshot = this.traffic.snapshot();
		assertThat(snapshot.rateLimited()).isTrue();
		assertThat(snapshot.recentLimit().global()).isTrue();
		assertThat(snapshot.recentLimit().route()).isEqualTo("POST /api/v10/channels/{id}/messages");
		assertThat(snapshot.recentLimit().retryAfterSeconds()).isEqualTo(1.5);

		Health health = new DiscordHealthIndicator(new DiscordConnection(() -> {
			throw new AssertionError("not started");
		}, this.clock), this.traffic::snapshot, java.util.List::of).health();
		assertThat(health.getDetails()).containsEntry("warning",
				"Discord rate limited the whole bot in the last minute: game messages come late");
		assertThat(health.getDetails().get("rest")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("rateLimited", true).containsEntry("rateLimitedTotal", 1L).containsEntry("requestsTotal", 1L);

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.traffic.snapshot().rateLimited()).isFalse();
		assertThat(this.traffic.snapshot().limitedTotal()).isEqualTo(1);
	}

	@Test
	void routesLoseTheirIdsAndTokens() {
		assertThat(RestTraffic.route("/api/v10/webhooks/1234567890/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnRva2Vu/messages/@original"))
			.isEqualTo("/api/v10/webhooks/{id}/{id}/messages/@original");
	}

	private void send(String path) throws Exception {
		Request request = new Request.Builder().url(this.server.url(path))
			.post(okhttp3.RequestBody.create(new byte[0], null)).build();
		try (Response response = this.client.newCall(request).execute()) {
			assertThat(response.code()).isIn(200, 429);
		}
	}

}
