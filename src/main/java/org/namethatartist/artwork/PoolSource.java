package org.namethatartist.artwork;

import java.util.Map;

/**
 * Where a server's own pools come from: the tokens a wallet holds, or the tokens of a collection. It
 * shares its request budget with the {@link TokenSource} of the operator's wallets, so however many pools
 * refresh at once, the artwork source is asked no faster than its one setting allows.
 */
public interface PoolSource {

	/**
	 * Fetches a {@link ArtworkPool.Kind#WALLET wallet}'s or a {@link ArtworkPool.Kind#COLLECTION collection}'s
	 * tokens, at most {@code maxTokens} of them (the first by token, in the source's order), with their artists.
	 * @param known artists already known (from the default catalogue and other pools): not asked for again
	 * @throws TokenSourceException when the pool could not be read completely, or is of another kind
	 * @throws InterruptedException when the thread was interrupted (the application is stopping)
	 */
	TokenDocument fetch(ArtworkPool pool, int maxTokens, Map<String, ArtistInfo> known) throws InterruptedException;

}
