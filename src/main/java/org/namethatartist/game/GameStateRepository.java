package org.namethatartist.game;

import java.util.List;
import java.util.Optional;

/** Games in progress, one per channel, kept so a restart can resume them. */
public interface GameStateRepository {

	/**
	 * Saves the game under its channel id; returns once durable.
	 * @throws org.namethatartist.StorageException when it could not be made durable
	 */
	void save(GameSnapshot snapshot);

	Optional<StoredGame> find(String channelId);

	/** Removes the channel's game state; returns once durable. Removing nothing is not an error. */
	void delete(String channelId);

	/** Every stored game state, recognised or not. */
	List<StoredGame> findAll();

}
