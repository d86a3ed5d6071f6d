package org.namethatartist.discord.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake Discord refuses what Discord refuses, so that a wrong bot fails its scenarios: a second
 * callback, a follow-up before the callback, and messages over Discord's limits. Plain HTTP here, no JDA.
 */
class FakeDiscordRulesTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private FakeDiscord discord;

	@BeforeEach
	void open() throws Exception {
		this.discord = new FakeDiscord();
	}

	@AfterEach
	void close() {
		this.discord.close();
	}

	@Test
	void aSecondCallbackIsRefusedWith40060() throws Exception {
		String id = this.discord.registerInteraction();
		String callback = "interactions/" + id + "/token-" + id + "/callback";
		assertThat(post(callback, "{\"type\":5,\"data\":{\"flags\":64}}").statusCode()).isEqualTo(200);
		HttpResponse<String> second = post(callback, "{\"type\":4,\"data\":{\"content\":\"again\"}}");
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(code(second)).isEqualTo(40060);
		assertThat(this.discord.refusals()).singleElement().extracting(FakeDiscord.Refusal::code).isEqualTo(40060);
	}

	@Test
	void aFollowUpBeforeTheCallbackIsRefused() throws Exception {
		String id = this.discord.registerInteraction();
		HttpResponse<String> early = post("webhooks/" + FakeDiscord.APPLICATION_ID + "/token-" + id,
				"{\"content\":\"too early\"}");
		assertThat(early.statusCode()).isEqualTo(404);
		assertThat(code(early)).isEqualTo(10015);
	}

	@Test
	void aCallbackAfterThreeSecondsIsUnknown() throws Exception {
		String id = this.discord.registerInteraction(FakeDiscord.CALLBACK_WINDOW.plusMillis(500));
		HttpResponse<String> late = post("interactions/" + id + "/token-" + id + "/callback", "{\"type\":5}");
		assertThat(late.statusCode()).isEqualTo(404);
		assertThat(code(late)).isEqualTo(10062);
	}

	@Test
	void messagesOverDiscordsLimitsAreRefusedWith50035() throws Exception {
		String channel = "channels/" + FakeDiscord.CHANNEL_ID + "/messages";
		String tooLong = "é".repeat(2001);
		assertThat(code(post(channel, "{\"content\":\"" + tooLong + "\"}"))).isEqualTo(50035);
		assertThat(post(channel, "{\"content\":\"" + "é".repeat(2000) + "\"}").statusCode()).isEqualTo(200);
		assertThat(code(post(channel, "{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\"}]}"))).isEqualTo(50035);
		assertThat(code(post(channel, "{\"embeds\":[{\"description\":\"" + "d".repeat(4097) + "\"}]}"))).isEqualTo(50035);
		assertThat(code(post(channel, "{\"embeds\":[{\"fields\":[{\"name\":\"n\",\"value\":\"" + "v".repeat(1025)
				+ "\"}]}]}"))).isEqualTo(50035);
		// Two embeds each within their own limits, 6,001 characters together.
		assertThat(code(post(channel, "{\"embeds\":[{\"description\":\"" + "d".repeat(4000) + "\"},{\"description\":\""
				+ "d".repeat(2001) + "\"}]}"))).isEqualTo(50035);
		assertThat(code(post(channel, "{\"components\":[{\"type\":1,\"components\":[" + button("x".repeat(101), "ok")
				+ "]}]}"))).isEqualTo(50035);
		assertThat(code(post(channel, "{\"components\":[{\"type\":1,\"components\":[" + button("a", "l".repeat(81))
				+ "]}]}"))).isEqualTo(50035);
		assertThat(code(post(channel, "{\"components\":[{\"type\":1,\"components\":[" + button("a", "1") + ","
				+ button("b", "2") + "," + button("c", "3") + "," + button("d", "4") + "," + button("e", "5") + ","
				+ button("f", "6") + "]}]}"))).isEqualTo(50035);
		assertThat(code(post(channel, "{\"components\":[{\"type\":1,\"components\":[" + button("a", "1") + ","
				+ button("a", "2") + "]}]}"))).isEqualTo(50035);
		assertThat(this.discord.refusals()).hasSize(9).allMatch((refusal) -> refusal.code() == 50035);
		assertThat(this.discord.messages()).hasSize(1);
	}

	@Test
	void aMultipartMessageIsReadFromItsPayloadJson() throws Exception {
		String boundary = "b0undary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n{\"content\":\"with a file ✍️\"}\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"artwork.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\r\n--" + boundary + "--\r\n";
		HttpResponse<String> sent = this.http.send(HttpRequest.newBuilder(URI.create(this.discord.restUrl()
				+ "channels/" + FakeDiscord.CHANNEL_ID + "/messages"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(this.discord.messages()).singleElement()
			.satisfies((message) -> assertThat(message.path("content").asString()).isEqualTo("with a file ✍️"));
	}

	private static String button(String id, String label) {
		return "{\"type\":2,\"style\":2,\"custom_id\":\"" + id + "\",\"label\":\"" + label + "\"}";
	}

	private HttpResponse<String> post(String route, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.discord.restUrl() + route))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private int code(HttpResponse<String> response) {
		JsonNode body = this.json.readTree(response.body());
		return body.path("code").asInt();
	}

}
