package org.namethatartist.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The answers to errors that no controller phrased: one sentence per status, as JSON for paths under
 * {@code /api/} and as a plain page elsewhere. Nothing of the failure itself is ever shown.
 */
final class ErrorPages {

	static final String INTERNAL_ERROR = "Internal error; it has been logged.";

	private ErrorPages() {
	}

	static boolean isApi(String uri) {
		return uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
	}

	/** A sentence for an error status raised outside our controllers' own checks. */
	static String message(HttpStatusCode status) {
		if (status.is5xxServerError()) {
			return INTERNAL_ERROR;
		}
		return switch (status.value()) {
			case 400 -> "Bad request: the path, the parameters or the headers are malformed.";
			case 404 -> "No API endpoint has this path.";
			case 405 -> "This method is not allowed on this path.";
			case 406 -> "This API answers in application/json only; the Accept header must allow it.";
			case 413 -> "The request is too large.";
			case 414 -> "The address is too long.";
			case 415 -> "Content-Type must be application/json.";
			case 431 -> "The request's headers are too large.";
			default -> {
				HttpStatus known = HttpStatus.resolve(status.value());
				yield (known != null) ? known.getReasonPhrase() + "." : "Request refused (" + status.value() + ").";
			}
		};
	}

	/** {@code {"error": …}}; the message is ours, so only quotes and backslashes could need escaping. */
	static String json(String message) {
		return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
	}

	static String html(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = status.value() + ((known != null) ? " " + known.getReasonPhrase() : "");
		String message = (status.value() == 404) ? "There is no page here." : message(status);
		return """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · Name That Artist</title><link rel="stylesheet" href="/app.css"></head>
				<body><main class="page"><h1>%s</h1><p>%s</p>
				<p><a href="/">Leaderboard</a> · <a href="/play.html">Play</a></p></main></body></html>
				""".formatted(title, title, message);
	}

}
