package org.namethatartist.discord;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.namethatartist.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Cooldowns count uses per user and per channel, and forget what has expired. */
class CooldownsTests {

	private final MutableClock clock = new MutableClock(TestGames.T0);

	private final Cooldowns cooldowns = new Cooldowns(new DiscordProperties("t", null, null, null), this.clock);

	@Test
	void aRefusedUseIsNotCounted() {
		assertThat(this.cooldowns.tryUse("stats", "u1", "c1")).isZero();
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.cooldowns.tryUse("stats", "u1", "c1")).isEqualTo(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		// Refused uses did not push the end further.
		assertThat(this.cooldowns.tryUse("stats", "u1", "c1")).isZero();
	}

	@Test
	void commandsWithoutACooldownKeepNothing() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.cooldowns.tryUse("precache", "u" + i, "c1")).isZero();
		}
		assertThat(this.cooldowns.size()).isZero();
	}

	@Test
	void expiredEntriesAreSwept() {
		for (int i = 0; i < 1000; i++) {
			this.cooldowns.tryUse("ping", "u" + i, "c1");
		}
		assertThat(this.cooldowns.size()).isEqualTo(1000);
		this.clock.advance(Duration.ofSeconds(6));
		for (int i = 0; i < 30; i++) {
			this.cooldowns.tryUse("ping", "v" + i, "c1");
		}
		assertThat(this.cooldowns.size()).isLessThanOrEqualTo(30);
	}

}
