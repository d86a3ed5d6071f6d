package org.namethatartist.game;

import java.time.Duration;

/** Reading and writing the {@code min..max} form shared by the range types. */
final class Ranges {

	private Ranges() {
	}

	static String[] split(String text, String form) {
		String[] parts = (text != null) ? text.trim().split("\\.\\.", -1) : new String[0];
		if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
			throw new IllegalArgumentException(form);
		}
		return new String[] { parts[0].trim(), parts[1].trim() };
	}

	/** {@code 15s}, {@code 1500ms}, {@code 10m}: seconds as players think of rounds, minutes past ten. */
	static String format(Duration duration) {
		if (duration.compareTo(Duration.ofDays(365)) > 0 || duration.isNegative()) {
			// Beyond any sensible setting, and toMillis() would overflow on the largest durations.
			return duration.getSeconds() + "s";
		}
		long millis = duration.toMillis();
		if (millis % 1000 != 0) {
			return millis + "ms";
		}
		long seconds = millis / 1000;
		if (seconds < 600 || seconds % 60 != 0) {
			return seconds + "s";
		}
		return (seconds % 3600 == 0) ? (seconds / 3600) + "h" : (seconds / 60) + "m";
	}

}
