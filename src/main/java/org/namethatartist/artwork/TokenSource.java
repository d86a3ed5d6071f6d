package org.namethatartist.artwork;

/**
 * Where fresh artworks come from: one call fetches the whole {@code tokens.json} document anew. A source
 * answers all or nothing, so a partial answer never reaches the cache.
 */
public interface TokenSource {

	/** The name operators see for this source, such as {@code objkt}. */
	String name();

	/**
	 * Fetches every token and its artist, stamped with the time of the fetch.
	 * @throws TokenSourceException when the source could not be read completely
	 * @throws InterruptedException when the thread was interrupted (the application is stopping)
	 */
	TokenDocument fetch() throws InterruptedException;

}
