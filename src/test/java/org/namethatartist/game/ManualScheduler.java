package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link GameScheduler} whose time moves only when a test says so: {@link #advance} runs the due tasks
 * in time order on the calling thread, so rounds of 15 s take microseconds. Shared by the game's and
 * the adapters' tests.
 */
public final class ManualScheduler implements GameScheduler {

	private final PriorityQueue<Task> queue = new PriorityQueue<>();

	private Instant now;

	private long sequence;

	public ManualScheduler(Instant start) {
		this.now = start;
	}

	@Override
	public synchronized Instant now() {
		return this.now;
	}

	@Override
	public synchronized Cancellable schedule(Instant at, Runnable task) {
		Task scheduled = new Task(at, this.sequence++, task);
		this.queue.add(scheduled);
		return () -> scheduled.cancelled = true;
	}

	/** Moves time forward by {@code step}, running each task when its time comes. */
	public void advance(Duration step) {
		Instant target;
		synchronized (this) {
			target = this.now.plus(step);
		}
		while (true) {
			Task next;
			synchronized (this) {
				next = this.queue.peek();
				if (next == null || next.at.isAfter(target)) {
					this.now = target;
					return;
				}
				this.queue.poll();
				if (next.at.isAfter(this.now)) {
					this.now = next.at;
				}
			}
			if (!next.cancelled) {
				next.task.run();
			}
		}
	}

	/** Tasks waiting, cancelled ones excluded. */
	public synchronized long pending() {
		return this.queue.stream().filter((task) -> !task.cancelled).count();
	}

	private static final class Task implements Comparable<Task> {

		final Instant at;

		final long sequence;

		final Runnable task;

		volatile boolean cancelled;

		Task(Instant at, long sequence, Runnable task) {
			this.at = at;
			this.sequence = sequence;
			this.task = task;
		}

		@Override
		public int compareTo(Task other) {
			int byTime = this.at.compareTo(other.at);
			return (byTime != 0) ? byTime : Long.compare(this.sequence, other.sequence);
		}

	}

}
