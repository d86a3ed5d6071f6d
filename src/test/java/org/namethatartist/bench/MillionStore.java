package org.namethatartist.bench;

import org.namethatartist.storage.appendlog.AppendLogStores;

/**
 * The 1M-player store, opened once when first needed and shared by the parts that measure on it.
 * Once open, a full GC settles the million players just loaded into the old generation, so the first
 * young collections of a measurement do not copy them (a restarted bot does this once, in its first
 * seconds).
 */
final class MillionStore implements AutoCloseable {

	static final int PLAYERS = 1_000_000;

	private final BenchData data;

	private AppendLogStores stores;

	MillionStore(BenchData data) {
		this.data = data;
	}

	AppendLogStores get() {
		if (this.stores == null) {
			long start = System.nanoTime();
			this.stores = StoreUnderTest.open(this.data.players1m());
			if (this.stores.players().count() != PLAYERS) {
				throw new IllegalStateException("expected " + PLAYERS + " players, found " + this.stores.players().count());
			}
			System.gc();
			System.out.printf("  1M-player store open (replay, JSON rewrite, GC) in %.1f s%n", Bench.millisSince(start) / 1000);
		}
		return this.stores;
	}

	@Override
	public void close() {
		if (this.stores != null) {
			this.stores.close();
		}
	}

}
