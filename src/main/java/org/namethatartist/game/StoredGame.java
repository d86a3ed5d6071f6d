package org.namethatartist.game;

import java.util.Map;

/** A game state found in the store: one this version can resume, or one it leaves alone. */
public sealed interface StoredGame {

	String channelId();

	/** A state in this version's schema. */
	record Resumable(GameSnapshot snapshot) implements StoredGame {

		@Override
		public String channelId() {
			return this.snapshot.channelId();
		}

	}

	/**
	 * A state written by the original bot or by a newer version: kept as it is, never resumed, deleted
	 * or counted.
	 * @param content the state as plain maps, lists, strings, numbers and booleans
	 * @param reason why it was not recognised
	 */
	record Unrecognised(String channelId, Map<String, Object> content, String reason) implements StoredGame {
	}

}
