package org.namethatartist.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (an encoded {@code /} or
 * {@code \} in the path, a broken {@code %} escape): {@code {"error": …}} under {@code /api/}, the
 * application's plain page elsewhere, in place of Tomcat's own HTML page. Never a report of the failure.
 */
final class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		boolean api = ErrorPages.isApi(request.getRequestURI());
		String body = api ? ErrorPages.json(ErrorPages.message(HttpStatusCode.valueOf(status)))
				: ErrorPages.html(HttpStatusCode.valueOf(status));
		try {
			response.setContentType(api ? "application/json" : "text/html");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is already under way: nothing more can be said.
		}
	}

}
