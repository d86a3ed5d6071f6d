package org.namethatartist.storage.postgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.namethatartist.StorageException;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports an append-log data directory ({@code storage.postgres.import-from}) into an empty database:
 * players, per-server stats, game states (as stored, recognised or not) and the token document, in one
 * transaction. The players table is locked first, so of several processes starting at once only one
 * imports; a database that has players already is left alone, so running it twice imports once. The
 * games in the players' histories are entered as counted, so a game's end replayed after the move is
 * not counted again.
 */
final class PostgresImport {

	/** What an import did. */
	record Report(boolean imported, int players, int guildPlayers, int gameStates, boolean tokens) {
	}

	/** Rows sent in batches of this many statements: one round trip each instead of one per row. */
	static final int BATCH = 1000;

	private static final String PLAYERS = "INSERT INTO players (" + PlayerRows.COLUMNS + ") VALUES "
			+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";

	private static final String GUILD_PLAYERS = "INSERT INTO guild_players (guild_id, " + PlayerRows.COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";

	private static final String RESULTS = "INSERT INTO results (game_id, user_id, guild_id) VALUES (?, ?, ?) "
			+ "ON CONFLICT DO NOTHING";

	private PostgresImport() {
	}

	/** A player's row in {@link PlayerRows#COLUMNS} order, after the guild id for a per-server row. */
	private static Object[] row(PlayerRows rows, String guildId, PlayerStats stats) {
		Object[] values = { stats.userId(), stats.username(), stats.totalGames(), stats.totalWins(),
				stats.totalScore(), stats.averageScore(), stats.bestScore(), stats.totalCorrectAnswers(),
				stats.totalIncorrectAnswers(), stats.totalAnswers(), stats.accuracyRate(),
				rows.historyJson(stats.gamesHistory()) };
		if (guildId == null) {
			return values;
		}
		Object[] withGuild = new Object[values.length + 1];
		withGuild[0] = guildId;
		System.arraycopy(values, 0, withGuild, 1, values.length);
		return withGuild;
	}

	/** Rows waiting to be sent, by statement; sent when a batch is full and when closed. */
	private static final class Batches {

		private final JdbcTemplate jdbc;

		private final List<Object[]> players = new ArrayList<>();

		private final List<Object[]> guildPlayers = new ArrayList<>();

		private final List<Object[]> results = new ArrayList<>();

		Batches(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		void player(String guildId, Object[] row) {
			add((guildId != null) ? GUILD_PLAYERS : PLAYERS, (guildId != null) ? this.guildPlayers : this.players, row);
		}

		void result(Object[] row) {
			add(RESULTS, this.results, row);
		}

		private void add(String sql, List<Object[]> batch, Object[] row) {
			batch.add(row);
			if (batch.size() >= BATCH) {
				send(sql, batch);
			}
		}

		private void send(String sql, List<Object[]> batch) {
			if (!batch.isEmpty()) {
				this.jdbc.batchUpdate(sql, batch);
				batch.clear();
			}
		}

		/** Sends what is left. */
		void flush() {
			send(PLAYERS, this.players);
			send(GUILD_PLAYERS, this.guildPlayers);
			send(RESULTS, this.results);
		}

	}

	static Report importIfEmpty(PostgresStorage storage, Path dataDir) {
		try {
			return storage.transactions().execute((status) -> {
				JdbcClient jdbc = storage.jdbc();
				jdbc.sql("LOCK TABLE players IN EXCLUSIVE MODE").update();
				if (jdbc.sql("SELECT count(*) FROM players").query(Long.class).single() > 0) {
					return new Report(false, 0, 0, 0, false);
				}
				int[] counts = new int[3];
				boolean[] tokens = new boolean[1];
				try (AppendLogStores stores = AppendLogStores.open(dataDir, LogOptions.defaults())) {
					Batches batches = new Batches(new JdbcTemplate(storage.dataSource()));
					stores.forEachPlayer((guildId, stats) -> {
						batches.player(guildId, row(storage.rows(), guildId, stats));
						counts[(guildId != null) ? 1 : 0]++;
						for (GameHistoryEntry game : stats.gamesHistory()) {
							if (game.gameId() != null) {
								batches.result(new Object[] { game.gameId(), stats.userId(), guildId });
							}
						}
					});
					batches.flush();
					stores.forEachGameState((channelId, state) -> {
						PostgresGameStateRepository.put(jdbc, channelId, storage.mapper().writeValueAsString(state));
						counts[2]++;
					});
					stores.tokens().load().ifPresent((document) -> {
						PostgresTokenCache.put(jdbc, storage.mapper().writeValueAsString(document));
						tokens[0] = true;
					});
				}
				return new Report(true, counts[0], counts[1], counts[2], tokens[0]);
			});
		}
		catch (RuntimeException ex) {
			throw new StorageException("Could not import " + dataDir + " into PostgreSQL; nothing was imported: "
					+ ex.getMessage(), ex);
		}
	}

}
