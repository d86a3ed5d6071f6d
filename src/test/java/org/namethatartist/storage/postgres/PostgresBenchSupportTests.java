package org.namethatartist.storage.postgres;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerStats;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's {@code COPY} writes the rows {@code recordResult} writes: the same players (a quote and
 * a backslash in a name and a game id included) recorded one result at a time into one database and
 * copied into another read back the same, row for row.
 */
class PostgresBenchSupportTests {

	private final HikariDataSource recorded = TestDatabases.newDatabase(2);

	private final HikariDataSource copied = TestDatabases.newDatabase(2);

	@AfterEach
	void close() {
		this.recorded.close();
		this.copied.close();
	}

	@Test
	void copiedRowsAreTheRowsRecordResultWrites() throws SQLException {
		PostgresStorage recording = PostgresStorage.open(this.recorded);
		PostgresStorage copying = PostgresStorage.open(this.copied);
		List<PlayerStats> players = new ArrayList<>();
		for (int player = 0; player < 3; player++) {
			PlayerStats stats = null;
			for (int game = 0; game < 4; game++) {
				GameResult result = new GameResult("g\"" + game + "\\," + player, "u" + player,
						"name \"" + player + "\", a\\b", null, 100 * game + player, game == 2, game, 10 - game,
						Instant.parse("2026-11-27T10:00:00Z").plusSeconds(60L * game));
				stats = recording.players().recordResult(result);
			}
			players.add(stats);
		}

		PostgresBenchSupport.copyPlayers(copying, this.copied, players);

		assertThat(copying.players().count()).isEqualTo(3);
		for (PlayerStats stats : players) {
			assertThat(copying.players().find(stats.userId())).contains(stats)
				.isEqualTo(recording.players().find(stats.userId()));
		}
		String playersSql = "SELECT " + PlayerRows.COLUMNS + " FROM players ORDER BY user_id";
		assertThat(rows(this.copied, playersSql)).isEqualTo(rows(this.recorded, playersSql)).hasSize(3);
		String resultsSql = "SELECT game_id, user_id, guild_id FROM results ORDER BY game_id, user_id";
		assertThat(rows(this.copied, resultsSql)).isEqualTo(rows(this.recorded, resultsSql)).hasSize(12);
	}

	private static List<List<Object>> rows(HikariDataSource database, String sql) {
		return JdbcClient.create(database).sql(sql).query((rs, n) -> {
			List<Object> row = new ArrayList<>();
			for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
				row.add(rs.getString(column));
			}
			return row;
		}).list();
	}

}
