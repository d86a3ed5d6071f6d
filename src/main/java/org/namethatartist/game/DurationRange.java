package org.namethatartist.game;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/** Bounds of a duration written {@code min..max} in {@code application.yml}, such as {@code 10s..60s}. */
public record DurationRange(Duration min, Duration max) {

	private static final String FORM = "a range of durations such as 10s..60s";

	public DurationRange {
		if (min.isNegative() || min.compareTo(max) > 0) {
			throw new IllegalArgumentException(FORM + " with 0 <= min <= max");
		}
	}

	/** Parses {@code 10s..60s} (units ms, s, m, h); used by Spring to bind the configuration. */
	public static DurationRange valueOf(String text) {
		String[] parts = Ranges.split(text, FORM);
		try {
			return new DurationRange(DurationStyle.SIMPLE.parse(parts[0]), DurationStyle.SIMPLE.parse(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(FORM, ex);
		}
	}

	public boolean contains(Duration value) {
		return value.compareTo(this.min) >= 0 && value.compareTo(this.max) <= 0;
	}

	@Override
	public String toString() {
		return Ranges.format(this.min) + ".." + Ranges.format(this.max);
	}

}
