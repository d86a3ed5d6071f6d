package org.namethatartist.player;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One week or one month of the boards, in UTC: an ISO week starts on Monday 00:00 UTC and is written
 * {@code 2026-W49}; a month is the calendar month, written {@code 2026-12}. A game counts in the period
 * in which it ended.
 *
 * @param kind week or month
 * @param start the first day of the period (a Monday for a week, the 1st for a month)
 */
public record Period(Kind kind, LocalDate start) implements Comparable<Period> {

	/** Week or month. */
	public enum Kind {

		WEEK("week"), MONTH("month");

		private final String key;

		Kind(String key) {
			this.key = key;
		}

		/** {@code week} or {@code month}, as in the HTTP {@code period} parameter. */
		public String key() {
			return this.key;
		}

		/** How an {@code at} of this kind is written, for error messages. */
		public String format() {
			return (this == WEEK) ? "an ISO week such as 2026-W49" : "a month such as 2026-12";
		}

	}

	private static final Pattern WEEK_ID = Pattern.compile("(\\d{4})-W(\\d{2})");

	private static final Pattern MONTH_ID = Pattern.compile("(\\d{4})-(\\d{2})");

	public Period {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(start, "start");
		LocalDate expected = (kind == Kind.WEEK) ? start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				: start.withDayOfMonth(1);
		if (!expected.equals(start)) {
			throw new IllegalArgumentException("a " + kind.key() + " starts on " + expected + ", not " + start);
		}
	}

	/** The period of this kind that holds {@code day}. */
	public static Period of(Kind kind, LocalDate day) {
		return new Period(kind, (kind == Kind.WEEK) ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				: day.withDayOfMonth(1));
	}

	/** The period of this kind that holds the instant (in UTC). */
	public static Period of(Kind kind, Instant at) {
		return of(kind, LocalDate.ofInstant(at, ZoneOffset.UTC));
	}

	public static Period week(Instant at) {
		return of(Kind.WEEK, at);
	}

	public static Period month(Instant at) {
		return of(Kind.MONTH, at);
	}

	/**
	 * Reads {@code 2026-W49} (a week) or {@code 2026-12} (a month); empty when the text is neither, or
	 * names a week or month that does not exist.
	 */
	public static Optional<Period> parse(Kind kind, String id) {
		if (id == null) {
			return Optional.empty();
		}
		try {
			if (kind == Kind.WEEK) {
				Matcher m = WEEK_ID.matcher(id);
				if (!m.matches()) {
					return Optional.empty();
				}
				int year = Integer.parseInt(m.group(1));
				int week = Integer.parseInt(m.group(2));
				LocalDate mid = LocalDate.of(year, 6, 1);
				if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
					return Optional.empty();
				}
				LocalDate monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
					.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				return Optional.of(new Period(Kind.WEEK, monday));
			}
			Matcher m = MONTH_ID.matcher(id);
			if (!m.matches()) {
				return Optional.empty();
			}
			return Optional.of(new Period(Kind.MONTH, YearMonth.parse(id).atDay(1)));
		}
		catch (DateTimeException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** {@code 2026-W49} or {@code 2026-12}. */
	public String id() {
		if (this.kind == Kind.WEEK) {
			int year = this.start.get(IsoFields.WEEK_BASED_YEAR);
			int week = this.start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
			return String.format("%04d-W%02d", year, week);
		}
		return String.format("%04d-%02d", this.start.getYear(), this.start.getMonthValue());
	}

	/** The first day after the period. */
	public LocalDate end() {
		return (this.kind == Kind.WEEK) ? this.start.plusWeeks(1) : this.start.plusMonths(1);
	}

	public Instant startInstant() {
		return this.start.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	public Instant endInstant() {
		return end().atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	public boolean contains(Instant at) {
		return !at.isBefore(startInstant()) && at.isBefore(endInstant());
	}

	public Period previous() {
		return new Period(this.kind, (this.kind == Kind.WEEK) ? this.start.minusWeeks(1) : this.start.minusMonths(1));
	}

	public Period next() {
		return new Period(this.kind, end());
	}

	/** Whether the period is over at {@code now}. */
	public boolean finishedAt(Instant now) {
		return !now.isBefore(endInstant());
	}

	@Override
	public int compareTo(Period other) {
		int byKind = this.kind.compareTo(other.kind);
		return (byKind != 0) ? byKind : this.start.compareTo(other.start);
	}

	@Override
	public String toString() {
		return id();
	}

}
