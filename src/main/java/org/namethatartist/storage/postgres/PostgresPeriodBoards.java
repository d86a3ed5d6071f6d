package org.namethatartist.storage.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.namethatartist.StorageException;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodEntry;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.player.PeriodStats;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Week and month boards on {@code period_players} (V3). A write is one transaction: its row in
 * {@code period_counted} makes it count once, then each board's row is added to with one upsert
 * ({@code INSERT ... ON CONFLICT DO UPDATE}), which PostgreSQL applies atomically per row.
 */
public final class PostgresPeriodBoards implements PeriodBoards {

	static final String GLOBAL = "*";

	private static final String COLUMNS = "user_id, username, total_games, total_wins, total_score, best_score, "
			+ "total_correct_answers, total_incorrect_answers, daily_score";

	private static final String UPSERT = "INSERT INTO period_players (period, scope, user_id, username, total_games, "
			+ "total_wins, total_score, best_score, total_correct_answers, total_incorrect_answers, daily_score) "
			+ "VALUES (:period, :scope, :user, :username, :games, :wins, :score, :best, :correct, :incorrect, :daily) "
			+ "ON CONFLICT (period, scope, user_id) DO UPDATE SET "
			+ "username = COALESCE(:newName, period_players.username), "
			+ "total_games = period_players.total_games + EXCLUDED.total_games, "
			+ "total_wins = period_players.total_wins + EXCLUDED.total_wins, "
			+ "total_score = period_players.total_score + EXCLUDED.total_score, "
			+ "best_score = GREATEST(period_players.best_score, EXCLUDED.best_score), "
			+ "total_correct_answers = period_players.total_correct_answers + EXCLUDED.total_correct_answers, "
			+ "total_incorrect_answers = period_players.total_incorrect_answers + EXCLUDED.total_incorrect_answers, "
			+ "daily_score = period_players.daily_score + EXCLUDED.daily_score";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	PostgresPeriodBoards(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void recordResult(GameResult result) {
		PeriodStats delta = PeriodStats.empty(result.userId(), result.username()).withGame(result);
		write("game:" + result.gameId(), result.userId(), result.username(), result.guildId(), result.playedAt(),
				delta, "game " + result.gameId(), result.countsGlobally());
	}

	@Override
	public void recordDaily(String userId, String username, String guildId, LocalDate day, long points, Instant at) {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(day, "day");
		if (points < 0) {
			throw new IllegalArgumentException("daily points must not be negative: " + points);
		}
		PeriodStats delta = PeriodStats.empty(userId, (username != null) ? username : userId).withDaily(null, points);
		write("day:" + day, userId, username, guildId, day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), delta,
				"the daily challenge of " + day, true);
	}

	/** @param global whether the global boards count it too (not a game on a server's own pool) */
	private void write(String counted, String userId, String username, String guildId, Instant at, PeriodStats delta,
			String what, boolean global) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				int inserted = this.jdbc
					.sql("INSERT INTO period_counted (counted, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
					.param(counted)
					.param(userId)
					.update();
				if (inserted == 0) {
					return;
				}
				for (Period.Kind kind : Period.Kind.values()) {
					String period = Period.of(kind, at).id();
					if (global) {
						upsert(period, GLOBAL, delta, username);
					}
					if (guildId != null) {
						upsert(period, guildId, delta, username);
					}
				}
			});
		}
		catch (DataAccessException | TransactionException ex) {
			throw new StorageException("Could not record " + what + " on the period boards for player " + userId
					+ "; nothing was recorded: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), ex);
		}
	}

	private void upsert(String period, String scope, PeriodStats d, String username) {
		this.jdbc.sql(UPSERT)
			.params(Map.of("period", period, "scope", scope, "user", d.userId(), "username", d.username(), "games",
					d.totalGames(), "wins", d.totalWins(), "score", d.totalScore(), "best", d.bestScore(), "correct",
					d.totalCorrectAnswers(), "incorrect", d.totalIncorrectAnswers()))
			.param("daily", d.dailyScore())
			.param("newName", username)
			.update();
	}

	static String column(PeriodSort sort) {
		return switch (sort) {
			case TOTAL_SCORE -> "total_score";
			case TOTAL_WINS -> "total_wins";
			case AVERAGE_SCORE -> "average_score";
			case BEST_SCORE -> "best_score";
			case ACCURACY_RATE -> "accuracy_rate";
			case TOTAL_GAMES -> "total_games";
			case TOTAL_CORRECT_ANSWERS -> "total_correct_answers";
			case DAILY_SCORE -> "daily_score";
		};
	}

	@Override
	public List<PeriodEntry> leaderboard(Period period, PeriodSort sort, int limit, String guildId) {
		if (limit <= 0) {
			return List.of();
		}
		List<PeriodStats> top = read(() -> this.jdbc
			.sql("SELECT " + COLUMNS + " FROM period_players WHERE period = :period AND scope = :scope ORDER BY "
					+ column(sort) + " DESC, user_id LIMIT :limit")
			.param("period", period.id())
			.param("scope", (guildId != null) ? guildId : GLOBAL)
			.param("limit", limit)
			.query((rs, n) -> stats(rs))
			.list());
		List<PeriodEntry> entries = new ArrayList<>(top.size());
		for (PeriodStats stats : top) {
			entries.add(new PeriodEntry(entries.size() + 1, stats, sort.valueOf(stats)));
		}
		return entries;
	}

	@Override
	public Optional<PeriodEntry> standing(Period period, PeriodSort sort, String guildId, String userId) {
		return read(() -> this.jdbc
			.sql("SELECT * FROM (SELECT " + COLUMNS + ", row_number() OVER (ORDER BY " + column(sort)
					+ " DESC, user_id) AS rank FROM period_players WHERE period = :period AND scope = :scope) ranked"
					+ " WHERE user_id = :user")
			.param("period", period.id())
			.param("scope", (guildId != null) ? guildId : GLOBAL)
			.param("user", userId)
			.query((rs, n) -> {
				PeriodStats stats = stats(rs);
				return new PeriodEntry(rs.getInt("rank"), stats, sort.valueOf(stats));
			})
			.optional());
	}

	private static PeriodStats stats(ResultSet rs) throws SQLException {
		return new PeriodStats(rs.getString("user_id"), rs.getString("username"), rs.getInt("total_games"),
				rs.getInt("total_wins"), rs.getLong("total_score"), rs.getInt("best_score"),
				rs.getInt("total_correct_answers"), rs.getInt("total_incorrect_answers"), rs.getLong("daily_score"));
	}

	private static <T> T read(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not read the period boards: " + ex.getMostSpecificCause().getMessage(),
					ex);
		}
	}

}
