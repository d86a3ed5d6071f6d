package org.namethatartist.bench;

import java.util.Arrays;

/** Latencies of one run, in nanoseconds, and the percentiles the figures are made of. */
final class Samples {

	private final long[] nanos;

	private int count;

	Samples(int capacity) {
		this.nanos = new long[capacity];
	}

	void add(long nanos) {
		if (this.count < this.nanos.length) {
			this.nanos[this.count++] = nanos;
		}
	}

	int count() {
		return this.count;
	}

	/** The {@code p}th percentile (nearest rank), in microseconds. */
	double percentileMicros(double p) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
	}

	double maxMillis() {
		long max = 0;
		for (int i = 0; i < this.count; i++) {
			max = Math.max(max, this.nanos[i]);
		}
		return max / 1e6;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
