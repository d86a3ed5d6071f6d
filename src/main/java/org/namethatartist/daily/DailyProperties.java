package org.namethatartist.daily;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code game.daily.*}.
 * @param roundTime how long each round of the daily challenge stays open from when the player asks for it
 * @param firstDay the UTC day of challenge #1; there is no challenge before it
 */
@ConfigurationProperties("game.daily")
public record DailyProperties(@DefaultValue("20s") Duration roundTime, @DefaultValue("2026-12-01") LocalDate firstDay) {

	/** The number of rounds of every challenge. */
	public static final int ROUNDS = 5;

	public DailyProperties {
		if (roundTime == null || roundTime.compareTo(Duration.ofSeconds(5)) < 0
				|| roundTime.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException(
					"game.daily.round-time must be between 5s and 5m, not " + roundTime);
		}
		if (firstDay == null) {
			throw new IllegalArgumentException("game.daily.first-day must be a day such as 2026-12-01");
		}
	}

}
