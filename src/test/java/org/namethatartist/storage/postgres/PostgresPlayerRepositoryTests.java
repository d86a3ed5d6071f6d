package org.namethatartist.storage.postgres;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerRepositoryContract;

/** The player contract on PostgreSQL: a new database per test, reopened as another pool on it. */
class PostgresPlayerRepositoryTests extends PlayerRepositoryContract {

	private String url;

	private HikariDataSource pool;

	private final List<HikariDataSource> pools = new ArrayList<>();

	@Override
	protected PlayerRepository repository() {
		this.pool = TestDatabases.newDatabase(16);
		this.pools.add(this.pool);
		this.url = this.pool.getJdbcUrl();
		return PostgresStorage.open(this.pool).players();
	}

	@Override
	protected PlayerRepository reopen() {
		// The earlier repository stays usable, as the append log's does: the contract reads through both.
		this.pool = TestDatabases.pool(this.url, 16);
		this.pools.add(this.pool);
		return PostgresStorage.open(this.pool).players();
	}

	@AfterEach
	void close() {
		this.pools.forEach(HikariDataSource::close);
	}

}
