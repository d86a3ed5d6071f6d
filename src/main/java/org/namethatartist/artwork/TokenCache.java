package org.namethatartist.artwork;

import java.util.Optional;

/** Keeps the last token document fetched, so a restart does not wait for the artwork source. */
public interface TokenCache {

	/** The cached document, or empty when nothing was ever cached. */
	Optional<TokenDocument> load();

	/**
	 * Replaces the cached document; returns once it is durable.
	 * @throws org.namethatartist.StorageException when it could not be made durable
	 */
	void save(TokenDocument document);

}
