package org.namethatartist.artwork.image;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.namethatartist.artwork.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the image cache with every playable artwork's image, one fetch at a time at
 * {@code artwork.images.requests-per-second}, so that rounds find their image ready and image servers are
 * not hammered. One fill runs at a time: a new one (after a catalogue refresh, or {@code /precache})
 * replaces the one running. It runs on its own thread, stopped with the application.
 */
public class ImageCacheFiller implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ImageCacheFiller.class);

	private final ArtworkImages images;

	private final Duration pace;

	private final ExecutorService thread = Executors.newSingleThreadExecutor((task) -> {
		Thread t = new Thread(task, "artwork-image-fill");
		t.setDaemon(true);
		return t;
	});

	private Future<?> running;

	/**
	 * How far a fill has got.
	 * @param done artworks looked at, of {@code total}
	 * @param cached of those, already in the cache
	 * @param fetched of those, fetched now
	 * @param failed of those, without a playable image, by why
	 */
	public record Progress(int done, int total, int cached, int fetched, Map<ImageException.Kind, Integer> failed,
			boolean finished) {

		public int failures() {
			return this.failed.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	public ImageCacheFiller(ArtworkImages images, double requestsPerSecond) {
		this.images = images;
		this.pace = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
	}

	/**
	 * Starts filling the cache with the tokens' images, in place of any fill running; {@code progress} is
	 * told after each artwork, and once more when the fill has finished. Returns at once.
	 * @param why for the log: what asked for the fill
	 */
	public synchronized Future<?> fill(List<Token> tokens, String why, Consumer<Progress> progress) {
		if (this.running != null) {
			this.running.cancel(true);
		}
		this.running = this.thread.submit(() -> run(List.copyOf(tokens), why, progress));
		return this.running;
	}

	private void run(List<Token> tokens, String why, Consumer<Progress> progress) {
		long started = System.nanoTime();
		int done = 0;
		int cached = 0;
		int fetched = 0;
		Map<ImageException.Kind, Integer> failed = new EnumMap<>(ImageException.Kind.class);
		for (Token token : tokens) {
			if (Thread.currentThread().isInterrupted()) {
				logger.info("Image cache fill ({}) stopped after {} of {} artworks", why, done, tokens.size());
				return;
			}
			long start = System.nanoTime();
			boolean cachedBefore = this.images.notReady(token).isEmpty();
			long fetchesBefore = this.images.fetchesStarted();
			try {
				this.images.ensure(token).get(5, TimeUnit.MINUTES);
				if (cachedBefore) {
					cached++;
				}
				else {
					fetched++;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				continue;
			}
			catch (ExecutionException | CompletionException | java.util.concurrent.TimeoutException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				ImageException.Kind kind = (cause instanceof ImageException image) ? image.kind()
						: ImageException.Kind.CONNECTION;
				failed.merge(kind, 1, Integer::sum);
			}
			done++;
			tell(progress, new Progress(done, tokens.size(), cached, fetched, Map.copyOf(failed), false));
			// Paced only when a request went out: a source kept aside by the negative cache costs nobody anything.
			if (this.images.fetchesStarted() != fetchesBefore) {
				long wait = this.pace.toNanos() - (System.nanoTime() - start);
				if (wait > 0) {
					try {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}
		Progress last = new Progress(done, tokens.size(), cached, fetched, Map.copyOf(failed), true);
		logger.info("Image cache fill ({}): {} artworks in {} s: {} already cached, {} fetched, {} without a playable "
				+ "image{}", why, tokens.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(), cached,
				fetched, last.failures(), failed.isEmpty() ? "" : " " + failed);
		tell(progress, last);
	}

	private static void tell(Consumer<Progress> progress, Progress now) {
		try {
			progress.accept(now);
		}
		catch (RuntimeException ex) {
			logger.warn("An image cache fill's progress listener failed: {}", ex.toString());
		}
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
	}

}
