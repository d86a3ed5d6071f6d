package org.namethatartist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.namethatartist.player.GameResult;

/** Drives a store's updates: one writer timing each update, or many writers counting them. */
final class Writers {

	private Writers() {
	}

	/** Latencies of {@code count} updates made one after the other, after {@code warmUp} untimed ones. */
	static Samples oneWriter(Consumer<GameResult> store, int players, int warmUp, int count) {
		Workload workload = new Workload(players);
		for (int i = 0; i < warmUp; i++) {
			store.accept(workload.result(0, i));
		}
		Samples samples = new Samples(count);
		for (int i = warmUp; i < warmUp + count; i++) {
			GameResult result = workload.result(0, i);
			long start = System.nanoTime();
			store.accept(result);
			samples.add(System.nanoTime() - start);
		}
		return samples;
	}

	/** Updates per second of {@code writers} threads making {@code perWriter} updates each, all started at once. */
	static double manyWriters(Consumer<GameResult> store, int players, int writers, int perWriter)
			throws InterruptedException {
		Workload workload = new Workload(players);
		CountDownLatch ready = new CountDownLatch(writers);
		CountDownLatch go = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			int writer = w;
			Thread thread = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
					for (int i = 0; i < perWriter; i++) {
						store.accept(workload.result(writer, i));
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}, "bench-writer-" + w);
			threads.add(thread);
			thread.start();
		}
		ready.await();
		long start = System.nanoTime();
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (failure.get() != null) {
			throw new IllegalStateException("a writer failed", failure.get());
		}
		return writers * (double) perWriter / seconds;
	}

}
