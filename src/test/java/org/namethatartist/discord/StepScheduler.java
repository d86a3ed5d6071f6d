package org.namethatartist.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.namethatartist.game.GameScheduler;

/** Game time that moves only when a test moves it; due tasks run on the test's thread, in time order. */
final class StepScheduler implements GameScheduler {

	private record Task(Instant at, long order, Runnable work, boolean[] cancelled) {
	}

	private final List<Task> tasks = new ArrayList<>();

	private Instant now;

	private long order;

	StepScheduler(Instant start) {
		this.now = start;
	}

	@Override
	public synchronized Instant now() {
		return this.now;
	}

	@Override
	public synchronized Cancellable schedule(Instant at, Runnable task) {
		boolean[] cancelled = { false };
		this.tasks.add(new Task(at, this.order++, task, cancelled));
		return () -> cancelled[0] = true;
	}

	/** Moves the clock by {@code step}, running what falls due on the way. */
	void advance(Duration step) {
		Instant target = now().plus(step);
		while (true) {
			Task next;
			synchronized (this) {
				next = this.tasks.stream()
					.filter((task) -> !task.at().isAfter(target))
					.min(Comparator.comparing(Task::at).thenComparingLong(Task::order))
					.orElse(null);
				if (next == null) {
					this.now = target;
					return;
				}
				this.tasks.remove(next);
				if (next.at().isAfter(this.now)) {
					this.now = next.at();
				}
			}
			if (!next.cancelled()[0]) {
				next.work().run();
			}
		}
	}

}
