package org.namethatartist.storage.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path of {@link RecordCodec#decode} ({@link ExactJson}) decides nothing: on lines of the
 * store's shape and on altered ones (re-sealed with a good CRC, so they reach the parser), the record
 * or the error is exactly what the Jackson path gives.
 */
class ExactDecodeTests {

	/** String values, with a fast path, so a SET line can take it end to end. */
	static final ValueCodec<String> STRINGS = new ValueCodec<>() {

		@Override
		public String read(JsonParser parser) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				throw new IllegalArgumentException("not a string: " + parser.currentToken());
			}
			return parser.getString();
		}

		@Override
		public String readExact(ExactJson in) {
			return in.string();
		}

		@Override
		public void write(JsonGenerator generator, String value) {
			generator.writeString(value);
		}

	};

	/** Values {@code {"v":"…"}}, so that a CHECKPOINT's members are cut where a value's brace ends. */
	static final ValueCodec<String> OBJECTS = new ValueCodec<>() {

		private static final byte[] START = ExactJson.ascii("{\"v\":");

		private static final byte[] END = ExactJson.ascii("}");

		@Override
		public String read(JsonParser parser) {
			if (parser.currentToken() != JsonToken.START_OBJECT || !"v".equals(parser.nextName())
					|| parser.nextToken() != JsonToken.VALUE_STRING) {
				throw new IllegalArgumentException("not {\"v\":string}");
			}
			String value = parser.getString();
			if (parser.nextToken() != JsonToken.END_OBJECT) {
				throw new IllegalArgumentException("not {\"v\":string}");
			}
			return value;
		}

		@Override
		public String readExact(ExactJson in) {
			in.expect(START);
			String value = in.string();
			in.expect(END);
			return value;
		}

		@Override
		public void write(JsonGenerator generator, String value) {
			generator.writeStartObject();
			generator.writeStringProperty("v", value);
			generator.writeEndObject();
		}

	};

	private final RecordCodec<String> codec = new RecordCodec<>(LogTestSupport.MAPPER, STRINGS);

	@Test
	void storeLinesDecodeAsWithJackson() {
		Random random = new Random(1);
		for (int i = 0; i < 20_000; i++) {
			byte[] line = strip(this.codec.encode(randomMutation(random), Instant.ofEpochMilli(random.nextLong(1L << 42))));
			assertSame(line);
		}
	}

	@Test
	void alteredLinesDecodeOrFailAsWithJackson() {
		Random random = new Random(2);
		String[] replacements = { " ", "0", "\"", "\\", ",", ":", "{", "}", "null", "1", "\u00e9", "\\u0041", "\t",
				"\"op\":\"SET\",", "\"key\":\"k\",", "\"value\":\"v\",", "\"crc\":\"00000000\"," };
		for (int i = 0; i < 50_000; i++) {
			String text = new String(strip(this.codec.encode(randomMutation(random), Instant.EPOCH)),
					StandardCharsets.UTF_8);
			String object = text.substring(0, text.length() - RecordCodec.CRC_SUFFIX_LENGTH) + "}";
			int at = random.nextInt(object.length());
			String altered = switch (random.nextInt(3)) {
				case 0 -> object.substring(0, at) + object.substring(at + 1);
				case 1 -> object.substring(0, at) + replacements[random.nextInt(replacements.length)]
						+ object.substring(at);
				default -> object.substring(0, at) + replacements[random.nextInt(replacements.length)]
						+ object.substring(Math.min(object.length(), at + 1));
			};
			byte[] bytes = altered.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < 2 || bytes[bytes.length - 1] != '}') {
				continue;
			}
			assertSame(strip(RecordCodec.seal(bytes, bytes.length)));
			// And unsealed: a legacy line, which only Jackson reads.
			assertSame(bytes);
		}
	}

	private void assertSame(byte[] line) {
		assertSame(this.codec, line);
	}

	private static void assertSame(RecordCodec<String> codec, byte[] line) {
		String text = new String(line, StandardCharsets.UTF_8);
		Object fast = outcome(() -> codec.decode(line, 0, line.length));
		Object slow = outcome(() -> codec.decodeWithJackson(line, 0, line.length));
		assertThat(fast).as(text).isEqualTo(slow);
	}

	private static Object outcome(java.util.function.Supplier<DecodedRecord<String>> decode) {
		try {
			return Objects.requireNonNull(decode.get());
		}
		catch (BadRecordException ex) {
			return "bad: " + ex.getMessage();
		}
	}

	private static byte[] strip(byte[] line) {
		return java.util.Arrays.copyOf(line, line.length - 1);
	}

	@Test
	void checkpointsDecodeAsWithJackson() throws java.io.IOException {
		checkpoints(this.codec, new Random(3), 3_000);
	}

	@Test
	void checkpointsReadInPartsDecodeAsWithJackson() throws java.io.IOException {
		RecordCodec<String> objects = new RecordCodec<>(LogTestSupport.MAPPER, OBJECTS);
		objects.splitCheckpoints(3, 0);
		checkpoints(objects, new Random(4), 3_000);
		RecordCodec<String> strings = new RecordCodec<>(LogTestSupport.MAPPER, STRINGS);
		strings.splitCheckpoints(4, 0);
		checkpoints(strings, new Random(5), 1_000);
	}

	/** Checkpoints of random states, whole and with a byte taken out (re-sealed), against Jackson. */
	private static void checkpoints(RecordCodec<String> codec, Random random, int rounds) throws java.io.IOException {
		for (int i = 0; i < rounds; i++) {
			Map<String, String> entries = new java.util.LinkedHashMap<>();
			int count = random.nextInt(12);
			for (int k = 0; k < count; k++) {
				entries.put(randomString(random), random.nextInt(5) == 0 ? "},\"x\":{" : randomString(random));
			}
			StoreState<String> state = new StoreState<>() {

				@Override
				public void replayPut(String key, String value) {
				}

				@Override
				public void replayRemove(String key) {
				}

				@Override
				public void forEachEntry(java.util.function.BiConsumer<String, String> action) {
					entries.forEach(action);
				}

			};
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			codec.writeCheckpoint(out, state, Instant.ofEpochMilli(random.nextLong(1L << 42)));
			byte[] line = strip(out.toByteArray());
			assertSame(codec, line);
			String object = new String(line, StandardCharsets.UTF_8);
			object = object.substring(0, object.length() - RecordCodec.CRC_SUFFIX_LENGTH) + "}";
			for (int n = 0; n < 3; n++) {
				int at = random.nextInt(object.length());
				String altered = switch (random.nextInt(3)) {
					case 0 -> object.substring(0, at) + object.substring(at + 1);
					case 1 -> object.substring(0, at) + "},\"" + object.substring(at);
					default -> object.substring(0, at) + "\"k\":{\"v\":\"w\"}," + object.substring(at);
				};
				byte[] bytes = altered.getBytes(StandardCharsets.UTF_8);
				if (bytes.length > 1 && bytes[bytes.length - 1] == '}') {
					assertSame(codec, strip(RecordCodec.seal(bytes, bytes.length)));
				}
			}
		}
	}

	private static Mutation<String> randomMutation(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> new Mutation.Remove<>(randomString(random));
			case 1 -> new Mutation.Merge<>(Map.of(randomString(random), randomString(random)));
			default -> new Mutation.Put<>(randomString(random), randomString(random));
		};
	}

	private static final String ALPHABET = "abcXYZ019 -_:.\"\\/\n\t\u0000\u007f\u00e9\u4e2d";

	private static String randomString(Random random) {
		StringBuilder s = new StringBuilder();
		int length = random.nextInt(16);
		boolean plain = random.nextBoolean();
		for (int i = 0; i < length; i++) {
			s.append(plain ? (char) ('a' + random.nextInt(26)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return s.toString();
	}

}
