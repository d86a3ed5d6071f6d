package org.namethatartist.artwork.objkt;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetriesTests {

	private final Retries retries = Retries.DEFAULT;

	@Test
	void backoffDoublesUpToItsCap() {
		assertThat(this.retries.backoff(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.retries.backoff(2)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.retries.backoff(3)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.retries.backoff(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.retries.backoff(500)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aRetryAfterInSecondsReplacesTheBackoffUpToItsCap() {
		assertThat(this.retries.afterFailure(1, "0")).isEqualTo(Duration.ZERO);
		assertThat(this.retries.afterFailure(3, " 12 ")).isEqualTo(Duration.ofSeconds(12));
		assertThat(this.retries.afterFailure(1, "3600")).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void aRetryAfterThatIsNotSecondsLeavesTheBackoff() {
		assertThat(this.retries.afterFailure(2, "Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.retries.afterFailure(2, "-5")).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.retries.afterFailure(2, null)).isEqualTo(Duration.ofSeconds(4));
	}

}
