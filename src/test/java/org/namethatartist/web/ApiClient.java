package org.namethatartist.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.assertj.core.api.AbstractStringAssert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP calls to the application under test, and the checks every error answer must pass: its
 * status, JSON {@code {"error": …}} and never a trace of Java.
 */
final class ApiClient {

	static final String JSON = "application/json";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	ApiClient(int port) {
		this.port = port;
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", JSON)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes {@code head} (request line and headers, CRLF-separated, ending in a blank line) and then
	 * {@code body} as given, without ever finishing a body the head announces, and reads what comes back
	 * within a few seconds: the answer of a server that did not wait for the rest.
	 */
	String raw(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n; (n = in.read(buffer)) != -1;) {
					answer.write(buffer, 0, n);
					if (answer.toString(StandardCharsets.UTF_8).contains("\"}")) {
						break;
					}
				}
			}
			catch (IOException ex) {
				// The server may close the connection after answering; what came before is the answer.
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return MAPPER.readTree(response.body());
	}

	/** Asserts an error answer and returns its message for further checks. */
	static AbstractStringAssert<?> assertError(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith(JSON));
		assertNoTrace(response.body());
		JsonNode body = json(response);
		assertThat(body.isObject()).as(response.body()).isTrue();
		assertThat(body.propertyNames()).as(response.body()).containsExactly("error");
		return assertThat(body.path("error").asString());
	}

	static void assertNoTrace(String body) {
		assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.")
			.doesNotContain("tools.jackson").doesNotContain("springframework");
	}

}
