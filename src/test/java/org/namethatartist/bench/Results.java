package org.namethatartist.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run: each key holds the median of its runs, and keeps the runs
 * themselves so the report can show how far they spread. Notes say how a figure was taken.
 */
final class Results {

	/** How many times each figure is measured; the figure is the median. */
	static final int RUNS = 3;

	private final Map<String, double[]> runs = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	void put(String key, double[] values) {
		if (values.length < RUNS) {
			throw new IllegalArgumentException(key + ": " + values.length + " runs, at least " + RUNS + " needed");
		}
		this.runs.put(key, values.clone());
	}

	/** Measures {@code key} {@value #RUNS} times. */
	void measure(String key, Measure measure) throws Exception {
		double[] values = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			values[i] = measure.run();
		}
		put(key, values);
		System.out.printf("  %-40s %12s   runs %s%n", key, Report.format(get(key)), Report.formatRuns(values));
	}

	boolean has(String key) {
		return this.runs.containsKey(key);
	}

	double get(String key) {
		double[] values = this.runs.get(key);
		if (values == null) {
			throw new IllegalStateException("no figure " + key);
		}
		return Samples.median(values);
	}

	double[] runs(String key) {
		return this.runs.get(key).clone();
	}

	Iterable<String> keys() {
		return this.runs.keySet();
	}

	void note(String note) {
		this.notes.add(note);
	}

	List<String> notes() {
		return this.notes;
	}

	/** One measurement, giving one value. */
	@FunctionalInterface
	interface Measure {

		double run() throws Exception;

	}

}
