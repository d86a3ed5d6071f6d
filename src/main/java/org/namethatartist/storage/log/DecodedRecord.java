package org.namethatartist.storage.log;

import java.util.List;

/**
 * A log line as replay applies it: puts (from {@code SET} with key or data, or a {@code CHECKPOINT})
 * or one remove.
 */
record DecodedRecord<V>(Kind kind, List<Entry<V>> entries) {

	enum Kind {

		PUT, REMOVE

	}

	record Entry<V>(String key, V value) {
	}

	void applyTo(StoreState<V> state) {
		for (Entry<V> entry : this.entries) {
			if (this.kind == Kind.PUT) {
				state.replayPut(entry.key(), entry.value());
			}
			else {
				state.replayRemove(entry.key());
			}
		}
	}

}
