package org.namethatartist.discord;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discord's events run on a bounded pool, never on the shard's gateway read thread: one slow click (a save)
 * does not hold up the others, and a full pool pushes back on the gateway instead of dropping events.
 */
class EventPoolTests {

	@Test
	void slowEventsRunSideBySideOffTheCallersThread() throws InterruptedException {
		ThreadPoolExecutor pool = DiscordConfiguration.eventPool(4, 10);
		try {
			CountDownLatch allStarted = new CountDownLatch(4);
			CountDownLatch release = new CountDownLatch(1);
			for (int i = 0; i < 4; i++) {
				pool.execute(() -> {
					allStarted.countDown();
					await(release);
				});
			}
			// Four events each held (as by a slow save) are all running at once: none waits for another.
			assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
			release.countDown();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFullPoolRunsTheEventOnTheCallersThreadRatherThanDroppingIt() throws InterruptedException {
		ThreadPoolExecutor pool = DiscordConfiguration.eventPool(1, 1);
		try {
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			pool.execute(() -> {
				started.countDown();
				await(release);
			});
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			pool.execute(() -> await(release));
			AtomicReference<Thread> ranOn = new AtomicReference<>();
			pool.execute(() -> ranOn.set(Thread.currentThread()));
			assertThat(ranOn.get()).isSameAs(Thread.currentThread());
			release.countDown();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theProductionPoolIsBounded() {
		ThreadPoolExecutor pool = DiscordConfiguration.eventPool(DiscordConfiguration.EVENT_THREADS,
				DiscordConfiguration.EVENT_QUEUE);
		try {
			assertThat(pool.getMaximumPoolSize()).isEqualTo(16);
			assertThat(pool.getQueue().remainingCapacity()).isEqualTo(10_000);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
