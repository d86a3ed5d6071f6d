package org.namethatartist.player;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTests {

	@Test
	void weeksStartOnMondayUtcAndAreWrittenAsIsoWeeks() {
		assertThat(Period.week(Instant.parse("2026-12-05T12:00:00Z")).id()).isEqualTo("2026-W49");
		assertThat(Period.week(Instant.parse("2026-12-06T23:59:59.999Z")).id()).isEqualTo("2026-W49");
		assertThat(Period.week(Instant.parse("2026-12-07T00:00:00Z")).id()).isEqualTo("2026-W50");
		// ISO week-based years: 2027-01-01 is a Friday in 2026-W53.
		assertThat(Period.week(Instant.parse("2027-01-01T00:00:00Z")).id()).isEqualTo("2026-W53");
		assertThat(Period.week(Instant.parse("2027-01-04T00:00:00Z")).id()).isEqualTo("2027-W01");
		Period w49 = Period.parse(Period.Kind.WEEK, "2026-W49").orElseThrow();
		assertThat(w49.start()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(w49.endInstant()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(w49.previous().id()).isEqualTo("2026-W48");
		assertThat(Period.parse(Period.Kind.WEEK, "2026-W53")).map(Period::id).contains("2026-W53");
	}

	@Test
	void monthsAreCalendarMonthsInUtc() {
		assertThat(Period.month(Instant.parse("2026-12-31T23:59:59Z")).id()).isEqualTo("2026-12");
		assertThat(Period.month(Instant.parse("2027-01-01T00:00:00Z")).id()).isEqualTo("2027-01");
		assertThat(Period.parse(Period.Kind.MONTH, "2026-12").orElseThrow().previous().id()).isEqualTo("2026-11");
		assertThat(Period.parse(Period.Kind.MONTH, "2026-01").orElseThrow().previous().id()).isEqualTo("2025-12");
	}

	@Test
	void malformedOrImpossiblePeriodsAreRejected() {
		for (String bad : new String[] { "2026-W54", "2025-W53", "2026-W00", "2026-49", "2026W49", "x", "" }) {
			assertThat(Period.parse(Period.Kind.WEEK, bad)).as(bad).isEmpty();
		}
		for (String bad : new String[] { "2026-13", "2026-00", "2026-W49", "2026-1", "26-12", "2026-12-05" }) {
			assertThat(Period.parse(Period.Kind.MONTH, bad)).as(bad).isEmpty();
		}
		assertThat(Period.parse(Period.Kind.WEEK, null)).isEmpty();
	}

	@Test
	void aPeriodIsFinishedOnceItsEndHasCome() {
		Period w49 = Period.parse(Period.Kind.WEEK, "2026-W49").orElseThrow();
		assertThat(w49.finishedAt(Instant.parse("2026-12-06T23:59:59Z"))).isFalse();
		assertThat(w49.finishedAt(Instant.parse("2026-12-07T00:00:00Z"))).isTrue();
	}

}
