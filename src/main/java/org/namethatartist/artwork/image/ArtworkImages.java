package org.namethatartist.artwork.image;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.namethatartist.artwork.DemoTokens;
import org.namethatartist.artwork.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images rounds show, served by the bot rather than linked, so that nothing about the artwork reaches
 * a player before the reveal: not its address (a Commons file name names the painter; an IPFS content id
 * leads to the token and its creator), not its file's metadata. Each token's image is fetched once
 * ({@link ImageFetcher}), made anonymous ({@link ImageProcessor}) and kept on disk ({@link ImageCache});
 * concurrent requests for one image share one fetch. A source that failed is kept aside for
 * {@code artwork.images.failure-ttl} (a negative cache), so that one bad gateway does not cost every game
 * a wait.
 */
public class ArtworkImages {

	private static final Logger logger = LoggerFactory.getLogger(ArtworkImages.class);

	private static final int LAST_FAILURES = 5;

	private final ImageFetcher fetcher;

	private final ImageProcessor processor;

	private final ImageCache cache;

	private final Executor executor;

	private final Clock clock;

	private final URI demoMirror;

	private final ConcurrentMap<String, CompletableFuture<ArtworkImage>> inFlight = new ConcurrentHashMap<>();

	private final Cache<String, Failure> failures;

	private final Deque<Failure> lastFailures = new ArrayDeque<>();

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	/** Fetches that failed since the last one that worked. */
	private final AtomicLong failuresInARow = new AtomicLong();

	/** From this many failures in a row, health says that rounds may open without their image. */
	static final int WARN_AFTER_FAILURES = 10;

	private final Timer fetchTime;

	private final DistributionSummary servedBytes;

	private final MeterRegistry registry;

	private final Counter replaced;

	/** A source that failed: what, how, and when. */
	public record Failure(String source, ImageException.Kind kind, String message, Instant at) {
	}

	ArtworkImages(ImageFetcher fetcher, ImageProcessor processor, ImageCache cache, Executor executor, Clock clock,
			Duration failureTtl, URI demoMirror, MeterRegistry registry) {
		this.fetcher = fetcher;
		this.processor = processor;
		this.cache = cache;
		this.executor = executor;
		this.clock = clock;
		this.demoMirror = demoMirror;
		this.failures = Caffeine.newBuilder().expireAfterWrite(failureTtl).maximumSize(100_000).build();
		this.registry = registry;
		this.fetchTime = Timer.builder("nta.artwork.image.fetch")
			.description("Fetching, decoding, scaling and encoding one artwork's image")
			.register(registry);
		this.servedBytes = DistributionSummary.builder("nta.artwork.image.bytes")
			.baseUnit("bytes")
			.description("Size of the images the bot made, as served")
			.register(registry);
		this.replaced = Counter.builder("nta.artwork.image.replaced")
			.description("Rounds whose artwork was drawn again because its image was not ready")
			.register(registry);
	}

	/**
	 * Where a token's image is fetched from: its display image, else its artifact, else its thumbnail (never
	 * hic et nunc's placeholder); for the demo with {@code artwork.images.demo-mirror} set, the mirror and
	 * the Commons file name. Null when there is none, or it is not an http(s) address.
	 */
	public String source(Token token) {
		if (this.demoMirror != null && DemoTokens.CONTRACT.equals(token.contract())) {
			return this.demoMirror + URLEncoder.encode(token.tokenId(), StandardCharsets.UTF_8).replace("+", "%20");
		}
		String url = token.shownImageUrl();
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			boolean web = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
			return web ? url : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The token's image: from the disk cache at once, else fetched (one fetch for any number of callers).
	 * Fails with an {@link ImageException} when the token has none, or it failed within the failure TTL.
	 */
	public CompletableFuture<ArtworkImage> image(Token token) {
		String source = source(token);
		if (source == null) {
			return CompletableFuture.failedFuture(
					new ImageException(ImageException.Kind.NO_SOURCE, "the token has no image address"));
		}
		Optional<ArtworkImage> cached = this.cache.get(source);
		if (cached.isPresent()) {
			this.hits.incrementAndGet();
			return CompletableFuture.completedFuture(cached.get());
		}
		return fetch(source);
	}

	/**
	 * Makes sure the token's image is in the cache, fetching it when it is not; completes once it is. Unlike
	 * {@link #image}, an image already cached is not read: a fill of the whole catalogue, or the next round's
	 * prefetch, costs no disk reads for what is there.
	 */
	public CompletableFuture<Void> ensure(Token token) {
		String source = source(token);
		if (source == null) {
			return CompletableFuture.failedFuture(
					new ImageException(ImageException.Kind.NO_SOURCE, "the token has no image address"));
		}
		if (this.cache.contains(source)) {
			return CompletableFuture.completedFuture(null);
		}
		return fetch(source).thenApply((image) -> null);
	}

	/** The one fetch of a source (shared by every caller meanwhile), or its recent failure. */
	private CompletableFuture<ArtworkImage> fetch(String source) {
		Failure failed = this.failures.getIfPresent(source);
		if (failed != null) {
			return CompletableFuture.failedFuture(new ImageException(failed.kind(), failed.message()));
		}
		return this.inFlight.computeIfAbsent(source, (key) -> {
			this.misses.incrementAndGet();
			CompletableFuture<ArtworkImage> loading = CompletableFuture.supplyAsync(() -> load(key), this.executor);
			loading.whenComplete((image, failure) -> this.inFlight.remove(key, loading));
			return loading;
		});
	}

	/** The token's image if it is in the cache now (a hit); never fetches. */
	public Optional<ArtworkImage> cached(Token token) {
		String source = source(token);
		Optional<ArtworkImage> cached = (source != null) ? this.cache.get(source) : Optional.empty();
		if (cached.isPresent()) {
			this.hits.incrementAndGet();
		}
		return cached;
	}

	/** Starts getting the token's image ready, in the background; returns at once. */
	public void prefetch(Token token) {
		ensure(token);
	}

	/** Why the token's image cannot be shown now (on its way, failed, none); empty when it is in the cache. */
	public Optional<String> notReady(Token token) {
		String source = source(token);
		if (source == null) {
			return Optional.of("the token has no image address");
		}
		if (this.cache.contains(source)) {
			return Optional.empty();
		}
		Failure failed = this.failures.getIfPresent(source);
		if (failed != null) {
			return Optional.of(failed.message());
		}
		return Optional.of(this.inFlight.containsKey(source) ? "its image is still being fetched"
				: "its image was not asked for");
	}

	/** How many fetches this pipeline has started (a cache miss each). */
	public long fetchesStarted() {
		return this.misses.get();
	}

	/** Whether the token's image is being fetched now. */
	public boolean pending(Token token) {
		String source = source(token);
		return source != null && this.inFlight.containsKey(source);
	}

	/** Counts a round whose artwork was drawn again for want of its image. */
	public void replaced(Token dropped, Token instead, String reason) {
		this.replaced.increment();
	}

	/** Forgets the sources that failed, so they are tried again; how many there were. */
	public long clearFailures() {
		long count = this.failures.estimatedSize();
		this.failures.invalidateAll();
		synchronized (this.lastFailures) {
			this.lastFailures.clear();
		}
		return count;
	}

	/** The cache and the fetches, for health {@code artwork}. */
	public Status status() {
		long hit = this.hits.get();
		long miss = this.misses.get();
		List<Failure> recent;
		synchronized (this.lastFailures) {
			recent = List.copyOf(this.lastFailures);
		}
		this.failures.cleanUp();
		long inARow = this.failuresInARow.get();
		String warning = (inARow >= WARN_AFTER_FAILURES) ? "the last " + inARow + " images could not be fetched ("
				+ (recent.isEmpty() ? "see the log" : recent.get(0).message()) + "): rounds open on other artworks whose "
				+ "image is cached, or without an image when none is" : null;
		return new Status(this.cache.files(), this.cache.bytes(), this.cache.maxBytes(), hit, miss,
				(hit + miss == 0) ? null : (double) hit / (hit + miss), this.inFlight.size(), this.failures.estimatedSize(),
				recent, warning);
	}

	/**
	 * @param hitRate hits over hits and misses since start-up; null before the first request
	 * @param failing sources kept aside by the negative cache now
	 * @param lastFailures the most recent failures, newest first
	 * @param warning set after {@value #WARN_AFTER_FAILURES} failed fetches in a row (a gateway down, no
	 * network): what it means for rounds; null otherwise
	 */
	public record Status(int files, long bytes, long maxBytes, long hits, long misses, Double hitRate, int fetching,
			long failing, List<Failure> lastFailures, String warning) {
	}

	private ArtworkImage load(String source) {
		long start = System.nanoTime();
		try {
			ArtworkImage image = this.processor.process(this.fetcher.fetch(URI.create(source)));
			this.cache.put(source, image);
			this.failuresInARow.set(0);
			this.fetchTime.record(Duration.ofNanos(System.nanoTime() - start));
			this.servedBytes.record(image.bytes().length);
			return image;
		}
		catch (ImageException ex) {
			Failure failure = new Failure(source, ex.kind(), ex.getMessage(), this.clock.instant());
			this.failures.put(source, failure);
			this.failuresInARow.incrementAndGet();
			synchronized (this.lastFailures) {
				this.lastFailures.addFirst(failure);
				while (this.lastFailures.size() > LAST_FAILURES) {
					this.lastFailures.removeLast();
				}
			}
			Counter.builder("nta.artwork.image.failures")
				.tag("kind", ex.kind().name().toLowerCase(java.util.Locale.ROOT))
				.description("Images that could not be had, by why")
				.register(this.registry)
				.increment();
			logger.debug("Artwork image {} not usable: {}", source, ex.getMessage());
			throw new CompletionException(ex);
		}
		catch (RuntimeException ex) {
			// Not the source's fault (a full disk, a bug): not kept in the negative cache.
			logger.warn("Artwork image {} could not be made: {}", source, ex.toString());
			throw new CompletionException(ex);
		}
	}

}
