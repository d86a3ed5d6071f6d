package org.namethatartist.artwork;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.namethatartist.StorageException;

/** A token cache in memory for tests: counts its calls, and can fail to load or to save. */
public class MemoryTokenCache implements TokenCache {

	public volatile TokenDocument document;

	public volatile StorageException loadFailure;

	public volatile StorageException saveFailure;

	public volatile int loads;

	public volatile int saves;

	public final Map<String, TokenDocument> pools = new ConcurrentHashMap<>();

	@Override
	public Optional<TokenDocument> load() {
		this.loads++;
		if (this.loadFailure != null) {
			throw this.loadFailure;
		}
		return Optional.ofNullable(this.document);
	}

	@Override
	public void save(TokenDocument document) {
		if (this.saveFailure != null) {
			throw this.saveFailure;
		}
		this.saves++;
		this.document = document;
	}

	@Override
	public Optional<TokenDocument> loadPool(String pool) {
		if (this.loadFailure != null) {
			throw this.loadFailure;
		}
		return Optional.ofNullable(this.pools.get(pool));
	}

	@Override
	public void savePool(String pool, TokenDocument document) {
		if (this.saveFailure != null) {
			throw this.saveFailure;
		}
		this.pools.put(pool, document);
	}

}
