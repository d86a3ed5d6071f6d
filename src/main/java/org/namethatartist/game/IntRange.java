package org.namethatartist.game;

/** Whole-number bounds written {@code min..max} in {@code application.yml}, both included. */
public record IntRange(int min, int max) {

	public IntRange {
		if (min > max) {
			throw new IllegalArgumentException("a range such as 5..50 with min <= max, not " + min + ".." + max);
		}
	}

	/** Parses {@code 5..50}; used by Spring to bind the configuration. */
	public static IntRange valueOf(String text) {
		String[] parts = Ranges.split(text, "a range of whole numbers such as 5..50");
		try {
			return new IntRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("a range of whole numbers such as 5..50", ex);
		}
	}

	public boolean contains(int value) {
		return value >= this.min && value <= this.max;
	}

	@Override
	public String toString() {
		return this.min + ".." + this.max;
	}

}
