package org.namethatartist.storage.postgres;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One test's database for the contract tests: the first {@link #open()} creates it empty, each later one
 * opens it again on a pool of its own (as another process or a restart would), and {@link #close()}
 * closes every pool. Earlier storages stay usable, as the append log's do after a reopen.
 */
final class PerTestDatabase implements AutoCloseable {

	private final int poolSize;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private String url;

	PerTestDatabase(int poolSize) {
		this.poolSize = poolSize;
	}

	PostgresStorage open() {
		HikariDataSource pool = (this.url != null) ? TestDatabases.pool(this.url, this.poolSize)
				: TestDatabases.newDatabase(this.poolSize);
		this.pools.add(pool);
		this.url = pool.getJdbcUrl();
		return PostgresStorage.open(pool);
	}

	/** The pool of the latest {@link #open()}. */
	HikariDataSource latestPool() {
		return this.pools.get(this.pools.size() - 1);
	}

	@Override
	public void close() {
		this.pools.forEach(HikariDataSource::close);
	}

}
