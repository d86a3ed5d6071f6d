package org.namethatartist.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's {@code /error}, where the servlet container sends an error no controller
 * answered (a filter's exception, a page that does not exist, {@code sendError} by Spring itself): for
 * a path under {@code /api/}, {@code {"error": …}} whatever the Accept header (Boot's would be HTML for
 * a browser and {@code {"timestamp","status","error","path"}} otherwise); elsewhere a plain page. An
 * exception that gets here is logged; neither answer shows it.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController implements ErrorController {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPageController.class);

	@RequestMapping
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatusCode status = HttpStatusCode.valueOf((code instanceof Integer value && value >= 400) ? value : 404);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			// The container has just logged the stack trace, without the request it failed.
			logger.error("Unexpected error answering {} {}: {}", request.getMethod(), uri, failure.toString());
		}
		// Written directly: a message converter would weigh the request's Accept header and path extension.
		response.setStatus(status.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (ErrorPages.isApi(uri)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write(ErrorPages.json(ErrorPages.message(status)));
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(ErrorPages.html(status));
		}
	}

}
