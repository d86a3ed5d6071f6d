package org.namethatartist;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeTests {

	private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	@Test
	void shouldWriteWhatJavaScriptsToIsoStringWrites() {
		assertThat(IsoTime.format(Instant.parse("2026-11-27T03:36:02.965Z"))).isEqualTo("2026-11-27T03:36:02.965Z");
		assertThat(IsoTime.format(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000Z");
		assertThat(IsoTime.format(Instant.parse("1969-12-31T23:59:59.999Z"))).isEqualTo("1969-12-31T23:59:59.999Z");
		assertThat(IsoTime.format(Instant.ofEpochMilli(0))).isEqualTo("1970-01-01T00:00:00.000Z");
		// Finer than a millisecond: cut, as JavaScript (which has no finer) would show the millisecond.
		assertThat(IsoTime.format(Instant.parse("2026-11-27T03:36:02.965999999Z"))).isEqualTo("2026-11-27T03:36:02.965Z");
	}

	@Test
	void shouldAgreeWithTheJdksFormatterOnAnyMillisecondFromYearOneTo9999() {
		Random random = new Random(42);
		long min = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
		long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
		for (int i = 0; i < 100_000; i++) {
			Instant instant = Instant.ofEpochMilli(min + (long) (random.nextDouble() * (max - min)));
			assertThat(IsoTime.format(instant)).isEqualTo(REFERENCE.format(instant));
		}
	}

}
