package org.namethatartist.game;

import org.namethatartist.Durations;
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

	/** {@code 15s}, {@code 1500ms}, {@code 10m}: see {@link Durations#format}. */
	static String format(Duration duration) {
		return Durations.format(duration);
	}

}
