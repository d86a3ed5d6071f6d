package org.namethatartist.storage.postgres;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.StorageException;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerRepositoryContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The player contract on PostgreSQL: a new database per test, reopened as another pool on it. Also: with
 * the pool closed a result fails loudly and is not recorded.
 */
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

	@Test
	void aResultWithThePoolClosedFailsLoudlyAndIsNotRecorded() {
		PlayerRepository players = repository();
		this.pool.close();
		assertThatThrownBy(() -> players.recordResult(result("g", "u", 1, false, 0, 0)))
			.isInstanceOf(StorageException.class)
			.hasMessageContaining("nothing was recorded");
		assertThat(reopen().find("u")).isEmpty();
	}

}
