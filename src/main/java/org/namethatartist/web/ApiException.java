package org.namethatartist.web;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status and the one sentence the client gets as
 * {@code {"error": …}}. Thrown by the controllers and the body reader, answered by
 * {@link ApiExceptionHandler}; never logged, since it is the client's mistake or the game's answer.
 */
class ApiException extends RuntimeException {

	private final HttpStatus status;

	ApiException(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	static ApiException badRequest(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message);
	}

	static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, message);
	}

	static ApiException conflict(String message) {
		return new ApiException(HttpStatus.CONFLICT, message);
	}

	static ApiException unavailable(String message) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message);
	}

}
