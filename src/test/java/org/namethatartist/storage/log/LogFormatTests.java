package org.namethatartist.storage.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.namethatartist.storage.log.LogTestSupport.json;
import static org.namethatartist.storage.log.LogTestSupport.logPath;
import static org.namethatartist.storage.log.LogTestSupport.open;
import static org.namethatartist.storage.log.LogTestSupport.options;

class LogFormatTests {

	private static final Pattern CRC_MEMBER = Pattern.compile(",\"crc\":\"([0-9a-f]{8})\"}$");

	@TempDir
	Path dir;

	@Test
	void shouldWriteEveryLineWithACrcThatMatchesAnIndependentCrc32cAndReadItBack() throws IOException {
		List<Mutation<JsonNode>> mutations = List.of(new Mutation.Put<>("a", json("1")),
				new Mutation.Put<>("b", json("\"héllo \\\"wörld\\\" \\n ✓ \\ud83c\\udfa8\"")),
				new Mutation.Put<>("c", json("{\"nested\":[1,2.5,true,{\"x\":\"y\"}],\"empty\":{}}")),
				new Mutation.Merge<>(Map.of("d", json("[]"), "e", json("-7"))), new Mutation.Remove<>("a"),
				new Mutation.Put<>("b", json("false")));
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			mutations.forEach(store::apply);
		}

		List<String> lines = LogTestSupport.lines(logPath(this.dir));
		assertThat(lines).hasSize(mutations.size());
		assertThat(Files.readAllBytes(logPath(this.dir))).endsWith((byte) '\n');
		for (String line : lines) {
			Matcher crc = CRC_MEMBER.matcher(line);
			assertThat(crc.find()).as("crc member at the end of %s", line).isTrue();
			String withoutCrc = line.substring(0, crc.start()) + "}";
			CRC32C expected = new CRC32C();
			expected.update(withoutCrc.getBytes(StandardCharsets.UTF_8));
			assertThat(crc.group(1)).as(line).isEqualTo(String.format("%08x", expected.getValue()));
			assertThat(json(withoutCrc).get("timestamp").asString()).isEqualTo("2024-05-06T07:08:09.123Z");
		}
		assertThat(lines.get(0)).startsWith("{\"timestamp\":\"2024-05-06T07:08:09.123Z\",\"op\":\"SET\",\"key\":\"a\"");
		assertThat(lines.get(3)).contains("\"op\":\"SET\",\"data\":{");
		assertThat(lines.get(4)).contains("\"op\":\"DELETE\",\"key\":\"a\"");

		try (LogTestSupport.Opened reopened = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(reopened.state().snapshot()).isEqualTo(LogTestSupport.replay(mutations));
			assertThat(reopened.report().clean()).isTrue();
			assertThat(reopened.report().source()).isEqualTo(RecoveryReport.Source.LOG);
			assertThat(reopened.report().recordsReplayed()).isEqualTo(mutations.size());
		}
	}

	@Test
	void shouldAcceptLegacyLinesWithoutCrcAmongOurs() throws IOException {
		String legacy = """
				{"op":"CHECKPOINT","state":{"old":{"score":3},"gone":1},"compactedAt":"2023-01-01T00:00:00.000Z"}
				{"timestamp":"2023-01-01T00:00:01.000Z","op":"SET","key":"a","value":{"x":[1,2]}}
				{"timestamp":"2023-01-01T00:00:02.000Z","op":"SET","data":{"b":"two","c":[]}}
				{"timestamp":"2023-01-01T00:00:03.000Z","op":"DELETE","key":"gone"}
				{"value":5,"key":"late","op":"SET"}
				""";
		LogTestSupport.writeLog(this.dir, legacy.getBytes(StandardCharsets.UTF_8));
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.report().clean()).isTrue();
			assertThat(store.report().recordsReplayed()).isEqualTo(5);
			store.put("new", json("true"));
		}
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).isEqualTo(Map.of("old", json("{\"score\":3}"), "a",
					json("{\"x\":[1,2]}"), "b", json("\"two\""), "c", json("[]"), "late", json("5"), "new",
					json("true")));
			assertThat(store.report().clean()).isTrue();
		}
		assertThat(LogTestSupport.lines(logPath(this.dir))).hasSize(6).first().asString().startsWith("{\"op\":\"CHECKPOINT\"");
	}

	@Test
	void shouldRejectALegacyLineWithAnUnknownMember() throws IOException {
		String log = """
				{"timestamp":"2023-01-01T00:00:01.000Z","op":"SET","key":"a","value":1}
				{"timestamp":"2023-01-01T00:00:02.000Z","op":"SET","key":"b","value":2,"extra":true}
				{"timestamp":"2023-01-01T00:00:03.000Z","op":"SET","key":"c","value":3}
				""";
		LogTestSupport.writeLog(this.dir, log.getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> open(this.dir, options().withRecovery(RecoveryMode.STRICT)))
			.isInstanceOf(LogCorruptedException.class)
			.hasMessageContaining(logPath(this.dir).toString())
			.hasMessageContaining("line 2")
			.hasMessageContaining("byte offset 72")
			.hasMessageContaining("unknown member 'extra'");

		try (LogTestSupport.Opened store = open(this.dir, options())) {
			assertThat(store.state().snapshot()).isEqualTo(Map.of("a", json("1"), "c", json("3")));
			assertThat(store.report().recordsSkipped()).isEqualTo(1);
		}
		assertThat(Files.readString(LogTestSupport.corruptPath(this.dir))).isEqualTo(log.lines().toList().get(1) + "\n");
		assertThat(LogTestSupport.lines(logPath(this.dir))).containsExactly(log.lines().toList().get(0),
				log.lines().toList().get(2));
	}

	@Test
	void shouldRejectMalformedLegacyRecordsWithoutFailingRecoveryAndKeepNullValues() throws IOException {
		String log = """
				{"op":"SET","key":"a","value":1}
				{"op":"SET","key":"n","value":null}
				{"value":null,"op":"SET","key":"m"}
				{"op":"SET","value":1}
				{"op":"DELETE","key":"a","value":1}
				{"op":"CHECKPOINT","data":{}}
				{"op":"MOVE","key":"a"}
				{"key":"a","value":2}
				[1,2]
				{"op":"SET","key":"a","value":1} trailing
				{"op":"SET","key":"a","value":1,"crc":"00000000","timestamp":"x"}
				{"op":"SET","key":"z","value":26}
				""";
		LogTestSupport.writeLog(this.dir, log.getBytes(StandardCharsets.UTF_8));
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			// A null value is a value (the original stores it as such), in whatever order the members come.
			assertThat(store.state().snapshot())
				.isEqualTo(Map.of("a", json("1"), "n", json("null"), "m", json("null"), "z", json("26")));
			assertThat(store.report().recordsSkipped()).isEqualTo(8);
			assertThat(store.report().recordsReplayed()).isEqualTo(4);
		}
	}

	@Test
	void shouldReadALogWhoseLineEndingsBecameCrlfAndPassOverBlankLines() throws IOException {
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			store.put("a", json("1"));
			store.put("b", json("{\"x\":[1,2]}"));
			store.put("c", json("\"three\""));
		}
		String log = Files.readString(logPath(this.dir), StandardCharsets.UTF_8);
		String converted = log.replace("\n", "\r\n").replaceFirst("\r\n", "\r\n\r\n   \r\n");
		LogTestSupport.writeLog(this.dir, converted.getBytes(StandardCharsets.UTF_8));
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot())
				.isEqualTo(Map.of("a", json("1"), "b", json("{\"x\":[1,2]}"), "c", json("\"three\"")));
			assertThat(store.report().recordsReplayed()).isEqualTo(3);
			assertThat(store.report().clean()).isTrue();
			store.put("d", json("4"));
		}
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.state().snapshot()).containsKeys("a", "b", "c", "d");
		}
	}

	@Test
	void shouldWriteTheJsonSnapshotLikeJavaScriptsStringifyWithTwoSpaces() throws IOException {
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			store.put("a", json("1"));
			store.put("b", json("[]"));
			store.put("c", json("{}"));
			store.put("d", json("[1,{\"x\":\"y\",\"z\":[true]}]"));
			store.put("e", json("\"s\""));
			store.log().writeSnapshot();
		}
		String expected = String.join("\n", "{", "  \"a\": 1,", "  \"b\": [],", "  \"c\": {},", "  \"d\": [",
				"    1,", "    {", "      \"x\": \"y\",", "      \"z\": [", "        true", "      ]", "    }", "  ],",
				"  \"e\": \"s\"", "}");
		assertThat(Files.readString(this.dir.resolve(LogTestSupport.STORE + ".json"))).isEqualTo(expected);
	}

	@Test
	void shouldWriteAnEmptyStoreAsAnEmptyObject() throws IOException {
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			store.log().writeSnapshot();
		}
		assertThat(Files.readString(this.dir.resolve(LogTestSupport.STORE + ".json"))).isEqualTo("{}");
	}

	@Test
	void shouldImportTheJsonFileWhenThereIsNoLog() throws IOException {
		Files.writeString(this.dir.resolve(LogTestSupport.STORE + ".json"),
				"{\n  \"p1\": {\n    \"score\": 4\n  },\n  \"p2\": []\n}");
		try (LogTestSupport.Opened store = open(this.dir, options())) {
			assertThat(store.report().source()).isEqualTo(RecoveryReport.Source.JSON);
			assertThat(store.state().snapshot()).isEqualTo(Map.of("p1", json("{\"score\":4}"), "p2", json("[]")));
			store.put("p3", json("3"));
		}
		try (LogTestSupport.Opened store = open(this.dir, options().withRecovery(RecoveryMode.STRICT))) {
			assertThat(store.report().source()).isEqualTo(RecoveryReport.Source.LOG);
			assertThat(store.state().snapshot()).containsOnlyKeys("p1", "p2", "p3");
			assertThat(LogTestSupport.lines(logPath(this.dir)).get(0)).startsWith("{\"op\":\"CHECKPOINT\"")
				.matches(".*,\"crc\":\"[0-9a-f]{8}\"}$");
		}
	}

}
