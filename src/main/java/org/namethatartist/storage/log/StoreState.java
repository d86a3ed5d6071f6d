package org.namethatartist.storage.log;

import java.util.function.BiConsumer;

/**
 * The in-memory state a log is replayed into and snapshotted from, owned by the repository.
 *
 * @param <V> the value type
 */
public interface StoreState<V> {

	/** Replay of {@code SET key value}, of one member of {@code SET data} or of a {@code CHECKPOINT}. */
	void replayPut(String key, V value);

	/** Replay of {@code DELETE key}. */
	void replayRemove(String key);

	/**
	 * Visits every entry, for a {@code CHECKPOINT} or a JSON snapshot. May run while writers change
	 * the state: each value seen must be one the key held at some moment during the visit (a
	 * {@code ConcurrentHashMap} of immutable values gives that).
	 */
	void forEachEntry(BiConsumer<String, V> action);

}
