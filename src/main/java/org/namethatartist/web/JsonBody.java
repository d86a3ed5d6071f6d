package org.namethatartist.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's body: one JSON object of known members, read and checked here rather than bound by
 * Jackson, which would quietly turn {@code "5"} or {@code 5.5} into {@code 5}. At most
 * {@value #MAX_BYTES} bytes are ever read, whatever the client sends or announces; every problem is an
 * {@link ApiException} (413, 415 or 400) saying what is wrong.
 */
final class JsonBody {

	/** Our bodies are a few dozen bytes; this leaves room for long names and whitespace. */
	static final int MAX_BYTES = 16 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final ObjectNode members;

	private JsonBody(ObjectNode members) {
		this.members = members;
	}

	/**
	 * Reads the body as an object holding only {@code allowed} members; an absent or blank body reads
	 * as {@code {}}, so that a request whose members are all optional needs none.
	 */
	static JsonBody read(HttpServletRequest request, String... allowed) {
		String contentType = request.getContentType();
		if (contentType != null) {
			checkContentType(contentType);
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw tooLarge();
		}
		byte[] bytes = readAtMost(request);
		if (isBlank(bytes)) {
			return new JsonBody(JsonNodeFactory.instance.objectNode());
		}
		if (contentType == null) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"A request body needs the header Content-Type: application/json.");
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("The body is not valid JSON: " + reason(ex) + where(ex.getLocation()) + ".");
		}
		if (!(root instanceof ObjectNode object)) {
			throw ApiException.badRequest("The body must be a JSON object such as " + example(allowed) + ", not "
					+ describe(root) + ".");
		}
		List<String> unknown = new ArrayList<>();
		for (Map.Entry<String, JsonNode> member : object.properties()) {
			if (!Arrays.asList(allowed).contains(member.getKey())) {
				unknown.add("'" + Texts.shown(member.getKey(), 40) + "'");
			}
		}
		if (!unknown.isEmpty()) {
			List<String> named = unknown.subList(0, Math.min(unknown.size(), 5));
			throw ApiException.badRequest(((unknown.size() == 1) ? "Unknown member " : "Unknown members ")
					+ String.join(", ", named) + ((unknown.size() > named.size()) ? " and more" : "")
					+ ((allowed.length == 0) ? "; this request takes an empty object {}."
							: "; allowed: " + String.join(", ", allowed) + "."));
		}
		return new JsonBody(object);
	}

	/** Whether the member is there at all (a JSON null counts as there, and as wrong). */
	boolean has(String name) {
		return this.members.has(name);
	}

	/**
	 * The member as an exact integer, or null when it is absent.
	 * @throws ApiException 400 for anything but a whole number (a string, {@code 5.5}, {@code 5.0},
	 * {@code true}, {@code null}, an array or an object)
	 */
	@Nullable BigInteger integer(String name) {
		JsonNode value = this.members.get(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber()) {
			throw ApiException.badRequest(name + " must be a whole number, not " + describe(value) + ".");
		}
		return value.bigIntegerValue();
	}

	/**
	 * The member as a string, or null when it is absent.
	 * @throws ApiException 400 for anything but a string
	 */
	@Nullable String string(String name) {
		JsonNode value = this.members.get(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw ApiException.badRequest(name + " must be a string, not " + describe(value) + ".");
		}
		return value.asString();
	}

	private static void checkContentType(String header) {
		MediaType type;
		try {
			type = MediaType.parseMediaType(header);
		}
		catch (InvalidMediaTypeException ex) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type must be application/json, and this one does not parse.");
		}
		boolean json = MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
				|| ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
		if (!json) {
			String given = type.getType() + "/" + type.getSubtype();
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type must be application/json, not " + Texts.shown(given, 60) + ".");
		}
		String charset = type.getParameter("charset");
		if (charset != null && !"utf-8".equalsIgnoreCase(charset.replace("\"", ""))) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be UTF-8 JSON, not "
					+ Texts.shown(charset, 30) + ".");
		}
	}

	/** The body, refused with 413 as soon as it holds one byte more than the limit (chunked or not). */
	private static byte[] readAtMost(HttpServletRequest request) {
		byte[] buffer = new byte[1024];
		int length = 0;
		try {
			InputStream in = request.getInputStream();
			for (int n; (n = in.read(buffer, length, buffer.length - length)) != -1;) {
				length += n;
				if (length > MAX_BYTES) {
					throw tooLarge();
				}
				if (length == buffer.length) {
					buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BYTES + 1));
				}
			}
		}
		catch (IOException ex) {
			// The client went away or sent a broken chunk; nobody may be listening for the answer.
			throw ApiException.badRequest("The body could not be read.");
		}
		return Arrays.copyOf(buffer, length);
	}

	private static ApiException tooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE,
				"The body is larger than " + (MAX_BYTES / 1024) + " KB; this API's bodies are a few dozen bytes.");
	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

	private static String reason(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		if (ex instanceof StreamConstraintsException) {
			return "it is nested too deeply or holds a value too long";
		}
		if (ex instanceof UnexpectedEndOfInputException) {
			return "it ends too early";
		}
		if (message.startsWith("Duplicate")) {
			return "a member is named twice";
		}
		if (message.contains("UTF-8") || message.contains("UTF8")) {
			return "it is not UTF-8 text";
		}
		if (message.contains("Trailing token")) {
			return "something follows the object";
		}
		return "unexpected text";
	}

	private static String where(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static String example(String... allowed) {
		StringBuilder example = new StringBuilder("{");
		for (String name : allowed) {
			example.append((example.length() > 1) ? ", " : "").append('"').append(name).append("\": …");
		}
		return example.append('}').toString();
	}

	/** How a wrong value is named in a message: its type, or its text when short and harmless. */
	static String describe(JsonNode value) {
		return switch (value.getNodeType()) {
			case STRING -> "a string";
			case NUMBER -> Texts.shown(value.asString(), 30);
			case BOOLEAN -> value.asString();
			case NULL -> "null";
			case ARRAY -> "an array";
			case OBJECT -> "an object";
			default -> "nothing";
		};
	}

}
