package org.namethatartist;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as JavaScript's {@code Date.toISOString()} writes them: UTC, always milliseconds. */
public final class IsoTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private IsoTime() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}
