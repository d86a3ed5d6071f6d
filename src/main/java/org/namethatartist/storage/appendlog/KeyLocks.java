package org.namethatartist.storage.appendlog;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks: one read-modify-write per key at a time, without a lock object per player. Held across
 * the durable append, so the next update of a player starts from the stats the disk has.
 */
final class KeyLocks {

	private final ReentrantLock[] stripes;

	KeyLocks(int stripes) {
		this.stripes = new ReentrantLock[Integer.highestOneBit(Math.max(1, stripes - 1)) << 1];
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new ReentrantLock();
		}
	}

	ReentrantLock forKey(String key) {
		int h = key.hashCode();
		h ^= (h >>> 16);
		return this.stripes[h & (this.stripes.length - 1)];
	}

}
