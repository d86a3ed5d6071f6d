package org.namethatartist.artwork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.namethatartist.Durations;
import org.jspecify.annotations.Nullable;
import org.namethatartist.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Keeps the artworks fresh: fetches them from the {@link TokenSource} in the background when the cache
 * is older than {@code artwork.objkt.refresh} (or absent), then once per that period, and on demand.
 * Start-up never waits for it: the catalogue chosen at start-up is served until a refresh replaces it.
 *
 * <p>A refresh replaces the cache and the catalogue only when it is sound: a failure keeps both as they
 * were (the next try comes after an hour, or the period if shorter); an answer with fewer than half the
 * cached artworks keeps them unless {@code artwork.objkt.accept-shrink}; an answer with none, or with
 * artworks that make no game (fewer than three artists), is never saved nor served. The cache is written
 * before the catalogue changes, so what games draw from is always what a restart would load. Games
 * already running keep the artworks they drew.
 *
 * <p>One refresh at a time: a refresh asked for while one runs is skipped, saying so. Stopping the
 * application interrupts a refresh under way; the cache is then left as it was.
 */
public final class ArtworkRefreshService implements SmartLifecycle {

	/** The longest wait after a failed refresh: objkt.com may be back long before the period is over. */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(ArtworkRefreshService.class);

	/** How long stopping waits for an interrupted refresh to let go. */
	private static final long STOP_WAIT_SECONDS = 10;

	private final ArtworkProperties properties;

	private final ArtworkCatalog catalog;

	private final @Nullable TokenCache cache;

	private final @Nullable TokenSource source;

	private final Clock clock;

	/** Why refreshing is off, or null when it is on. */
	private final @Nullable String disabledBecause;

	private final ReentrantLock refreshLock = new ReentrantLock();

	/** Guards {@link #runner}, so that stopping interrupts a thread only while it refreshes. */
	private final Object runnerLock = new Object();

	private @Nullable Thread runner;

	private volatile @Nullable Instant refreshingSince;

	private volatile @Nullable RefreshResult lastRefresh;

	private volatile @Nullable RefreshResult lastFailure;

	private volatile @Nullable String cachedAt;

	private volatile @Nullable Integer cachedTokens;

	/** Guards the scheduler and the next run. */
	private final Object scheduleLock = new Object();

	/** Where refreshes are scheduled: given (tests move its time by hand), or made and owned at start. */
	private @Nullable TaskScheduler scheduler;

	private final @Nullable TaskScheduler givenScheduler;

	/** The scheduler this service made at start, and shuts down at stop; null when one was given. */
	private @Nullable ThreadPoolTaskScheduler ownScheduler;

	private @Nullable ScheduledFuture<?> scheduled;

	private volatile @Nullable Instant nextRefresh;

	private volatile boolean running;

	/**
	 * @param cache the storage backend's token cache, or null when it keeps none (refreshing is then off)
	 * @param source where artworks are fetched from, or null when {@code artwork.source} fetches nothing
	 */
	public ArtworkRefreshService(ArtworkProperties properties, ArtworkCatalog catalog, @Nullable TokenCache cache,
			@Nullable TokenSource source, Clock clock) {
		this(properties, catalog, cache, source, clock, null);
	}

	/**
	 * @param scheduler where refreshes are scheduled, on {@code clock}; null: a single thread of the service's
	 * own, so that a refresh of minutes never holds up the application's other scheduled work
	 */
	public ArtworkRefreshService(ArtworkProperties properties, ArtworkCatalog catalog, @Nullable TokenCache cache,
			@Nullable TokenSource source, Clock clock, @Nullable TaskScheduler scheduler) {
		this.givenScheduler = scheduler;
		this.properties = properties;
		this.catalog = catalog;
		this.cache = cache;
		this.source = source;
		this.clock = clock;
		this.disabledBecause = disabledBecause(properties, cache, source);
	}

	private static @Nullable String disabledBecause(ArtworkProperties properties, @Nullable TokenCache cache,
			@Nullable TokenSource source) {
		if (properties.source() == ArtworkProperties.Source.DEMO) {
			return "artwork.source is demo: nothing is fetched";
		}
		if (cache == null) {
			return "the storage backend keeps no token cache";
		}
		if (source == null) {
			return "no artwork source is configured";
		}
		return null;
	}

	/**
	 * Fetches the artworks now, on this thread, and replaces the cache and the catalogue if the answer is
	 * sound. Never throws: every failure is an outcome, logged in one line.
	 */
	public RefreshResult refresh() {
		Instant startedAt = now();
		if (this.disabledBecause != null) {
			return new RefreshResult(RefreshResult.Outcome.DISABLED, "Refreshing is off: " + this.disabledBecause,
					startedAt, startedAt, null);
		}
		if (!this.refreshLock.tryLock()) {
			Instant since = this.refreshingSince;
			return new RefreshResult(RefreshResult.Outcome.SKIPPED,
					"A refresh is already running" + ((since != null) ? " since " + since : ""), startedAt,
					now(), null);
		}
		try {
			synchronized (this.runnerLock) {
				this.runner = Thread.currentThread();
			}
			this.refreshingSince = startedAt;
			RefreshResult result = fetchAndReplace(startedAt);
			this.lastRefresh = result;
			if (result.outcome() == RefreshResult.Outcome.FAILED && Thread.currentThread().isInterrupted()) {
				log.info("Artwork refresh: {}", result.message());
			}
			else if (result.outcome() == RefreshResult.Outcome.FAILED) {
				this.lastFailure = result;
				log.warn("Artwork refresh failed; the cache and the catalogue stay as they were: {}", result.message());
			}
			else if (result.outcome() == RefreshResult.Outcome.KEPT) {
				log.warn("Artwork refresh: {}", result.message());
			}
			else {
				log.info("Artwork refresh: {}", result.message());
			}
			runAfterRefresh();
			return result;
		}
		finally {
			synchronized (this.runnerLock) {
				this.runner = null;
			}
			this.refreshingSince = null;
			this.refreshLock.unlock();
		}
	}

	/** Work done after each refresh on its thread, whatever its outcome (the servers' pools in use). */
	@FunctionalInterface
	public interface AfterRefresh {

		void run() throws InterruptedException;

	}

	private final List<AfterRefresh> afterRefresh = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Runs {@code work} after each refresh, on the refresh's thread; its failure is logged, never thrown. */
	public void afterEachRefresh(AfterRefresh work) {
		this.afterRefresh.add(work);
	}

	private void runAfterRefresh() {
		for (AfterRefresh work : this.afterRefresh) {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			try {
				work.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Work after the artwork refresh failed", ex);
			}
		}
	}

	/** {@link #refresh()}, then the next scheduled refresh counted from now. For the endpoint. */
	public RefreshResult refreshNow() {
		RefreshResult result = refresh();
		if (result.outcome() != RefreshResult.Outcome.SKIPPED && result.outcome() != RefreshResult.Outcome.DISABLED) {
			scheduleAfter(result);
		}
		return result;
	}

	private RefreshResult fetchAndReplace(Instant startedAt) {
		TokenDocument fetched;
		try {
			fetched = this.source.fetch();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return result(RefreshResult.Outcome.FAILED, "stopped before the artworks were fetched: the application "
					+ "is stopping; the cache is as it was", startedAt, null);
		}
		catch (RuntimeException ex) {
			String message = (ex instanceof TokenSourceException) ? ex.getMessage() : ex.toString();
			return result(RefreshResult.Outcome.FAILED, message, startedAt, null);
		}
		int count = fetched.tokens().size();
		Optional<TokenDocument> cached = loadCache();
		int cachedCount = cached.map((document) -> document.tokens().size()).orElse(0);
		String from = this.source.name();
		if (count == 0) {
			// Never accepted, whatever accept-shrink says: no artworks make no game.
			String kept = (cachedCount > 0) ? "the " + cachedCount + " cached are kept" : "nothing is saved";
			return result(RefreshResult.Outcome.KEPT, from + " returned no artworks; " + kept, startedAt, 0);
		}
		if (count * 2L < cachedCount && !this.properties.objkt().acceptShrink()) {
			return result(RefreshResult.Outcome.KEPT, from + " returned " + count + " artworks, fewer than half the "
					+ cachedCount + " cached; the cache is kept (artwork.objkt.accept-shrink: true would accept them)",
					startedAt, count);
		}
		boolean excludeUnresolved = this.properties.objkt().excludeUnresolvedArtists();
		TokenCatalog next = TokenCatalog.of(from, fetched, excludeUnresolved);
		if (next.playable().isEmpty()) {
			return result(RefreshResult.Outcome.KEPT, "the " + count + " artworks from " + from + " make no game: "
					+ "fewer than " + (TokenCatalog.MIN_OTHER_ARTISTS + 1) + " artists"
					+ (excludeUnresolved ? " with an alias or a Tezos domain" : "") + " between them; "
					+ "the cache is kept", startedAt, count);
		}
		try {
			// The store keeps its file open through an interrupt (stopping the application mid-refresh).
			this.cache.save(fetched);
		}
		catch (StorageException ex) {
			return result(RefreshResult.Outcome.FAILED, "the " + count + " artworks from " + from
					+ " could not be saved: " + ex.getMessage(), startedAt, count);
		}
		this.catalog.replace(next);
		this.cachedAt = fetched.lastUpdated();
		this.cachedTokens = count;
		return result(RefreshResult.Outcome.REPLACED, count + " artworks from " + from + " saved; games now draw from "
				+ next.playable().size() + " playable artworks by " + next.artists().size() + " artists", startedAt,
				count);
	}

	private RefreshResult result(RefreshResult.Outcome outcome, String message, Instant startedAt,
			@Nullable Integer fetched) {
		return new RefreshResult(outcome, message, startedAt, now(), fetched);
	}

	private Optional<TokenDocument> loadCache() {
		try {
			return this.cache.load();
		}
		catch (StorageException ex) {
			// Nothing readable to protect: the fetched artworks may replace it.
			log.warn("Artwork refresh: the token cache could not be read, so it is not compared: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	/** The time, to the millisecond as in {@code tokens.json}. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** What the artworks are now and how their refresh goes. */
	public ArtworkStatus status() {
		TokenCatalog current = this.catalog.current();
		RefreshResult failure = this.lastFailure;
		String configured = this.properties.source().name().toLowerCase(Locale.ROOT);
		String refresh = (this.disabledBecause != null) ? "off: " + this.disabledBecause
				: "every " + describe(this.properties.objkt().refresh());
		String note = null;
		if (!configured.equals(current.source())) {
			note = "the " + current.source() + " catalogue is served until the artworks from " + configured
					+ " make a game";
		}
		return new ArtworkStatus(current.source(), configured, current.playable().size(), current.artists().size(),
				this.cachedAt, this.cachedTokens, refresh, this.refreshingSince, this.lastRefresh, this.nextRefresh,
				(failure != null) ? failure.message() : null, (failure != null) ? failure.finishedAt() : null, note, List.of());
	}

	/**
	 * When the first refresh is due: once the cached artworks are {@code period} old, or now when there are
	 * none or their date does not read. A date in the future (a clock set back) counts as now.
	 */
	static Instant firstRefreshAt(@Nullable String cachedAt, Duration period, Instant now) {
		if (cachedAt == null) {
			return now;
		}
		Instant fetched;
		try {
			fetched = Instant.parse(cachedAt);
		}
		catch (DateTimeParseException ex) {
			return now;
		}
		Instant due = (fetched.isAfter(now) ? now : fetched).plus(period);
		return due.isBefore(now) ? now : due;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.disabledBecause != null) {
			log.info("Artwork refresh: off, because {}", this.disabledBecause);
			return;
		}
		Optional<TokenDocument> cached = loadCache();
		// Read into a local: the first refresh may start (and replace this.cachedAt) before the line below is logged.
		String cachedAt = cached.map(TokenDocument::lastUpdated).orElse(null);
		this.cachedAt = cachedAt;
		this.cachedTokens = cached.map((document) -> document.tokens().size()).orElse(null);
		Instant now = now();
		Duration period = this.properties.objkt().refresh();
		Instant first = firstRefreshAt(cachedAt, period, now);
		synchronized (this.scheduleLock) {
			if (this.givenScheduler != null) {
				this.scheduler = this.givenScheduler;
			}
			else {
				ThreadPoolTaskScheduler taskScheduler = new ThreadPoolTaskScheduler();
				taskScheduler.setPoolSize(1);
				taskScheduler.setThreadNamePrefix("artwork-refresh-");
				taskScheduler.setDaemon(true);
				taskScheduler.setClock(this.clock);
				taskScheduler.setWaitForTasksToCompleteOnShutdown(false);
				taskScheduler.setAwaitTerminationSeconds((int) STOP_WAIT_SECONDS);
				taskScheduler.initialize();
				this.ownScheduler = taskScheduler;
				this.scheduler = taskScheduler;
			}
		}
		scheduleAt(first);
		if (!first.isAfter(now)) {
			log.info("Artwork refresh: {}; fetching from {} in the background, then every {}",
					(cachedAt != null) ? "the cached artworks are from " + cachedAt + ", over "
							+ describe(period) + " ago" : "nothing is cached", this.source.name(), describe(period));
		}
		else {
			log.info("Artwork refresh: the cached artworks are from {}; the next refresh is at {}, then every {}",
					cachedAt, first, describe(period));
		}
	}

	private void runScheduled() {
		RefreshResult result = null;
		try {
			result = refresh();
		}
		finally {
			if (result == null || result.outcome() != RefreshResult.Outcome.SKIPPED) {
				scheduleAfter(result);
			}
		}
	}

	/** The next refresh: one period from now, or sooner after a failure. */
	private void scheduleAfter(@Nullable RefreshResult result) {
		Duration period = this.properties.objkt().refresh();
		boolean failed = result == null || result.outcome() == RefreshResult.Outcome.FAILED;
		Duration wait = (failed && RETRY_AFTER_FAILURE.compareTo(period) < 0) ? RETRY_AFTER_FAILURE : period;
		scheduleAt(now().plus(wait));
	}

	private void scheduleAt(Instant at) {
		synchronized (this.scheduleLock) {
			if (this.scheduler == null) {
				return;
			}
			if (this.scheduled != null) {
				this.scheduled.cancel(false);
			}
			try {
				this.scheduled = this.scheduler.schedule(this::runScheduled, at);
				this.nextRefresh = at;
			}
			catch (TaskRejectedException ex) {
				// Stopping: there is no next refresh.
				this.nextRefresh = null;
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		ThreadPoolTaskScheduler taskScheduler;
		synchronized (this.scheduleLock) {
			taskScheduler = this.ownScheduler;
			this.ownScheduler = null;
			this.scheduler = null;
			if (this.scheduled != null) {
				this.scheduled.cancel(false);
			}
			this.scheduled = null;
			this.nextRefresh = null;
		}
		synchronized (this.runnerLock) {
			// A refresh asked for through the endpoint runs on the caller's thread, not the scheduler's.
			if (this.runner != null) {
				this.runner.interrupt();
			}
		}
		if (taskScheduler != null) {
			// Interrupts a scheduled refresh under way, and waits for it to end.
			taskScheduler.shutdown();
		}
		try {
			if (this.refreshLock.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
				this.refreshLock.unlock();
			}
			else {
				log.warn("Artwork refresh: still running {} s after being told to stop", STOP_WAIT_SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** {@code 24h}, {@code 90m}, {@code 45s}: see {@link Durations#format}. */
	static String describe(Duration duration) {
		return Durations.format(duration);
	}

}
