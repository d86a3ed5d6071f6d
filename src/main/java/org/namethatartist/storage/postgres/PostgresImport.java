package org.namethatartist.storage.postgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.namethatartist.StorageException;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports an append-log data directory ({@code storage.postgres.import-from}) into an empty database:
 * players, per-server stats, game states (as stored, recognised or not), the token document and the
 * servers' settings, in one
 * transaction. The players table is locked first, so of several processes starting at once only one
 * imports; a database that has players already is left alone, so running it twice imports once. The
 * games in the players' histories are entered as counted, so a game's end replayed after the move is
 * not counted again.
 */
final class PostgresImport {

	/** What an import did. */
	record Report(boolean imported, int players, int guildPlayers, int gameStates, boolean tokens, int guildSettings,
			int periodEntries) {

		Report(boolean imported, int players, int guildPlayers, int gameStates, boolean tokens, int guildSettings) {
			this(imported, players, guildPlayers, gameStates, tokens, guildSettings, 0);
		}

	}

	private static final String PERIOD_ROW = "INSERT INTO period_players (period, scope, user_id, username, "
			+ "total_games, total_wins, total_score, best_score, total_correct_answers, total_incorrect_answers, "
			+ "daily_score) VALUES (:period, :scope, :user, :name, :games, :wins, :score, :best, :correct, :incorrect, "
			+ ":daily)";

	private static final String PERIOD_COUNTED = "INSERT INTO period_counted (counted, user_id) VALUES (:counted, :user) "
			+ "ON CONFLICT DO NOTHING";

	/** Rows sent in batches of this many statements: one round trip each instead of one per row. */
	static final int BATCH = 1000;

	private static final String RESULTS = "INSERT INTO results (game_id, user_id, guild_id) "
			+ "VALUES (:game, :user, :guild) ON CONFLICT DO NOTHING";

	private PostgresImport() {
	}

	static Report importIfEmpty(PostgresStorage storage, Path dataDir) {
		try {
			return storage.transactions().execute((status) -> {
				JdbcClient jdbc = storage.jdbc();
				jdbc.sql("LOCK TABLE players IN EXCLUSIVE MODE").update();
				if (jdbc.sql("SELECT count(*) FROM players").query(Long.class).single() > 0) {
					return new Report(false, 0, 0, 0, false, 0);
				}
				int[] counts = new int[5];
				boolean[] tokens = new boolean[1];
				try (AppendLogStores stores = AppendLogStores.open(dataDir, LogOptions.defaults())) {
					Batches batches = new Batches(new NamedParameterJdbcTemplate(storage.dataSource()), storage.rows());
					stores.forEachPlayer((guildId, stats) -> {
						batches.player(guildId, stats);
						counts[(guildId != null) ? 1 : 0]++;
						for (GameHistoryEntry game : stats.gamesHistory()) {
							if (game.gameId() != null) {
								batches.result(game.gameId(), stats.userId(), guildId);
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
					stores.forEachGuildSettings((guildId, values) -> {
						storage.guildSettings().replace(guildId, values);
						counts[3]++;
					});
					counts[4] = importPeriods(stores, new NamedParameterJdbcTemplate(storage.dataSource()));
				}
				return new Report(true, counts[0], counts[1], counts[2], tokens[0], counts[3], counts[4]);
			});
		}
		catch (RuntimeException ex) {
			throw new StorageException("Could not import " + dataDir + " into PostgreSQL; nothing was imported: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * The week and month boards, and what they counted, so that a game recorded again after the move (a
	 * restart while recording) still counts once. Entries of every period are kept, past ones included.
	 */
	private static int importPeriods(AppendLogStores stores, NamedParameterJdbcTemplate jdbc) {
		java.util.List<MapSqlParameterSource> rows = new java.util.ArrayList<>();
		java.util.List<MapSqlParameterSource> counted = new java.util.ArrayList<>();
		int[] entries = new int[1];
		stores.forEachPeriodEntry((periodId, guildId, stats, keys) -> {
			rows.add(new MapSqlParameterSource().addValue("period", periodId)
				.addValue("scope", (guildId != null) ? guildId : "*")
				.addValue("user", stats.userId())
				.addValue("name", stats.username())
				.addValue("games", stats.totalGames())
				.addValue("wins", stats.totalWins())
				.addValue("score", stats.totalScore())
				.addValue("best", stats.bestScore())
				.addValue("correct", stats.totalCorrectAnswers())
				.addValue("incorrect", stats.totalIncorrectAnswers())
				.addValue("daily", stats.dailyScore()));
			for (String key : keys) {
				counted.add(new MapSqlParameterSource().addValue("counted", key).addValue("user", stats.userId()));
			}
			entries[0]++;
			if (rows.size() >= BATCH) {
				jdbc.batchUpdate(PERIOD_ROW, rows.toArray(MapSqlParameterSource[]::new));
				rows.clear();
			}
			if (counted.size() >= BATCH) {
				jdbc.batchUpdate(PERIOD_COUNTED, counted.toArray(MapSqlParameterSource[]::new));
				counted.clear();
			}
		});
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(PERIOD_ROW, rows.toArray(MapSqlParameterSource[]::new));
		}
		if (!counted.isEmpty()) {
			jdbc.batchUpdate(PERIOD_COUNTED, counted.toArray(MapSqlParameterSource[]::new));
		}
		return entries[0];
	}

	/** Rows waiting to be sent, by statement; sent when a batch is full and by {@link #flush()}. */
	private static final class Batches {

		private final NamedParameterJdbcTemplate jdbc;

		private final PlayerRows rows;

		private final List<MapSqlParameterSource> players = new ArrayList<>();

		private final List<MapSqlParameterSource> guildPlayers = new ArrayList<>();

		private final List<MapSqlParameterSource> results = new ArrayList<>();

		Batches(NamedParameterJdbcTemplate jdbc, PlayerRows rows) {
			this.jdbc = jdbc;
			this.rows = rows;
		}

		void player(String guildId, PlayerStats stats) {
			MapSqlParameterSource row = new MapSqlParameterSource(PostgresPlayerRepository.values(this.rows, stats))
				.addValue("guild", guildId);
			boolean guild = guildId != null;
			add(PostgresPlayerRepository.insertSql(guild), guild ? this.guildPlayers : this.players, row);
		}

		void result(String gameId, String userId, String guildId) {
			add(RESULTS, this.results,
					new MapSqlParameterSource("game", gameId).addValue("user", userId).addValue("guild", guildId));
		}

		private void add(String sql, List<MapSqlParameterSource> batch, MapSqlParameterSource row) {
			batch.add(row);
			if (batch.size() >= BATCH) {
				send(sql, batch);
			}
		}

		private void send(String sql, List<MapSqlParameterSource> batch) {
			if (!batch.isEmpty()) {
				this.jdbc.batchUpdate(sql, batch.toArray(MapSqlParameterSource[]::new));
				batch.clear();
			}
		}

		/** Sends what is left. */
		void flush() {
			send(PostgresPlayerRepository.insertSql(false), this.players);
			send(PostgresPlayerRepository.insertSql(true), this.guildPlayers);
			send(RESULTS, this.results);
		}

	}

}
