package org.namethatartist;

import java.time.Duration;

/**
 * Durations for people, in the form {@code application.yml} takes: {@code 1500ms}, {@code 15s}, {@code 45s},
 * {@code 90m}, {@code 24h}. Seconds up to ten minutes (players think of a round as 60 s, not 1 m), then
 * minutes, or hours when whole. The one place that writes a duration for a log line, a health detail or a
 * message.
 */
public final class Durations {

	private Durations() {
	}

	public static String format(Duration duration) {
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
