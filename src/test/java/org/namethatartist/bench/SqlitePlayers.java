package org.namethatartist.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerStats;

/**
 * The SQLite baseline: the same work as {@code AppendLogPlayerRepository.recordResult}, on a
 * {@code player_stats} table in WAL mode with {@code synchronous=FULL} (each commit forces the WAL).
 *
 * <p>Given every advantage our store has: the stats are read from memory (a map filled at load, as our
 * store's), a striped lock per player serialises one player's read-modify-write, and only the write
 * goes to SQLite: one upsert of the whole row (the 11 counters and the history as JSON text, as our
 * store writes the whole entry) in its own transaction, committed before the update returns. A small
 * pool of connections with prepared statements; SQLite allows one writer at a time, so a larger pool
 * only makes writers wait in SQLite's busy handler (which sleeps) instead of in the pool's queue.
 */
final class SqlitePlayers implements AutoCloseable {

	private static final String UPSERT = """
			INSERT INTO player_stats (user_id, username, total_games, total_wins, total_score, average_score,
			  best_score, total_correct_answers, total_incorrect_answers, total_answers, accuracy_rate, games_history)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, total_games = excluded.total_games,
			  total_wins = excluded.total_wins, total_score = excluded.total_score,
			  average_score = excluded.average_score, best_score = excluded.best_score,
			  total_correct_answers = excluded.total_correct_answers,
			  total_incorrect_answers = excluded.total_incorrect_answers, total_answers = excluded.total_answers,
			  accuracy_rate = excluded.accuracy_rate, games_history = excluded.games_history""";

	private final BlockingQueue<Writer> pool;

	private final List<Writer> writers = new ArrayList<>();

	private final Map<String, PlayerStats> stats = new ConcurrentHashMap<>();

	private final ReentrantLock[] locks = new ReentrantLock[4096];

	private record Writer(Connection connection, PreparedStatement upsert) {
	}

	SqlitePlayers(Path file, int connections) throws SQLException {
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new ReentrantLock();
		}
		this.pool = new ArrayBlockingQueue<>(connections);
		for (int i = 0; i < connections; i++) {
			Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
			try (Statement statement = connection.createStatement()) {
				statement.execute("PRAGMA journal_mode = WAL");
				statement.execute("PRAGMA synchronous = FULL");
				statement.execute("PRAGMA busy_timeout = 60000");
				if (i == 0) {
					statement.execute("""
							CREATE TABLE IF NOT EXISTS player_stats (user_id TEXT PRIMARY KEY, username TEXT NOT NULL,
							  total_games INTEGER NOT NULL, total_wins INTEGER NOT NULL, total_score INTEGER NOT NULL,
							  average_score INTEGER NOT NULL, best_score INTEGER NOT NULL,
							  total_correct_answers INTEGER NOT NULL, total_incorrect_answers INTEGER NOT NULL,
							  total_answers INTEGER NOT NULL, accuracy_rate INTEGER NOT NULL,
							  games_history TEXT NOT NULL)""");
				}
			}
			connection.setAutoCommit(false);
			Writer writer = new Writer(connection, connection.prepareStatement(UPSERT));
			this.writers.add(writer);
			this.pool.add(writer);
		}
	}

	/** Loads {@code players} players with {@code games} games each, in one transaction (set-up, not measured). */
	void load(int players, int games) throws SQLException, InterruptedException {
		Writer writer = this.pool.take();
		try {
			for (int player = 0; player < players; player++) {
				PlayerStats current = PlayerStats.newPlayer(PlayerData.userId(player), "player " + player);
				for (int game = 0; game < games; game++) {
					current = current.withResult(PlayerData.result("fill-" + game, player, game,
							PlayerData.PLAYED_AT.plusSeconds(60L * game)));
				}
				bind(writer.upsert(), current);
				writer.upsert().addBatch();
				this.stats.put(current.userId(), current);
				if (player % 10_000 == 9_999) {
					writer.upsert().executeBatch();
				}
			}
			writer.upsert().executeBatch();
			writer.connection().commit();
		}
		finally {
			this.pool.put(writer);
		}
	}

	/** As {@code PlayerRepository.recordResult}: durable (committed) before it returns. */
	void recordResult(GameResult result) {
		String key = result.userId();
		ReentrantLock lock = this.locks[(key.hashCode() ^ (key.hashCode() >>> 16)) & (this.locks.length - 1)];
		lock.lock();
		try {
			PlayerStats current = this.stats.get(key);
			if (current == null) {
				current = PlayerStats.newPlayer(key, result.username());
			}
			else if (current.hasPlayed(result.gameId())) {
				return;
			}
			PlayerStats next = current.withResult(result);
			Writer writer = this.pool.take();
			try {
				bind(writer.upsert(), next);
				writer.upsert().executeUpdate();
				writer.connection().commit();
			}
			catch (SQLException ex) {
				writer.connection().rollback();
				throw ex;
			}
			finally {
				this.pool.put(writer);
			}
			this.stats.put(key, next);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("SQLite update failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		finally {
			lock.unlock();
		}
	}

	private static void bind(PreparedStatement upsert, PlayerStats stats) throws SQLException {
		upsert.setString(1, stats.userId());
		upsert.setString(2, stats.username());
		upsert.setInt(3, stats.totalGames());
		upsert.setInt(4, stats.totalWins());
		upsert.setLong(5, stats.totalScore());
		upsert.setLong(6, stats.averageScore());
		upsert.setInt(7, stats.bestScore());
		upsert.setInt(8, stats.totalCorrectAnswers());
		upsert.setInt(9, stats.totalIncorrectAnswers());
		upsert.setInt(10, stats.totalAnswers());
		upsert.setInt(11, stats.accuracyRate());
		upsert.setString(12, historyJson(stats.gamesHistory()));
	}

	/** The history as the JSON array our store writes, by hand as our store does. */
	static String historyJson(List<GameHistoryEntry> history) {
		StringBuilder json = new StringBuilder(128 * history.size() + 2).append('[');
		for (GameHistoryEntry entry : history) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('{');
			if (entry.date() != null) {
				json.append("\"date\":");
				string(json, entry.date());
				json.append(',');
			}
			json.append("\"score\":").append(entry.score()).append(",\"isWinner\":").append(entry.isWinner());
			if (entry.correctAnswers() != null) {
				json.append(",\"correctAnswers\":").append(entry.correctAnswers());
			}
			if (entry.incorrectAnswers() != null) {
				json.append(",\"incorrectAnswers\":").append(entry.incorrectAnswers());
			}
			if (entry.gameId() != null) {
				json.append(",\"gameId\":");
				string(json, entry.gameId());
			}
			json.append('}');
		}
		return json.append(']').toString();
	}

	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

	@Override
	public void close() throws SQLException {
		for (Writer writer : this.writers) {
			writer.upsert().close();
			writer.connection().close();
		}
	}

}
