package org.namethatartist.storage.appendlog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.log.ExactJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay's fast path for players ({@link PlayerStatsCodec#readExact}) against the Jackson path
 * ({@link PlayerStatsCodec#read}): on every text it answers, it answers what Jackson reads; it
 * answers the store's own output in plain ASCII; and it leaves everything else to Jackson.
 */
class PlayerStatsExactReadTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final PlayerStatsCodec codec = new PlayerStatsCodec();

	private final ExactJson exact = new ExactJson();

	@Test
	void readsWhatTheStoreWritesAsJacksonDoes() {
		Random random = new Random(42);
		int answered = 0;
		for (int i = 0; i < 20_000; i++) {
			PlayerStats stats = (i % 2 == 0) ? randomStats(random) : ordinaryStats(random);
			String json = write(stats);
			Outcome outcome = compare(json);
			if (outcome == Outcome.ANSWERED) {
				answered++;
			}
			if (isPlainAscii(json) && !json.matches(".*[0-9]{10}.*")) {
				// Ten digits and more may not fit an int: those numbers are left to Jackson.
				assertThat(outcome).as(json).isEqualTo(Outcome.ANSWERED);
			}
		}
		assertThat(answered).isGreaterThan(5_000);
	}

	@Test
	void neverDisagreesWithJacksonOnAlteredTexts() {
		Random random = new Random(7);
		int answered = 0;
		for (int i = 0; i < 50_000; i++) {
			// Ordinary players half the time: the texts the fast path answers, altered by one character.
			String json = alter(write((i % 2 == 0) ? randomStats(random) : ordinaryStats(random)), random);
			if (compare(json) == Outcome.ANSWERED) {
				answered++;
			}
		}
		System.out.println("PlayerStatsExactReadTests: the fast path answered " + answered + " of 50000 altered texts");
		// The comparison runs only where the fast path answers: it must answer a good share of them.
		assertThat(answered).isGreaterThan(ALTERED_ANSWERED_AT_LEAST);
	}

	/** About half of what the fast path answered when this bound was set (6,087 with seed 7). */
	private static final int ALTERED_ANSWERED_AT_LEAST = 3_000;

	@Test
	void leavesOtherShapesToJackson() {
		String plain = write(new PlayerStats("u1", "Ann", 1, 0, 5, 5, 5, 1, 0, 1, 100,
				List.of(new GameHistoryEntry("2024-01-01T00:00:00.000Z", 5, false, 1, 0, "g1"))));
		assertThat(compare(plain)).isEqualTo(Outcome.ANSWERED);
		List<String> others = List.of(plain.replace("\"totalGames\":1", "\"totalGames\":1.0"),
				plain.replace("\"totalGames\":1", "\"totalGames\":01"),
				plain.replace("\"totalGames\":1", "\"totalGames\":1e0"),
				plain.replace("\"totalGames\":1", "\"totalGames\":\"1\""),
				plain.replace("\"totalGames\":1", "\"totalGames\":null"),
				plain.replace("\"totalGames\":1", "\"totalGames\":12345678901"),
				plain.replace("\"totalScore\":5", "\"totalScore\":123456789012345678901234"),
				plain.replace("\"username\":\"Ann\"", "\"username\":null"),
				plain.replace("\"username\":\"Ann\"", "\"username\":\"Änn\""),
				plain.replace("\"username\":\"Ann\"", "\"username\":\"A\tn\""),
				plain.replace("\"username\":\"Ann\"", "\"username\":\"A\\xn\""),
				plain.replace(",\"username\"", ", \"username\""),
				plain.replace(",\"totalWins\":0", ""),
				plain.replace("\"isWinner\":false", "\"isWinner\":0"),
				plain.replace("\"gameId\":\"g1\"", "\"gameId\":null"),
				plain.replace("}]}", ",\"extra\":1}]}"),
				plain.replace("\"gamesHistory\":[", "\"gamesHistory\":[[],"));
		for (String other : others) {
			assertThat(compare(other)).as(other).isNotEqualTo(Outcome.ANSWERED);
		}
	}

	@Test
	void readsEscapesAsJacksonDoes() {
		String json = write(new PlayerStats("u\"1\\", "A\nB\u0001\u00e9\ud83c\udfb5 /x", 1, 0, 5, 5, 5, 1, 0, 1, 100,
				List.of()));
		// The generator escapes only what it must; ASCII output with \\u escapes is read here.
		String ascii = json.replace("\u00e9", "\\u00e9").replace("\ud83c\udfb5", "\\ud83c\\udfb5")
			.replace("/x", "\\/x");
		assertThat(compare(ascii)).isEqualTo(Outcome.ANSWERED);
		assertThat(compare(json)).isEqualTo(Outcome.LEFT_TO_JACKSON);
	}

	private enum Outcome {

		ANSWERED, LEFT_TO_JACKSON

	}

	/** Reads with both; when the fast path answers, Jackson must have read the same value, to the same end. */
	private Outcome compare(String json) {
		byte[] bytes = (json + ",\"next\":1}").getBytes(StandardCharsets.UTF_8);
		int end = bytes.length - ",\"next\":1}".length();
		PlayerStats fast;
		try {
			fast = this.codec.readExact(this.exact.reset(bytes, 0, end));
		}
		catch (RuntimeException ex) {
			assertThat(ex).as(json).isSameAs(ExactJson.NOT_EXACT);
			fast = null;
		}
		if (fast == null || this.exact.position() != end) {
			// Replay reads the line with Jackson then (a value that does not end where the line's next
			// member starts is not in the exact shape).
			return Outcome.LEFT_TO_JACKSON;
		}
		PlayerStats slow;
		try (JsonParser p = MAPPER.tokenStreamFactory().createParser(ObjectReadContext.empty(), bytes, 0, end)) {
			p.nextToken();
			slow = this.codec.read(p);
			assertThat(p.nextToken()).as(json).isNull();
		}
		assertThat(fast).as(json).isEqualTo(slow);
		return Outcome.ANSWERED;
	}

	private String write(PlayerStats stats) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator g = MAPPER.tokenStreamFactory().createGenerator(ObjectWriteContext.empty(), out)) {
			this.codec.write(g, stats);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static boolean isPlainAscii(String json) {
		return json.chars().allMatch((c) -> c >= 0x20 && c < 0x80);
	}

	private static PlayerStats randomStats(Random random) {
		List<GameHistoryEntry> history = new ArrayList<>();
		int games = random.nextInt(8);
		for (int i = 0; i < games; i++) {
			history.add(new GameHistoryEntry(random.nextInt(4) == 0 ? null : randomString(random),
					randomInt(random), random.nextBoolean(), random.nextInt(4) == 0 ? null : randomInt(random),
					random.nextInt(4) == 0 ? null : randomInt(random),
					random.nextInt(4) == 0 ? null : randomString(random)));
		}
		return new PlayerStats(randomString(random), randomString(random), randomInt(random), randomInt(random),
				randomLong(random), randomLong(random), randomInt(random), randomInt(random), randomInt(random),
				randomInt(random), randomInt(random), history);
	}

	/** As players are: short ASCII strings (some with escapes), counts well within an int. */
	private static PlayerStats ordinaryStats(Random random) {
		List<GameHistoryEntry> history = new ArrayList<>();
		int games = random.nextInt(60);
		for (int i = 0; i < games; i++) {
			boolean old = random.nextInt(5) == 0;
			history.add(new GameHistoryEntry("2024-01-0" + (1 + random.nextInt(9)) + "T00:00:00.000Z",
					random.nextInt(1000), random.nextBoolean(), old ? null : random.nextInt(10),
					old ? null : random.nextInt(10), old ? null : "g" + random.nextInt(100)));
		}
		String name = "player \"" + random.nextInt(1000) + "\" /\\ " + (char) ('A' + random.nextInt(26));
		return new PlayerStats(String.valueOf(random.nextLong(1L << 60)), name, random.nextInt(1000),
				random.nextInt(1000), random.nextLong(1L << 40), random.nextInt(1000), random.nextInt(1000),
				random.nextInt(100_000), random.nextInt(100_000), random.nextInt(200_000), random.nextInt(101), history);
	}

	private static int randomInt(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1000);
			case 2 -> -random.nextInt(1000);
			case 3 -> (random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE) - random.nextInt(3)
					* (random.nextBoolean() ? 1 : -1);
			default -> random.nextInt();
		};
	}

	private static long randomLong(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> random.nextInt(100_000);
			case 1 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
			case 2 -> (long) (random.nextDouble() * 1e18) * (random.nextBoolean() ? 1 : -1);
			default -> random.nextLong();
		};
	}

	private static final String ALPHABET = "abcXYZ019 -_:.\"\\/\n\t\u0000\u001f\u007f\u00e9\u4e2d\ud83c\udfb5";

	private static String randomString(Random random) {
		StringBuilder s = new StringBuilder();
		int length = random.nextInt(3) == 0 ? random.nextInt(60) : random.nextInt(12);
		boolean plain = random.nextBoolean();
		for (int i = 0; i < length; i++) {
			if (plain) {
				s.append((char) ('a' + random.nextInt(26)));
			}
			else {
				int at = random.nextInt(ALPHABET.length());
				char c = ALPHABET.charAt(at);
				s.append(c);
				if (Character.isHighSurrogate(c)) {
					s.append(ALPHABET.charAt(at + 1));
				}
			}
		}
		return s.toString();
	}

	/** One random change: a byte removed, doubled or replaced, a member dropped, a value replaced, whitespace. */
	private static String alter(String json, Random random) {
		if (json.isEmpty()) {
			return json;
		}
		int at = random.nextInt(json.length());
		String[] replacements = { " ", "0", "-", "1", "9", ".", "e", "\"", "\\", ",", ":", "{", "}", "[", "]", "null",
				"true", "false", "x", "\u00e9", "00", "-0", "\\u0041", "\\n", "99999999999", "\t" };
		return switch (random.nextInt(4)) {
			case 0 -> json.substring(0, at) + json.substring(at + 1);
			case 1 -> json.substring(0, at) + json.charAt(at) + json.substring(at);
			case 2 -> json.substring(0, at) + replacements[random.nextInt(replacements.length)] + json.substring(at + 1);
			default -> json.substring(0, at) + replacements[random.nextInt(replacements.length)] + json.substring(at);
		};
	}

}
