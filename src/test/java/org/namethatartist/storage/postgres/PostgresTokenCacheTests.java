package org.namethatartist.storage.postgres;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.StorageException;
import org.namethatartist.artwork.TokenCache;
import org.namethatartist.artwork.TokenCacheContract;
import org.namethatartist.artwork.TokenDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token-cache contract on PostgreSQL: a new database per test, reopened as another pool on it.
 * Also: with the pool closed a save fails loudly and the cached document stays the earlier one.
 */
class PostgresTokenCacheTests extends TokenCacheContract {

	private final PerTestDatabase database = new PerTestDatabase(2);

	@Override
	protected TokenCache cache() {
		return open().tokens();
	}

	@Override
	protected TokenCache reopen() {
		// The earlier cache stays usable, as the append log's does.
		return open().tokens();
	}

	private PostgresStorage open() {
		return this.database.open();
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void aSaveWithThePoolClosedFailsLoudlyAndKeepsTheEarlierDocument() {
		TokenCache cache = cache();
		cache.save(sunflowers());
		this.database.latestPool().close();
		assertThatThrownBy(() -> cache.save(new TokenDocument(null, 0, List.of(), Map.of())))
			.isInstanceOf(StorageException.class)
			.hasMessageStartingWith("Could not save the token cache");
		assertThatThrownBy(cache::load).isInstanceOf(StorageException.class)
			.hasMessageStartingWith("Could not read the token cache");
		assertThat(reopen().load()).contains(sunflowers());
	}

}
