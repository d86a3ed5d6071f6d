package org.namethatartist.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.namethatartist.daily.DailyService;
import org.namethatartist.player.LeaderboardEntry;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.player.PeriodStats;
import org.springframework.stereotype.Component;

/**
 * The {@code period} and {@code at} parameters of {@code GET /api/leaderboard}, and a player's
 * {@code periods}: checked here, each bad value answered with what is allowed. "Now" is the injected clock.
 */
@Component
class PeriodQueries {

	static final String PERIODS = "all, week, month, day";

	private static final String PERIOD_SORT_KEYS = Arrays.stream(PeriodSort.values())
		.map(PeriodSort::key)
		.collect(Collectors.joining(", "));

	private final PeriodBoards boards;

	private final Clock clock;

	private final DailyService daily;

	PeriodQueries(PeriodBoards boards, Clock clock, DailyService daily) {
		this.boards = boards;
		this.clock = clock;
		this.daily = daily;
	}

	private static LocalDate parseDay(String at) {
		if (at.length() == 10) {
			try {
				return LocalDate.parse(at);
			}
			catch (java.time.format.DateTimeParseException ex) {
				// answered below
			}
		}
		throw ApiException.badRequest("at must be a day such as 2026-12-05 for period=day, not '" + Texts.shown(at, 40)
				+ "'.");
	}

	/** One row of a day's board: the player, their score ({@code value}) and right answers. */
	record DailyJsonRow(int rank, String userId, String username, long value, int correctAnswers) {

		static DailyJsonRow of(DailyService.BoardEntry entry) {
			return new DailyJsonRow(entry.rank(), entry.userId(), entry.username(), entry.score(), entry.correct());
		}

	}

	/**
	 * A board for {@code period} ({@code all}, {@code week}, {@code month} or {@code day}) at {@code at}
	 * (default: the current one).
	 * @param allTime the all-time rows, asked for only when the period is {@code all}
	 */
	PeriodJson.Board board(String period, @Nullable String at, @Nullable String sort, int limit,
			@Nullable String guildId, AllTime allTime) {
		Instant now = this.clock.instant();
		switch (period) {
			case "all" -> {
				if (!isEmpty(at)) {
					throw ApiException.badRequest("at applies to period=week, month or day; period=all has none.");
				}
				LeaderboardSort order = isEmpty(sort) ? LeaderboardSort.TOTAL_SCORE : LeaderboardSort.fromKey(sort)
					.orElseThrow(() -> badSort(sort));
				List<PlayerJson.LeaderboardRow> rows = allTime.rows(order, limit).stream()
					.map(PlayerJson.LeaderboardRow::of)
					.toList();
				return new PeriodJson.Board("all", null, order.key(), null, null, false, rows);
			}
			case "week", "month" -> {
				Period.Kind kind = "week".equals(period) ? Period.Kind.WEEK : Period.Kind.MONTH;
				Period current = Period.of(kind, now);
				Period asked = isEmpty(at) ? current : Period.parse(kind, at)
					.orElseThrow(() -> ApiException.badRequest("at must be " + kind.format() + " for period=" + period
							+ ", not '" + Texts.shown(at, 40) + "'."));
				if (asked.compareTo(current) > 0) {
					throw ApiException.badRequest("at must not be after the current " + period + " (" + current.id()
							+ "), not " + asked.id() + ".");
				}
				PeriodSort order = isEmpty(sort) ? PeriodSort.TOTAL_SCORE : PeriodSort.fromKey(sort)
					.orElseThrow(() -> ApiException.badRequest("sort must be one of " + PERIOD_SORT_KEYS + ", not '"
							+ Texts.shown(sort, 40) + "'."));
				List<PeriodJson.Row> rows = this.boards.leaderboard(asked, order, limit, guildId)
					.stream()
					.map(PeriodJson.Row::of)
					.toList();
				return new PeriodJson.Board(period, asked.id(), order.key(), asked.startInstant().toString(),
						asked.endInstant().toString(), asked.finishedAt(now), rows);
			}
			case "day" -> {
				// The daily challenge's board (issue 15 §2): the players who finished the day's challenge.
				LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
				LocalDate asked = isEmpty(at) ? today : parseDay(at);
				if (asked.isAfter(today)) {
					throw ApiException.badRequest("at must not be after today (" + today + "), not " + asked + ".");
				}
				if (!isEmpty(sort) && !"score".equals(sort)) {
					throw ApiException.badRequest("sort must be score for period=day, not '" + Texts.shown(sort, 40)
							+ "'.");
				}
				if (guildId != null) {
					throw ApiException.badRequest("guild does not apply to period=day: the daily challenge has one "
							+ "board for everybody.");
				}
				List<DailyJsonRow> rows = this.daily.board(asked, limit).stream().map(DailyJsonRow::of).toList();
				Instant from = asked.atStartOfDay(ZoneOffset.UTC).toInstant();
				Instant until = asked.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
				return new PeriodJson.Board("day", asked.toString(), "score", from.toString(), until.toString(),
						!now.isBefore(until), rows);
			}
			default -> throw ApiException
				.badRequest("period must be one of " + PERIODS + ", not '" + Texts.shown(period, 40) + "'.");
		}
	}

	/** This week's and this month's numbers and ranks (by total score) of a player. */
	PeriodJson.Periods periods(String userId, @Nullable String guildId, String username) {
		Instant now = this.clock.instant();
		return new PeriodJson.Periods(standing(Period.week(now), userId, guildId, username),
				standing(Period.month(now), userId, guildId, username));
	}

	private PeriodJson.Standing standing(Period period, String userId, @Nullable String guildId, String username) {
		return this.boards.standing(period, PeriodSort.TOTAL_SCORE, guildId, userId)
			.map((e) -> PeriodJson.Standing.of(period.id(), e.rank(), e.stats()))
			.orElseGet(() -> PeriodJson.Standing.of(period.id(), null, PeriodStats.empty(userId, username)));
	}

	private static ApiException badSort(String sort) {
		return ApiException.badRequest("sort must be one of " + Arrays.stream(LeaderboardSort.values())
			.map(LeaderboardSort::key)
			.collect(Collectors.joining(", ")) + ", not '" + Texts.shown(sort, 40) + "'.");
	}

	private static boolean isEmpty(@Nullable String parameter) {
		return parameter == null || parameter.isEmpty();
	}

	/** The all-time board, read only when asked for. */
	interface AllTime {

		List<LeaderboardEntry> rows(LeaderboardSort sort, int limit);

	}

}
