package org.namethatartist.artwork.objkt;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pacer on a clock that moves only when it sleeps, or when the test says time went by. */
class RequestPacerTests {

	private final FakeTicker ticker = new FakeTicker();

	@Test
	void theFirstRequestGoesAtOnceAndEachNextOneAnIntervalLater() throws InterruptedException {
		RequestPacer pacer = new RequestPacer(1, this.ticker);
		long start = this.ticker.nanoTime();

		send(pacer);
		send(pacer);
		send(pacer);

		assertThat(this.ticker.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
		assertThat(this.ticker.nanoTime() - start).isEqualTo(Duration.ofSeconds(2).toNanos());
	}

	@Test
	void timeSpentSinceTheLastRequestCountsTowardsTheInterval() throws InterruptedException {
		RequestPacer pacer = new RequestPacer(2, this.ticker);

		send(pacer);
		this.ticker.advance(Duration.ofMillis(300));
		send(pacer);
		this.ticker.advance(Duration.ofSeconds(5));
		send(pacer);

		assertThat(this.ticker.sleeps()).containsExactly(Duration.ofMillis(200));
	}

	@Test
	void theNextRequestWaitsAWholeIntervalFromTheEndOfTheOneBefore() throws InterruptedException {
		RequestPacer pacer = new RequestPacer(1, this.ticker);

		pacer.acquire();
		this.ticker.advance(Duration.ofMillis(700));
		pacer.finished();
		pacer.acquire();

		assertThat(this.ticker.sleeps()).as("a slow first request must not bring the second nearer to it")
			.containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void anIdlePacerDoesNotSaveUpABurst() throws InterruptedException {
		RequestPacer pacer = new RequestPacer(5, this.ticker);
		send(pacer);
		this.ticker.advance(Duration.ofMinutes(1));

		send(pacer);
		send(pacer);

		assertThat(this.ticker.sleeps()).containsExactly(Duration.ofMillis(200));
	}

	@Test
	void aSecondThreadWaitsForTheRequestInFlightThenAWholeInterval() throws Exception {
		RequestPacer pacer = new RequestPacer(1, this.ticker);
		pacer.acquire();
		java.util.concurrent.CountDownLatch through = new java.util.concurrent.CountDownLatch(1);
		Thread other = new Thread(() -> {
			try {
				pacer.acquire();
				through.countDown();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		other.start();
		// Time enough for the other thread's interval, but the first request is still in flight.
		this.ticker.advance(Duration.ofSeconds(5));
		assertThat(through.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
		pacer.finished();
		assertThat(through.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		other.join();
		assertThat(this.ticker.sleeps()).as("a whole interval after the first request ended")
			.containsExactly(Duration.ofSeconds(1));
	}

	/** One request that takes no time: let through, then over. */
	private static void send(RequestPacer pacer) throws InterruptedException {
		pacer.acquire();
		pacer.finished();
	}

	@Test
	void anIntervalThatDoesNotDivideASecondIsRoundedUp() {
		assertThat(new RequestPacer(3, this.ticker).interval()).isEqualTo(Duration.ofNanos(333_333_334));
		assertThatThrownBy(() -> new RequestPacer(0, this.ticker)).isInstanceOf(IllegalArgumentException.class);
	}

}
