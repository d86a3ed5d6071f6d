package org.namethatartist.artwork;

import java.util.Optional;

/**
 * Keeps the last token document fetched, and the last of each server's pool, so a restart does not wait
 * for the artwork source.
 */
public interface TokenCache {

	/** The cached document, or empty when nothing was ever cached. */
	Optional<TokenDocument> load();

	/**
	 * Replaces the cached document; returns once it is durable.
	 * @throws org.namethatartist.StorageException when it could not be made durable
	 */
	void save(TokenDocument document);

	/**
	 * The cached document of a server's pool, by its {@link ArtworkPool#toString() canonical name}, or empty
	 * when it was never cached. Kept apart from the operator's document: {@link #load()} never sees it.
	 */
	Optional<TokenDocument> loadPool(String pool);

	/**
	 * Replaces a pool's cached document; returns once it is durable.
	 * @throws org.namethatartist.StorageException when it could not be made durable
	 */
	void savePool(String pool, TokenDocument document);

}
