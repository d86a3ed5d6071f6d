package org.namethatartist.storage.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.namethatartist.StorageException;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Players on {@code players} and {@code guild_players}. A result is one transaction: its
 * {@code (game_id, user_id)} row in {@code results} makes it count once (a second insert finds the key
 * taken and changes nothing); the player's rows are locked ({@code SELECT ... FOR UPDATE}) and rewritten
 * with {@link PlayerStats#withResult}, the same arithmetic as the append log. Every process on the
 * database takes the same locks in the same order (global row, then the server's), so none loses or
 * doubles an update and none deadlocks.
 */
public final class PostgresPlayerRepository implements PlayerRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PlayerRows rows;

	PostgresPlayerRepository(JdbcClient jdbc, TransactionTemplate transactions, PlayerRows rows) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.rows = rows;
	}

	@Override
	public Optional<PlayerStats> find(String userId) {
		return read(() -> this.jdbc.sql("SELECT " + PlayerRows.COLUMNS + " FROM players WHERE user_id = ?")
			.param(userId)
			.query((rs, n) -> this.rows.read(rs))
			.optional());
	}

	@Override
	public Optional<PlayerStats> find(String guildId, String userId) {
		return read(() -> this.jdbc
			.sql("SELECT " + PlayerRows.COLUMNS + " FROM guild_players WHERE guild_id = ? AND user_id = ?")
			.param(guildId)
			.param(userId)
			.query((rs, n) -> this.rows.read(rs))
			.optional());
	}

	@Override
	public PlayerStats recordResult(GameResult result) {
		try {
			return this.transactions.execute((status) -> {
				int inserted = this.jdbc
					.sql("INSERT INTO results (game_id, user_id, guild_id, pool) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
					.param(result.gameId())
					.param(result.userId())
					.param(result.guildId())
					.param(result.pool())
					.update();
				if (inserted == 0 || !result.countsGlobally()) {
					if (inserted != 0) {
						// A game on the server's own pool: its stats only, never the global ones.
						record(result, result.guildId());
					}
					return lockGlobal(result)
						.orElseGet(() -> PlayerStats.newPlayer(result.userId(), result.username()));
				}
				PlayerStats global = record(result, null);
				if (result.guildId() != null) {
					record(result, result.guildId());
				}
				return global;
			});
		}
		catch (DataAccessException | TransactionException ex) {
			throw new StorageException("Could not record game " + result.gameId() + " for player " + result.userId()
					+ "; nothing was recorded: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), ex);
		}
	}

	private Optional<PlayerStats> lockGlobal(GameResult result) {
		return this.jdbc.sql("SELECT " + PlayerRows.COLUMNS + " FROM players WHERE user_id = ? FOR UPDATE")
			.param(result.userId())
			.query((rs, n) -> this.rows.read(rs))
			.optional();
	}

	private Optional<PlayerStats> lockGuild(GameResult result) {
		return this.jdbc
			.sql("SELECT " + PlayerRows.COLUMNS + " FROM guild_players WHERE guild_id = ? AND user_id = ? FOR UPDATE")
			.param(result.guildId())
			.param(result.userId())
			.query((rs, n) -> this.rows.read(rs))
			.optional();
	}

	/**
	 * Writes the stats after the result on the locked row. A new player's row is first inserted with
	 * zeros ({@code ON CONFLICT DO NOTHING}: when another process inserts it at the same time, the
	 * insert waits for that transaction and then the lock below sees its row).
	 */
	private PlayerStats record(GameResult result, String guildId) {
		PlayerStats empty = PlayerStats.newPlayer(result.userId(), result.username());
		insert(this.jdbc, this.rows, guildId, empty, " ON CONFLICT DO NOTHING");
		PlayerStats current = ((guildId != null) ? lockGuild(result) : lockGlobal(result)).orElseThrow();
		PlayerStats next = current.withResult(result);
		String table = (guildId != null) ? "guild_players" : "players";
		String where = (guildId != null) ? " WHERE guild_id = :guild AND user_id = :user" : " WHERE user_id = :user";
		this.jdbc.sql("UPDATE " + table + " SET username = :username, total_games = :games, total_wins = :wins, "
				+ "total_score = :score, average_score = :average, best_score = :best, "
				+ "total_correct_answers = :correct, total_incorrect_answers = :incorrect, total_answers = :answers, "
				+ "accuracy_rate = :accuracy, games_history = CAST(:history AS jsonb)" + where)
			.params(values(this.rows, next))
			.param("guild", guildId)
			.update();
		return next;
	}

	/** A player's row as named parameters ({@code :user} … {@code :history}) of {@link #insertSql}. */
	static Map<String, Object> values(PlayerRows rows, PlayerStats stats) {
		Map<String, Object> values = new HashMap<>();
		values.put("user", stats.userId());
		values.put("username", stats.username());
		values.put("games", stats.totalGames());
		values.put("wins", stats.totalWins());
		values.put("score", stats.totalScore());
		values.put("average", stats.averageScore());
		values.put("best", stats.bestScore());
		values.put("correct", stats.totalCorrectAnswers());
		values.put("incorrect", stats.totalIncorrectAnswers());
		values.put("answers", stats.totalAnswers());
		values.put("accuracy", stats.accuracyRate());
		values.put("history", rows.historyJson(stats.gamesHistory()));
		return values;
	}

	/**
	 * The insert of a player's row with the parameters of {@link #values} (and {@code :guild} for a
	 * server's row), globally or for one server; the import sends it in batches.
	 */
	static String insertSql(boolean guild) {
		String into = guild ? "INSERT INTO guild_players (guild_id, " + PlayerRows.COLUMNS + ") VALUES (:guild, "
				: "INSERT INTO players (" + PlayerRows.COLUMNS + ") VALUES (";
		return into + ":user, :username, :games, :wins, :score, :average, :best, :correct, :incorrect, :answers, "
				+ ":accuracy, CAST(:history AS jsonb))";
	}

	/** Inserts a player's row, globally (guildId null) or for one server. */
	static void insert(JdbcClient jdbc, PlayerRows rows, String guildId, PlayerStats stats, String onConflict) {
		jdbc.sql(insertSql(guildId != null) + onConflict).params(values(rows, stats)).param("guild", guildId).update();
	}

	@Override
	public List<LeaderboardEntry> leaderboard(LeaderboardSort sort, int limit, String guildId) {
		if (limit <= 0) {
			return List.of();
		}
		String column = PlayerRows.column(sort);
		String sql = (guildId == null)
				? "SELECT " + PlayerRows.COLUMNS + " FROM players ORDER BY " + column + " DESC, user_id LIMIT :limit"
				: "SELECT " + PlayerRows.COLUMNS + " FROM guild_players WHERE guild_id = :guild ORDER BY " + column
						+ " DESC, user_id LIMIT :limit";
		List<PlayerStats> top = read(() -> this.jdbc.sql(sql)
			.param("limit", limit)
			.param("guild", guildId)
			.query((rs, n) -> this.rows.read(rs))
			.list());
		List<LeaderboardEntry> entries = new ArrayList<>(top.size());
		for (PlayerStats stats : top) {
			entries.add(new LeaderboardEntry(entries.size() + 1, stats, sort.valueOf(stats)));
		}
		return entries;
	}

	@Override
	public long count() {
		return read(() -> this.jdbc.sql("SELECT count(*) FROM players").query(Long.class).single());
	}

	private static <T> T read(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not read players: " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

}
