package org.namethatartist.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * {@code fsync_floor_p50_us}: the disk's floor for a durable append, measured in the same run as
 * everything else: append a 200-byte line and force it ({@code fdatasync}, as the store does),
 * {@value #APPENDS} times; a run before each round of {@link UpdateBench}.
 */
final class FsyncFloorBench {

	private static final int APPENDS = 2000;

	private final Path work;

	FsyncFloorBench(Path work) {
		this.work = work;
	}

	private final java.util.List<Double> runs = new java.util.ArrayList<>();

	/** One run now: the disk's speed drifts on a shared machine, so runs are spread over the benchmark. */
	void sample() throws IOException {
		this.runs.add(p50());
		System.out.printf("  fsync floor run %d: %s µs%n", this.runs.size(), Report.format(this.runs.get(this.runs.size() - 1)));
	}

	/** Puts the figure, taking runs now if fewer than {@link Results#RUNS} were spread over the benchmark. */
	void finish(Results results) throws IOException {
		while (this.runs.size() < Results.RUNS) {
			sample();
		}
		results.put("fsync_floor_p50_us", this.runs.stream().mapToDouble(Double::doubleValue).toArray());
		results.note("`fsync_floor_p50_us`: " + APPENDS + " appends of a 200-byte line to one file, each followed by "
				+ "`FileChannel.force(false)` (fdatasync, what the store's log does); p50 of each run. One run "
				+ "before each round of the one-writer updates, which it is compared with: the shared disk's speed "
				+ "drifts from minute to minute.");
	}

	private double p50() throws IOException {
		Path file = this.work.resolve("fsync-floor");
		byte[] line = new byte[200];
		Arrays.fill(line, (byte) 'x');
		line[199] = '\n';
		Samples samples = new Samples(APPENDS);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			long position = 0;
			for (int i = 0; i < APPENDS; i++) {
				long start = System.nanoTime();
				channel.write(ByteBuffer.wrap(line), position);
				channel.force(false);
				samples.add(System.nanoTime() - start);
				position += line.length;
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		return samples.percentileMicros(50);
	}

}
