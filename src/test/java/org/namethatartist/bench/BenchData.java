package org.namethatartist.bench;

import java.io.IOException;
import java.nio.file.Path;

/** The data directories of one benchmark run, written once at the start: 1k, 100k and 1M players, 5 games each. */
final class BenchData {

	static final int GAMES = 5;

	private final Path work;

	private long bytes1m;

	BenchData(Path work) {
		this.work = work;
	}

	void write() throws IOException {
		PlayerData.write(players1k(), 1_000, GAMES);
		PlayerData.write(players100k(), 100_000, GAMES);
		this.bytes1m = PlayerData.write(players1m(), 1_000_000, GAMES);
	}

	Path players1k() {
		return this.work.resolve("players-1k");
	}

	Path players100k() {
		return this.work.resolve("players-100k");
	}

	Path players1m() {
		return this.work.resolve("players-1m");
	}

	long bytes1m() {
		return this.bytes1m;
	}

}
