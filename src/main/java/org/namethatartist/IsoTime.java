package org.namethatartist;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps as JavaScript's {@code Date.toISOString()} writes them: UTC, always milliseconds,
 * {@code 2026-11-27T10:00:00.123Z}. Written by hand: it runs on every write, and
 * {@code DateTimeFormatter} spends most of its time on zone and fraction objects.
 */
public final class IsoTime {

	private IsoTime() {
	}

	public static String format(Instant instant) {
		long millis = instant.toEpochMilli();
		LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
		int year = t.getYear();
		if (year < 0 || year > 9999) {
			// JavaScript writes such years with a sign and six digits; they never occur in our data.
			return instant.toString();
		}
		char[] out = new char[24];
		put(out, 0, year, 4);
		out[4] = '-';
		put(out, 5, t.getMonthValue(), 2);
		out[7] = '-';
		put(out, 8, t.getDayOfMonth(), 2);
		out[10] = 'T';
		put(out, 11, t.getHour(), 2);
		out[13] = ':';
		put(out, 14, t.getMinute(), 2);
		out[16] = ':';
		put(out, 17, t.getSecond(), 2);
		out[19] = '.';
		put(out, 20, (int) Math.floorMod(millis, 1000L), 3);
		out[23] = 'Z';
		return new String(out);
	}

	private static void put(char[] out, int at, int value, int digits) {
		for (int i = at + digits - 1; i >= at; i--) {
			out[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}
