package org.namethatartist.storage.postgres;

import java.nio.file.Path;

import org.namethatartist.StorageException;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;
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

	private PostgresImport() {
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
					stores.forEachPlayer((guildId, stats) -> {
						PostgresPlayerRepository.insert(jdbc, storage.rows(), guildId, stats, "");
						counts[(guildId != null) ? 1 : 0]++;
						for (GameHistoryEntry game : stats.gamesHistory()) {
							if (game.gameId() != null) {
								jdbc.sql("INSERT INTO results (game_id, user_id, guild_id) VALUES (?, ?, ?) "
										+ "ON CONFLICT DO NOTHING")
									.param(game.gameId())
									.param(stats.userId())
									.param(guildId)
									.update();
							}
						}
					});
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
