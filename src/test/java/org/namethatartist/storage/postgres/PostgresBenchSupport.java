package org.namethatartist.storage.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.PlayerStats;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * What the store benchmark ({@code org.namethatartist.bench.PostgresBench}) needs from this package and
 * cannot reach from its own: filling an empty database with many players quickly. The append-log import
 * ({@link PostgresImport}) writes the same rows one statement at a time (600k statements for 100k players
 * with 5 games: about a minute); this writes them with two {@code COPY}s in one transaction.
 */
public final class PostgresBenchSupport {

	private static final String RESULT_COLUMNS = "game_id, user_id, guild_id";

	private static final int CHUNK = 1 << 20;

	private PostgresBenchSupport() {
	}

	/**
	 * Fills the empty {@code players} and {@code results} tables of {@code storage}'s database in one
	 * transaction, with the rows the repository writes: a player's row with the repository's own history
	 * JSON ({@link PlayerRows#historyJson}), and one {@code results} row (no guild) per game in the
	 * history, as the import enters them ({@code recordResult} enters one per game counted: the same rows
	 * while a player has at most 50 games); {@code recorded_at} takes its default.
	 */
	public static void copyPlayers(PostgresStorage storage, DataSource dataSource, List<PlayerStats> players)
			throws SQLException {
		PlayerRows rows = storage.rows();
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				PGConnection pg = connection.unwrap(PGConnection.class);
				copy(pg, "players (" + PlayerRows.COLUMNS + ")", players, (csv, stats) -> {
					field(csv, stats.userId()).append(',');
					field(csv, stats.username()).append(',');
					csv.append(stats.totalGames()).append(',').append(stats.totalWins()).append(',')
						.append(stats.totalScore()).append(',').append(stats.averageScore()).append(',')
						.append(stats.bestScore()).append(',').append(stats.totalCorrectAnswers()).append(',')
						.append(stats.totalIncorrectAnswers()).append(',').append(stats.totalAnswers()).append(',')
						.append(stats.accuracyRate()).append(',');
					field(csv, rows.historyJson(stats.gamesHistory())).append('\n');
				});
				copy(pg, "results (" + RESULT_COLUMNS + ")", players, (csv, stats) -> {
					for (GameHistoryEntry game : stats.gamesHistory()) {
						if (game.gameId() != null) {
							field(csv, game.gameId()).append(',');
							field(csv, stats.userId()).append(",\n");
						}
					}
				});
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private interface Line {

		void append(StringBuilder csv, PlayerStats stats);

	}

	/** One {@code COPY ... FROM STDIN} in CSV (an empty unquoted field is NULL), sent a megabyte at a time. */
	private static void copy(PGConnection pg, String table, List<PlayerStats> players, Line line)
			throws SQLException {
		CopyIn copy = pg.getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT csv)");
		try {
			StringBuilder csv = new StringBuilder(CHUNK + 64 * 1024);
			for (PlayerStats stats : players) {
				line.append(csv, stats);
				if (csv.length() >= CHUNK) {
					send(copy, csv);
				}
			}
			send(copy, csv);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static void send(CopyIn copy, StringBuilder csv) throws SQLException {
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		csv.setLength(0);
	}

	/** A CSV field, always quoted (so never NULL), quotes doubled. */
	private static StringBuilder field(StringBuilder csv, String text) {
		csv.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				csv.append('"');
			}
			csv.append(c);
		}
		return csv.append('"');
	}

}
