package org.namethatartist.artwork.objkt;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.namethatartist.Durations;
import org.namethatartist.artwork.TokenSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts GraphQL queries to one endpoint and returns their {@code data}, within the pacer's rate. A 429, a
 * 5xx or an I/O error (refused connection, timeout) is tried again as {@link Retries} says; anything else
 * that is not a JSON answer with {@code data} and without {@code errors} fails at once, with a message
 * naming the query and what came back.
 */
final class GraphqlClient {

	private static final Logger log = LoggerFactory.getLogger(GraphqlClient.class);

	/** How much of an unexpected answer's body a message quotes. */
	private static final int QUOTED_CHARS = 200;

	private final URI url;

	private final RestClient http;

	private final RequestPacer pacer;

	private final Retries retries;

	private final Ticker ticker;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private long requests;

	GraphqlClient(URI url, RestClient http, RequestPacer pacer, Retries retries, Ticker ticker) {
		this.url = url;
		this.http = http;
		this.pacer = pacer;
		this.retries = retries;
		this.ticker = ticker;
	}

	/**
	 * The {@code data} member of the answer to {@code query}.
	 * @param what the query in words, for messages: "page 3 of the tokens held by tz1…"
	 * @throws TokenSourceException when no attempt brought a usable answer
	 */
	JsonNode query(String what, String query, Map<String, Object> variables) throws InterruptedException {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("query", query);
		request.put("variables", variables);
		byte[] body = this.mapper.writeValueAsBytes(request);
		for (int attempt = 1;; attempt++) {
			this.pacer.acquire();
			String failure;
			String retryAfter = null;
			try {
				Answer answer = post(body);
				if (answer.status() == 200) {
					return data(what, answer.body());
				}
				if (answer.status() != 429 && answer.status() / 100 != 5) {
					throw new TokenSourceException("objkt.com answered " + what + " with HTTP " + answer.status()
							+ ": " + quote(answer.body()));
				}
				failure = "HTTP " + answer.status();
				retryAfter = answer.retryAfter();
			}
			catch (ResourceAccessException ex) {
				if (Thread.currentThread().isInterrupted()) {
					throw new InterruptedException("stopped while asking objkt.com for " + what);
				}
				failure = describe(ex);
			}
			catch (RestClientException ex) {
				throw new TokenSourceException("objkt.com could not be asked for " + what + ": " + describe(ex), ex);
			}
			if (attempt >= this.retries.attempts()) {
				throw new TokenSourceException("objkt.com did not answer " + what + " after " + attempt
						+ " attempts; the last: " + failure);
			}
			Duration wait = this.retries.afterFailure(attempt, retryAfter);
			log.warn("objkt.com: {} asking for {} (attempt {} of {}); trying again in {}{}", failure, what, attempt,
					this.retries.attempts(), describe(wait),
					(retryAfter != null) ? " (Retry-After: " + retryAfter + ")" : "");
			this.ticker.sleep(wait);
		}
	}

	/** Requests sent so far, retries included. */
	synchronized long requests() {
		return this.requests;
	}

	private Answer post(byte[] body) {
		synchronized (this) {
			this.requests++;
		}
		try {
			return this.http.post()
				.uri(this.url)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> new Answer(response.getStatusCode().value(),
						response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), readBody(response.getBody())));
		}
		finally {
			this.pacer.finished();
		}
	}

	private static String readBody(java.io.InputStream in) throws IOException {
		return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
	}

	private JsonNode data(String what, String body) {
		JsonNode answer;
		try {
			answer = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new TokenSourceException("objkt.com's answer to " + what + " is not JSON (" + problem(ex) + "): "
					+ quote(body), ex);
		}
		JsonNode errors = answer.path("errors");
		if (!errors.isMissingNode() && !errors.isNull()) {
			throw new TokenSourceException("objkt.com answered " + what + " with errors: " + messages(errors));
		}
		JsonNode data = answer.path("data");
		if (!data.isObject()) {
			throw new TokenSourceException("objkt.com's answer to " + what + " has no data: " + quote(body));
		}
		return data;
	}

	/** The {@code message} of each GraphQL error, or the errors as they are when they have none. */
	private static String messages(JsonNode errors) {
		if (!errors.isArray() || errors.isEmpty()) {
			return quote(errors.toString());
		}
		StringBuilder messages = new StringBuilder();
		for (JsonNode error : errors) {
			if (!messages.isEmpty()) {
				messages.append("; ");
			}
			JsonNode message = error.path("message");
			messages.append(message.isString() ? message.stringValue() : quote(error.toString()));
		}
		return messages.toString();
	}

	private static String describe(RestClientException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null && !message.isBlank()) ? " (" + message + ")" : "");
	}

	/** Jackson's description of a parse error, without the location it appends (the body is quoted anyway). */
	private static String problem(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		for (String noise : new String[] { "\n", " (start marker at", " at [Source:" }) {
			int at = message.indexOf(noise);
			if (at > 0) {
				message = message.substring(0, at);
			}
		}
		return message;
	}

	private static String describe(Duration wait) {
		return Durations.format(wait);
	}

	private static String quote(String body) {
		String flat = body.strip().replaceAll("\\s+", " ");
		return (flat.length() > QUOTED_CHARS) ? flat.substring(0, QUOTED_CHARS) + "…" : flat;
	}

	private record Answer(int status, String retryAfter, String body) {
	}

}
