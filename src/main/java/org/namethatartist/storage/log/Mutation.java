package org.namethatartist.storage.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change to a store, written as one log line.
 *
 * @param <V> the value type
 */
public sealed interface Mutation<V> {

	/** {@code {"op":"SET","key":…,"value":…}}. */
	record Put<V>(String key, V value) implements Mutation<V> {

		public Put {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(value, "value");
		}

	}

	/** {@code {"op":"DELETE","key":…}}. */
	record Remove<V>(String key) implements Mutation<V> {

		public Remove {
			Objects.requireNonNull(key, "key");
		}

	}

	/** {@code {"op":"SET","data":{…}}}: every member of {@code data} replaces the key of that name. */
	record Merge<V>(Map<String, V> data) implements Mutation<V> {

		public Merge {
			data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
		}

	}

}
