package org.namethatartist.storage.postgres;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.namethatartist.StorageException;
import org.namethatartist.daily.DailyChallenge;
import org.namethatartist.daily.DailyProgress;
import org.namethatartist.daily.DailyRepository;
import org.namethatartist.storage.DailyJson;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Daily challenges in {@code daily_challenges} (one row per day, the first insert wins) and players'
 * progress in {@code daily_progress} (one row per day and player, upserted, or replaced only over the row
 * as read); each statement commits before the call returns.
 */
final class PostgresDailyRepository implements DailyRepository {

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	private final DailyJson json;

	PostgresDailyRepository(JdbcClient jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.json = new DailyJson(mapper);
	}

	@Override
	public Optional<DailyChallenge> challenge(LocalDate day) {
		return run("read the daily challenge of " + day,
				() -> this.jdbc.sql("SELECT challenge::text FROM daily_challenges WHERE day = ?")
					.param(Date.valueOf(day))
					.query(String.class)
					.optional()
					.map(this::challenge));
	}

	@Override
	public DailyChallenge saveChallenge(DailyChallenge challenge) {
		run("save the daily challenge of " + challenge.day(), () -> this.jdbc
			.sql("INSERT INTO daily_challenges (day, number, challenge, drawn_at) VALUES (?, ?, CAST(? AS jsonb), ?) "
					+ "ON CONFLICT (day) DO NOTHING")
			.param(Date.valueOf(challenge.day()))
			.param(challenge.number())
			.param(this.json.toJson(challenge).toString())
			.param(Timestamp.from(challenge.drawnAt()))
			.update());
		return challenge(challenge.day()).orElseThrow();
	}

	@Override
	public List<DailyChallenge> challenges(LocalDate from, LocalDate to) {
		return run("read the daily challenges from " + from + " to " + to,
				() -> this.jdbc.sql("SELECT challenge::text FROM daily_challenges WHERE day BETWEEN ? AND ? ORDER BY day")
					.param(Date.valueOf(from))
					.param(Date.valueOf(to))
					.query(String.class)
					.list()
					.stream()
					.map(this::challenge)
					.toList());
	}

	@Override
	public Optional<DailyProgress> progress(LocalDate day, String userId) {
		return run("read the daily progress of " + userId,
				() -> this.jdbc.sql("SELECT progress::text FROM daily_progress WHERE day = ? AND user_id = ?")
					.param(Date.valueOf(day))
					.param(userId)
					.query(String.class)
					.optional()
					.map(this::progress));
	}

	@Override
	public void saveProgress(DailyProgress progress) {
		run("save the daily progress of " + progress.userId(), () -> this.jdbc
			.sql("INSERT INTO daily_progress (day, user_id, progress) VALUES (?, ?, CAST(? AS jsonb)) "
					+ "ON CONFLICT (day, user_id) DO UPDATE SET progress = EXCLUDED.progress, updated_at = now()")
			.param(Date.valueOf(progress.day()))
			.param(progress.userId())
			.param(this.json.toJson(progress).toString())
			.update());
	}

	/**
	 * One statement, so PostgreSQL's row lock decides a race: the first player's row is an {@code INSERT}
	 * that the primary key lets through once; a later one is an {@code UPDATE} whose {@code WHERE} holds the
	 * progress as read. Under READ COMMITTED, an update that waited for another transaction's lock on the row
	 * checks its {@code WHERE} again on the row as that transaction left it, so the second writer changes no
	 * row (jsonb compares by value: key order and spacing do not matter).
	 */
	@Override
	public boolean replaceProgress(DailyProgress expected, DailyProgress next) {
		String json = this.json.toJson(next).toString();
		if (expected == null) {
			return run("save the daily progress of " + next.userId(), () -> this.jdbc
				.sql("INSERT INTO daily_progress (day, user_id, progress) VALUES (?, ?, CAST(? AS jsonb)) "
						+ "ON CONFLICT (day, user_id) DO NOTHING")
				.param(Date.valueOf(next.day()))
				.param(next.userId())
				.param(json)
				.update()) == 1;
		}
		return run("save the daily progress of " + next.userId(), () -> this.jdbc
			.sql("UPDATE daily_progress SET progress = CAST(? AS jsonb), updated_at = now() "
					+ "WHERE day = ? AND user_id = ? AND progress = CAST(? AS jsonb)")
			.param(json)
			.param(Date.valueOf(next.day()))
			.param(next.userId())
			.param(this.json.toJson(expected).toString())
			.update()) == 1;
	}

	@Override
	public List<DailyProgress> progressOn(LocalDate day) {
		return run("read the daily results of " + day,
				() -> this.jdbc.sql("SELECT progress::text FROM daily_progress WHERE day = ?")
					.param(Date.valueOf(day))
					.query(String.class)
					.list()
					.stream()
					.map(this::progress)
					.toList());
	}

	@Override
	public List<DailyProgress> progressOf(String userId) {
		return run("read the daily results of " + userId,
				() -> this.jdbc.sql("SELECT progress::text FROM daily_progress WHERE user_id = ? ORDER BY day")
					.param(userId)
					.query(String.class)
					.list()
					.stream()
					.map(this::progress)
					.toList());
	}

	private DailyChallenge challenge(String text) {
		try {
			return this.json.challenge(this.mapper.readTree(text));
		}
		catch (IllegalArgumentException ex) {
			throw new StorageException("daily_challenges holds a row this version cannot read: " + ex.getMessage(), ex);
		}
	}

	private DailyProgress progress(String text) {
		try {
			return this.json.progress(this.mapper.readTree(text));
		}
		catch (IllegalArgumentException ex) {
			throw new StorageException("daily_progress holds a row this version cannot read: " + ex.getMessage(), ex);
		}
	}

	private static <T> T run(String what, Supplier<T> statement) {
		try {
			return statement.get();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not " + what + ": " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

}
