package org.namethatartist.artwork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * A {@link TaskScheduler} whose time is moved by hand: tasks run on the test's thread, in time order, when
 * {@link #advance} reaches them. Only one-off tasks at an instant; the periodic forms are not needed here.
 */
final class ManualTaskScheduler implements TaskScheduler {

	private Instant now;

	private final List<Task> tasks = new ArrayList<>();

	ManualTaskScheduler(Instant start) {
		this.now = start;
	}

	/** The clock the scheduled service must use, moving with this scheduler. */
	@Override
	public Clock getClock() {
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return ManualTaskScheduler.this.now;
			}

		};
	}

	/** Runs what is due now, as after {@code advance(Duration.ZERO)}. */
	void runDue() {
		advance(Duration.ZERO);
	}

	/** Moves time on, running each task as its time comes (tasks they schedule included). */
	void advance(Duration step) {
		Instant end = this.now.plus(step);
		while (true) {
			Task next = this.tasks.stream()
				.filter((task) -> !task.cancelled && !task.at.isAfter(end))
				.min(Comparator.comparing((Task task) -> task.at))
				.orElse(null);
			if (next == null) {
				break;
			}
			this.tasks.remove(next);
			if (next.at.isAfter(this.now)) {
				this.now = next.at;
			}
			next.task.run();
			next.done = true;
		}
		this.now = end;
	}

	/** Tasks scheduled and neither run nor cancelled. */
	int pending() {
		return (int) this.tasks.stream().filter((task) -> !task.cancelled).count();
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
		Task scheduled = new Task(task, startTime);
		this.tasks.add(scheduled);
		return scheduled;
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	private final class Task implements ScheduledFuture<Object> {

		final Runnable task;

		final Instant at;

		volatile boolean cancelled;

		volatile boolean done;

		Task(Runnable task, Instant at) {
			this.task = task;
			this.at = at;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(Duration.between(ManualTaskScheduler.this.now, this.at));
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			this.cancelled = true;
			return !this.done;
		}

		@Override
		public boolean isCancelled() {
			return this.cancelled;
		}

		@Override
		public boolean isDone() {
			return this.done || this.cancelled;
		}

		@Override
		public Object get() {
			return null;
		}

		@Override
		public Object get(long timeout, TimeUnit unit) {
			return null;
		}

	}

}
