package org.namethatartist.storage.appendlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.namethatartist.player.GameResult;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodEntry;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.player.PeriodStats;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.Mutation;

/**
 * Week and month boards on the {@code periods} store. A write is one durable record per board it
 * touches (week and month, global and the server's), each under the entry's lock; memory changes only
 * once the record is on disk, and an entry that already counted the game (or the day) is left as it is,
 * so a write repeated after a crash counts once.
 */
public final class AppendLogPeriodBoards implements PeriodBoards {

	private final AppendLog<PeriodRow> log;

	private final PeriodTable table;

	private final KeyLocks locks = new KeyLocks(1024);

	AppendLogPeriodBoards(AppendLog<PeriodRow> log, PeriodTable table) {
		this.log = log;
		this.table = table;
	}

	@Override
	public void recordResult(GameResult result) {
		for (Period.Kind kind : Period.Kind.values()) {
			String id = Period.of(kind, result.playedAt()).id();
			if (result.countsGlobally()) {
				record(id, null, result.userId(), result.username(), (row) -> row.counted(result.gameId()) ? null
						: row.withGame(row.stats().withGame(result), result.gameId()));
			}
			if (result.guildId() != null) {
				record(id, result.guildId(), result.userId(), result.username(), (row) -> row.counted(result.gameId())
						? null : row.withGame(row.stats().withGame(result), result.gameId()));
			}
		}
	}

	@Override
	public void recordDaily(String userId, String username, String guildId, LocalDate day, long points, Instant at) {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(day, "day");
		if (points < 0) {
			throw new IllegalArgumentException("daily points must not be negative: " + points);
		}
		String dayId = day.toString();
		Function<PeriodRow, PeriodRow> add = (row) -> row.countedDay(dayId) ? null
				: row.withDay(row.stats().withDaily(username, points), dayId);
		for (Period.Kind kind : Period.Kind.values()) {
			String id = Period.of(kind, day).id();
			record(id, null, userId, username, add);
			if (guildId != null) {
				record(id, guildId, userId, username, add);
			}
		}
	}

	/** Applies {@code change} (null: already counted) to one entry, durably, under its lock. */
	private void record(String periodId, String guildId, String userId, String username,
			Function<PeriodRow, PeriodRow> change) {
		String board = PeriodTable.board(periodId, guildId);
		String key = board + "/" + userId;
		ReentrantLock lock = this.locks.forKey(key);
		lock.lock();
		try {
			PeriodRow current = this.table.get(board, userId);
			if (current == null) {
				current = new PeriodRow(PeriodStats.empty(userId, (username != null) ? username : userId), List.of(),
						List.of());
			}
			PeriodRow next = change.apply(current);
			if (next != null) {
				this.log.append(new Mutation.Put<>(key, next), () -> this.table.replayPut(key, next));
			}
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public List<PeriodEntry> leaderboard(Period period, PeriodSort sort, int limit, String guildId) {
		if (limit <= 0) {
			return List.of();
		}
		List<PeriodEntry> ranked = this.table.ranked(PeriodTable.board(period.id(), guildId), sort);
		return (ranked.size() <= limit) ? ranked : List.copyOf(ranked.subList(0, limit));
	}

	@Override
	public Optional<PeriodEntry> standing(Period period, PeriodSort sort, String guildId, String userId) {
		String board = PeriodTable.board(period.id(), guildId);
		if (this.table.get(board, userId) == null) {
			return Optional.empty();
		}
		return this.table.ranked(board, sort).stream().filter((e) -> e.stats().userId().equals(userId)).findFirst();
	}

	/** How many (period, scope, player) entries the store holds. */
	long entries() {
		return this.table.size();
	}

}
