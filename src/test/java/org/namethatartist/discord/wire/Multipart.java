package org.namethatartist.discord.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

import okio.ByteString;

/**
 * A {@code multipart/form-data} body as JDA sends a message with files: the {@code payload_json} part (the
 * message) and {@code files[n]} parts. Only what the fake needs: the JSON and how many files came.
 */
record Multipart(String payloadJson, List<Upload> uploads) {

	/** One file of a message: its name as sent, and its bytes. */
	record Upload(String fileName, byte[] bytes) {
	}

	int files() {
		return this.uploads.size();
	}

	static Multipart parse(String contentType, ByteString body) {
		int at = contentType.indexOf("boundary=");
		if (at < 0) {
			throw new IllegalArgumentException("multipart without a boundary: " + contentType);
		}
		String boundary = "--" + contentType.substring(at + "boundary=".length()).replace("\"", "").trim();
		// Latin-1 keeps every byte as one char, so offsets in the text are offsets in the body.
		String text = new String(body.toByteArray(), StandardCharsets.ISO_8859_1);
		String payload = "";
		List<Upload> uploads = new java.util.ArrayList<>();
		for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
			int headersEnd = part.indexOf("\r\n\r\n");
			if (headersEnd < 0) {
				continue;
			}
			String headers = part.substring(0, headersEnd);
			String content = part.substring(headersEnd + 4);
			if (content.endsWith("\r\n")) {
				content = content.substring(0, content.length() - 2);
			}
			if (headers.contains("name=\"payload_json\"")) {
				payload = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
			}
			else if (headers.contains("name=\"files[")) {
				java.util.regex.Matcher name = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
				uploads.add(new Upload(name.find() ? name.group(1) : "", content.getBytes(StandardCharsets.ISO_8859_1)));
			}
		}
		return new Multipart(payload, List.copyOf(uploads));
	}

}
