package org.namethatartist.web;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every exception of a request under {@code /api/} into {@code {"error": …}}: the API's own
 * refusals with their status, Spring's (unknown path, wrong method, unacceptable type) with a sentence
 * of ours, and anything unexpected into a 500 that says nothing but is logged with the request. Other
 * paths (the pages) are left to Spring and {@link ErrorPageController}.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ErrorBody> refused(ApiException ex) {
		return error(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ErrorBody> noSuchPath(NoResourceFoundException ex, HttpServletRequest request)
			throws NoResourceFoundException {
		if (!isApi(request)) {
			throw ex;
		}
		return noEndpoint(request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorBody> wrongMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		if (!isApi(request)) {
			throw ex;
		}
		// No endpoint has this path: the static resources, tried last, take GET only, which says nothing.
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		if (handler instanceof ResourceHttpRequestHandler) {
			return noEndpoint(request);
		}
		Set<HttpMethod> supported = new HashSet<>();
		if (ex.getSupportedHttpMethods() != null) {
			supported.addAll(ex.getSupportedHttpMethods());
		}
		if (supported.contains(HttpMethod.GET)) {
			// Spring answers HEAD wherever it answers GET, whether or not the exception lists it.
			supported.add(HttpMethod.HEAD);
		}
		String allowed = supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
		HttpHeaders headers = new HttpHeaders();
		if (!supported.isEmpty()) {
			headers.setAllow(supported);
		}
		return error(HttpStatus.METHOD_NOT_ALLOWED, headers, "Method " + Texts.shown(ex.getMethod(), 20)
				+ " is not allowed on " + path(request) + (allowed.isEmpty() ? "." : "; allowed: " + allowed + "."));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
			throws HttpMediaTypeNotAcceptableException {
		if (!isApi(request)) {
			throw ex;
		}
		return error(HttpStatus.NOT_ACCEPTABLE, "This API answers in application/json only; the Accept header "
				+ "must allow it.");
	}

	/** The last resort: Spring's other client errors by their status, anything else as a logged 500. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorBody> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (!isApi(request)) {
			throw ex;
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// Nobody is left to read an answer.
			logger.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
			return null;
		}
		if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			return error(response.getStatusCode(), ErrorPages.message(response.getStatusCode()));
		}
		logger.error("Unexpected error answering {} {}{}", request.getMethod(), request.getRequestURI(),
				(request.getQueryString() != null) ? "?" + request.getQueryString() : "", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, ErrorPages.INTERNAL_ERROR);
	}

	static boolean isApi(HttpServletRequest request) {
		return ErrorPages.isApi(request.getRequestURI());
	}

	static ResponseEntity<ErrorBody> error(HttpStatusCode status, String message) {
		return error(status, new HttpHeaders(), message);
	}

	/**
	 * The error with its Content-Type set, so Spring writes it as JSON whatever the request's Accept
	 * header says (an unacceptable Accept is itself one of the errors answered here).
	 */
	private static ResponseEntity<ErrorBody> error(HttpStatusCode status, HttpHeaders headers, String message) {
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorBody(message));
	}

	private static ResponseEntity<ErrorBody> noEndpoint(HttpServletRequest request) {
		return error(HttpStatus.NOT_FOUND, "No API endpoint at " + Texts.shown(request.getMethod(), 20) + " "
				+ path(request) + ".");
	}

	private static String path(HttpServletRequest request) {
		return Texts.shown(request.getRequestURI(), 100);
	}

}
