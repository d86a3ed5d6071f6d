package org.namethatartist.game;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link GameScheduler}: one small pool of timer threads for every game. A few threads
 * rather than one, because a round transition waits for its state to reach the disk, and transitions of
 * different games then share one fsync (group commit) instead of queueing behind each other.
 */
public final class ExecutorGameScheduler implements GameScheduler, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ExecutorGameScheduler.class);

	private final Clock clock;

	private final ScheduledExecutorService executor;

	public ExecutorGameScheduler(Clock clock, int threads) {
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "game-timer-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, factory);
		// Cancelled round timers are removed at once, so thousands of answered games leave no garbage queued.
		executor.setRemoveOnCancelPolicy(true);
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor = executor;
	}

	@Override
	public Instant now() {
		return this.clock.instant();
	}

	@Override
	public Cancellable schedule(Instant at, Runnable task) {
		long delay = Math.max(0, Duration.between(now(), at).toMillis());
		ScheduledFuture<?> future = this.executor.schedule(() -> run(task), delay, TimeUnit.MILLISECONDS);
		return () -> future.cancel(false);
	}

	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException | Error ex) {
			// A failing task must not kill the timer thread nor vanish in a dropped Future.
			logger.error("A game timer task failed", ex);
		}
	}

	/** Stops the timers, letting a transition under way finish (its state is saved, games resume later). */
	@Override
	public void close() {
		// No interrupt: the timer tasks under way finish their transition (the store would survive one).
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
				logger.warn("Game timers still running after 10 s at shutdown");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
