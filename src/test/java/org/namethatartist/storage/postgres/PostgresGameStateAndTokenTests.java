package org.namethatartist.storage.postgres;

import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenDocument;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cache on PostgreSQL across a reopen (game states: {@link PostgresGameStateRepositoryTests}). */
class PostgresGameStateAndTokenTests {

	private final HikariDataSource pool = TestDatabases.newDatabase(4);

	@AfterEach
	void close() {
		this.pool.close();
	}

	@Test
	void shouldKeepTheTokenDocument() {
		TokenDocument document = new TokenDocument("2026-11-27T03:36:02.969Z", 1,
				List.of(new Token("7", "Sunflowers", "", "https://img/7", "https://img/7full", List.of("tz1a"), "tz1a",
						"KT1x")),
				Map.of("tz1a", new ArtistInfo("vincent.tez", true, new ArtistProfile("vincent.tez", null, null, null))));
		PostgresStorage storage = PostgresStorage.open(this.pool);
		assertThat(storage.tokens().load()).isEmpty();
		storage.tokens().save(new TokenDocument(null, 0, List.of(), Map.of()));
		storage.tokens().save(document);
		assertThat(PostgresStorage.open(this.pool).tokens().load()).contains(document);
	}

}
