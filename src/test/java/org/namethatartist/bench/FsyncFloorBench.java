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
 * <p>{@code fsync_floor_prealloc_p50_us}: the same writes into a file extended beforehand, sparse (one
 * byte written at its new end), as the store's log is (AppendLog's preallocation); and
 * {@code fsync_floor_zeros_p50_us} into a file of written zeros, the other way to extend it.
 */
final class FsyncFloorBench {

	private static final int APPENDS = 2000;

	private final Path work;

	FsyncFloorBench(Path work) {
		this.work = work;
	}

	private final java.util.List<Double> runs = new java.util.ArrayList<>();

	private final java.util.List<Double> preallocRuns = new java.util.ArrayList<>();

	private final java.util.List<Double> zerosRuns = new java.util.ArrayList<>();

	/** How the file is made before the appends. */
	enum Extension {

		NONE, SPARSE, ZEROS

	}

	/** One run now: the disk's speed drifts on a shared machine, so runs are spread over the benchmark. */
	void sample() throws IOException {
		this.runs.add(p50(Extension.NONE));
		this.preallocRuns.add(p50(Extension.SPARSE));
		this.zerosRuns.add(p50(Extension.ZEROS));
		int last = this.runs.size() - 1;
		System.out.printf("  fsync floor run %d: %s µs appending, %s µs into sparse space, %s µs into zeros%n",
				this.runs.size(), Report.format(this.runs.get(last)), Report.format(this.preallocRuns.get(last)),
				Report.format(this.zerosRuns.get(last)));
	}

	/** Puts the figure, taking runs now if fewer than {@link Results#RUNS} were spread over the benchmark. */
	void finish(Results results) throws IOException {
		while (this.runs.size() < Results.RUNS) {
			sample();
		}
		results.put("fsync_floor_p50_us", this.runs.stream().mapToDouble(Double::doubleValue).toArray());
		results.put("fsync_floor_prealloc_p50_us", this.preallocRuns.stream().mapToDouble(Double::doubleValue).toArray());
		results.put("fsync_floor_zeros_p50_us", this.zerosRuns.stream().mapToDouble(Double::doubleValue).toArray());
		results.note("`fsync_floor_p50_us`: " + APPENDS + " appends of a 200-byte line to one file, each followed by "
				+ "`FileChannel.force(false)` (fdatasync, what the store's log does); p50 of each run. One run "
				+ "before each round of the one-writer updates, which it is compared with: the shared disk's speed "
				+ "drifts from minute to minute. `fsync_floor_prealloc_p50_us`: the same writes into a file "
				+ "extended by " + (PREALLOCATED >> 20) + " MB beforehand with one byte at its end (sparse, as the "
				+ "store's log is); `fsync_floor_zeros_p50_us`: into " + (PREALLOCATED >> 20) + " MB of written zeros.");
	}

	/** More than the appends need: none of them changes the file's length. */
	static final long PREALLOCATED = 16L << 20;

	double p50(Extension extension) throws IOException {
		Path file = this.work.resolve("fsync-floor");
		byte[] line = new byte[200];
		Arrays.fill(line, (byte) 'x');
		line[199] = '\n';
		Samples samples = new Samples(APPENDS);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			if (extension == Extension.SPARSE) {
				channel.write(ByteBuffer.wrap(new byte[1]), PREALLOCATED - 1);
				channel.force(true);
			}
			else if (extension == Extension.ZEROS) {
				ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
				for (long at = 0; at < PREALLOCATED; at += zeros.capacity()) {
					channel.write(zeros.clear(), at);
				}
				channel.force(true);
			}
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
