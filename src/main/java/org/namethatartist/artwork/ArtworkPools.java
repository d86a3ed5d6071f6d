package org.namethatartist.artwork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.namethatartist.IsoTime;
import org.namethatartist.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers' own artwork pools: what a server's games draw from instead of the operator's wallets.
 *
 * <ul>
 * <li>A {@code wallet:} or {@code collection:} pool is fetched from the {@link PoolSource} when first set
 * (at most {@code artwork.pools.max-tokens} tokens), kept in memory and in the token cache under its own
 * name, and fetched again, on the artwork refresh's schedule, only while some server uses it.</li>
 * <li>An {@code artist:} pool is a filter on the operator's catalogue: its rounds show only that artist's
 * tokens, and the other buttons come from the catalogue's other artists.</li>
 * <li>A server naming several pools plays their union.</li>
 * </ul>
 *
 * <p>A server's pools make a game when their union has at least as many artists as the game's buttons, and
 * tokens for its rounds. A pool that cannot is refused when set ({@link #check}); one that shrinks
 * below that later is set aside: the server's games fall back to the default catalogue, the starter is
 * told why ({@link Selection#fallback()}), and {@link #onFallback listeners} are told once, when it happens.
 */
public final class ArtworkPools {

	private static final Logger log = LoggerFactory.getLogger(ArtworkPools.class);

	private final ArtworkCatalog defaults;

	private final @Nullable PoolSource source;

	private final @Nullable TokenCache cache;

	private final PoolProperties properties;

	private final Duration refreshAfter;

	private final boolean excludeUnresolved;

	private final Clock clock;

	/** The fetched pools, by pool: the document and when it was fetched. */
	private final Map<ArtworkPool, Fetched> fetched = new ConcurrentHashMap<>();

	/** One fetch at a time per pool: a second asker waits for the first's answer. */
	private final Map<ArtworkPool, Object> fetchLocks = new ConcurrentHashMap<>();

	private final Map<ArtworkPool, String> lastErrors = new ConcurrentHashMap<>();

	private volatile Supplier<Map<String, String>> usage = Map::of;

	/** Servers whose pools were found unable to make a game, and were told so. */
	private final Set<String> fellBack = ConcurrentHashMap.newKeySet();

	private final List<FallbackListener> listeners = new CopyOnWriteArrayList<>();

	private final List<Runnable> fetchListeners = new CopyOnWriteArrayList<>();

	/**
	 * @param defaults the operator's catalogue ({@code default}, and what {@code artist:} pools filter)
	 * @param source where wallets and collections are fetched, or null (the demo: only default and artist pools)
	 * @param cache where fetched pools are kept across restarts, or null
	 * @param refreshAfter how old a pool in use may grow before it is fetched again ({@code artwork.objkt.refresh})
	 */
	public ArtworkPools(ArtworkCatalog defaults, @Nullable PoolSource source, @Nullable TokenCache cache,
			PoolProperties properties, Duration refreshAfter, boolean excludeUnresolved, Clock clock) {
		this.defaults = defaults;
		this.source = source;
		this.cache = cache;
		this.properties = properties;
		this.refreshAfter = refreshAfter;
		this.excludeUnresolved = excludeUnresolved;
		this.clock = clock;
	}

	/** Told when a server's pools are set aside for the default catalogue: the server's id and why. */
	@FunctionalInterface
	public interface FallbackListener {

		void fellBack(String guildId, String reason);

	}

	/**
	 * Which servers use which pools: each server's pool setting as stored (the canonical list), by guild id.
	 * Only the pools named here are refreshed.
	 */
	public void usedBy(Supplier<Map<String, String>> usage) {
		this.usage = usage;
	}

	public void onFallback(FallbackListener listener) {
		this.listeners.add(listener);
	}

	/** Told, on the fetching thread, each time a pool was fetched (so that its images can be fetched too). */
	public void onFetched(Runnable listener) {
		this.fetchListeners.add(listener);
	}

	/**
	 * The tokens of the wallet and collection pools some server uses, from the copies the bot has (the token
	 * cache after a restart), each once: what the image cache should hold beside the operator's artworks.
	 */
	public List<Token> tokensInUse() {
		Map<String, Token> tokens = new LinkedHashMap<>();
		for (String setting : this.usage.get().values()) {
			for (ArtworkPool pool : parse(setting)) {
				Fetched copy = fetchedKind(pool) ? copyOf(pool) : null;
				if (copy != null) {
					copy.catalog().playable().forEach((token) -> tokens.putIfAbsent(TokenCatalog.key(token), token));
				}
			}
		}
		return List.copyOf(tokens.values());
	}

	public PoolProperties properties() {
		return this.properties;
	}

	/**
	 * What a server's games draw from.
	 * @param pool the catalogue's name as a game keeps it: null for the default, else the pools' canonical
	 * list, such as {@code wallet:tz1…,artist:alice}
	 * @param fallback why the server's pools are not played now, as the game's starter is told, or null
	 * @param problem what is wrong with the pools, or null
	 */
	public record Selection(TokenCatalog catalog, @Nullable String pool, @Nullable String fallback,
			@Nullable String problem) {

		public boolean isDefault() {
			return this.pool == null;
		}

	}

	/**
	 * The catalogue for a server's pool setting, from what is fetched: its pools' union when that makes a
	 * game of {@code rounds} rounds with {@code choices} buttons, else the default catalogue with the reason.
	 * Fetches nothing: a pool not fetched yet (the bot just started without a cached copy) is a reason.
	 * @param setting the server's pool setting (a canonical list), or null for none
	 */
	public Selection select(@Nullable String setting, int choices, int rounds) {
		List<ArtworkPool> pools = parse(setting);
		if (pools.isEmpty() || pools.equals(List.of(ArtworkPool.DEFAULT))) {
			return new Selection(this.defaults.current(), null, null, null);
		}
		String name = name(pools);
		Union union = union(pools);
		String problem = (union.missing() != null) ? union.missing() : unfit(union, choices, rounds);
		if (problem != null) {
			return new Selection(this.defaults.current(), null,
					"This server's artwork pool (" + name + ") cannot make this game: " + problem
							+ ". This game plays the default artworks.", problem);
		}
		return new Selection(union.catalog(), name, null, null);
	}

	/**
	 * The catalogue a saved game named ({@link Selection#pool()}), from what is fetched; empty when one of
	 * its pools is not (the game then resumes on what it can find).
	 */
	public Optional<TokenCatalog> catalog(@Nullable String pool) {
		List<ArtworkPool> pools = parse(pool);
		if (pools.isEmpty() || pools.equals(List.of(ArtworkPool.DEFAULT))) {
			return Optional.of(this.defaults.current());
		}
		Union union = union(pools);
		return (union.missing() != null) ? Optional.empty() : Optional.of(union.catalog());
	}

	/** What {@link #check} found: whether the pools make a game, and a line for the moderator. */
	public record Check(boolean accepted, String message, int tokens, int artists) {
	}

	/**
	 * Fetches the pools not fetched yet (or too old) and says whether their union makes a game of the
	 * smallest allowed size: for a moderator setting them. Nothing is stored here.
	 * @param choices the server's buttons per round
	 * @param minRounds the fewest rounds a game may have
	 * @throws InterruptedException when the thread was interrupted while fetching
	 */
	public Check check(List<ArtworkPool> pools, int choices, int minRounds) throws InterruptedException {
		for (ArtworkPool pool : pools) {
			if (fetchedKind(pool)) {
				try {
					ensure(pool, true);
				}
				catch (TokenSourceException | StorageException ex) {
					return new Check(false, "The pool " + pool + " could not be read: " + ex.getMessage(), 0, 0);
				}
			}
		}
		Union union = union(pools);
		if (union.missing() != null) {
			return new Check(false, union.missing(), 0, 0);
		}
		TokenCatalog catalog = union.catalog();
		String problem = unfit(union, choices, minRounds);
		int artists = Math.max(catalog.artists().size(), union.artists());
		int tokens = catalog.playable().size();
		if (problem != null) {
			return new Check(false, name(pools) + " cannot make a game: " + problem + ".", tokens, artists);
		}
		return new Check(true, name(pools) + ": " + tokens + " artworks to draw from, " + artists + " artists on the buttons.",
				tokens, artists);
	}

	/**
	 * Fetches again the pools in use whose copy is older than {@code artwork.objkt.refresh}, then tells the
	 * listeners of each server whose pools no longer make a game (once, until they do again). A pool that
	 * fails keeps its last copy. Called after each refresh of the default catalogue, on its thread.
	 * @param choices and rounds: the sizes a server's games are checked against when it sets none
	 */
	public void refreshInUse(java.util.function.ToIntFunction<String> choicesOf, int minRounds)
			throws InterruptedException {
		Map<String, String> usage = this.usage.get();
		Set<ArtworkPool> inUse = new HashSet<>();
		usage.values().forEach((setting) -> inUse.addAll(parse(setting)));
		for (ArtworkPool pool : inUse) {
			if (!fetchedKind(pool)) {
				continue;
			}
			try {
				ensure(pool, true);
			}
			catch (TokenSourceException | StorageException ex) {
				log.warn("Artwork pool {} could not be refreshed, its last copy is kept: {}", pool, ex.getMessage());
			}
		}
		if (this.fetched.keySet().retainAll(inUse)) {
			changed();
		}
		for (Map.Entry<String, String> server : usage.entrySet()) {
			String guildId = server.getKey();
			Selection selection = select(server.getValue(), choicesOf.applyAsInt(guildId), minRounds);
			if (selection.fallback() == null) {
				this.fellBack.remove(guildId);
			}
			else if (this.fellBack.add(guildId)) {
				String reason = "This server's artwork pool (" + server.getValue() + ") can no longer make a game: "
						+ selection.problem() + ". Games here play the default artworks until it can again, or until "
						+ "a moderator changes it (/settings set pool).";
				log.warn("Server {}: {}", guildId, reason);
				for (FallbackListener listener : this.listeners) {
					try {
						listener.fellBack(guildId, reason);
					}
					catch (RuntimeException ex) {
						log.warn("A listener of pool fallbacks failed for server {}", guildId, ex);
					}
				}
			}
		}
	}

	/** A pool in use as health and the {@code artwork} endpoint show it. */
	public record PoolStatus(String pool, @Nullable Integer tokens, @Nullable Integer artists,
			@Nullable String lastRefresh, List<String> servers, @Nullable String lastError) {
	}

	/** Every pool some server names, but {@code default}: its size, last refresh and servers. */
	public List<PoolStatus> status() {
		Map<ArtworkPool, Set<String>> servers = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
		this.usage.get().forEach((guildId, setting) -> {
			for (ArtworkPool pool : parse(setting)) {
				if (pool.kind() != ArtworkPool.Kind.DEFAULT) {
					servers.computeIfAbsent(pool, (key) -> new TreeSet<>()).add(guildId);
				}
			}
		});
		List<PoolStatus> status = new ArrayList<>();
		servers.forEach((pool, guilds) -> {
			Integer tokens = null;
			Integer artists = null;
			String refreshed = null;
			if (pool.kind() == ArtworkPool.Kind.ARTIST) {
				TokenCatalog catalog = this.defaults.current();
				Predicate<Token> by = byArtist(pool.target(), catalog);
				List<Token> drawn = catalog.playable().stream().filter(by).toList();
				tokens = drawn.size();
				artists = drawn.isEmpty() ? 0 : 1;
			}
			else {
				Fetched copy = this.fetched.get(pool);
				if (copy != null) {
					tokens = copy.catalog().playable().size();
					artists = copy.catalog().artists().size();
					refreshed = IsoTime.format(copy.fetchedAt());
				}
			}
			status.add(new PoolStatus(pool.toString(), tokens, artists, refreshed, List.copyOf(guilds),
					this.lastErrors.get(pool)));
		});
		return status;
	}

	/** A pool's copy: its document, when it was fetched, and its catalogue, built once (for its figures). */
	private record Fetched(TokenDocument document, Instant fetchedAt, TokenCatalog catalog) {
	}

	private Fetched fetched(ArtworkPool pool, TokenDocument document, Instant at) {
		return new Fetched(document, at, TokenCatalog.of(pool.toString(), document, this.excludeUnresolved));
	}

	/** @param artists the union's artists with images, counted before a round's minimum of three */
	private record Union(TokenCatalog catalog, @Nullable String missing, int artists) {
	}

	private static boolean fetchedKind(ArtworkPool pool) {
		return pool.kind() == ArtworkPool.Kind.WALLET || pool.kind() == ArtworkPool.Kind.COLLECTION;
	}

	/**
	 * The pools' union, from the last one built while neither a pool's copy nor the operator's catalogue
	 * changed: building one computes its artists' similarity, which is not for every game's start.
	 */
	private Union union(List<ArtworkPool> pools) {
		String name = name(pools);
		long generation = this.generation.get();
		TokenCatalog defaults = this.defaults.current();
		Built built = this.unions.get(name);
		if (built != null && built.generation() == generation && built.defaults() == defaults) {
			return built.union();
		}
		Union union = build(pools);
		if (union.missing() == null && this.generation.get() == generation) {
			this.unions.put(name, new Built(generation, defaults, union));
		}
		return union;
	}

	/** A pool's copy changed: the unions built before are stale. */
	private void changed() {
		this.generation.incrementAndGet();
		this.unions.clear();
	}

	/** A union as built for these copies and this catalogue of the operator's. */
	private record Built(long generation, TokenCatalog defaults, Union union) {
	}

	/** Bumped each time a pool's copy changes (fetched, read from the cache, dropped). */
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	private final Map<String, Built> unions = new ConcurrentHashMap<>();

	/** The pools' union from what is fetched, or why it cannot be made. */
	private Union build(List<ArtworkPool> pools) {
		String name = name(pools);
		TokenCatalog defaults = this.defaults.current();
		Map<String, Token> tokens = new LinkedHashMap<>();
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		Set<String> drawable = new HashSet<>();
		List<Predicate<Token>> featured = new ArrayList<>();
		for (ArtworkPool pool : pools) {
			switch (pool.kind()) {
				case DEFAULT -> {
					addAll(tokens, artists, defaults.playable(), defaults.artistInfos());
					defaults.playable().forEach((token) -> drawable.add(TokenCatalog.key(token)));
				}
				case ARTIST -> {
					// The other buttons come from the operator's catalogue: it joins the union, drawn from
					// only where the artist made the token.
					addAll(tokens, artists, defaults.playable(), defaults.artistInfos());
					featured.add(byArtist(pool.target(), defaults));
				}
				case WALLET, COLLECTION -> {
					Fetched copy = copyOf(pool);
					if (copy == null) {
						return new Union(TokenCatalog.empty(name), "the pool " + pool + " is not fetched yet"
								+ ((this.source == null) ? " (this bot plays the demo catalogue, which has no wallets)" : ""), 0);
					}
					addAll(tokens, artists, copy.document().tokens(), copy.document().artistInfo());
					copy.document().tokens().forEach((token) -> drawable.add(TokenCatalog.key(token)));
				}
			}
		}
		TokenDocument document = new TokenDocument(IsoTime.format(this.clock.instant()), tokens.size(),
				List.copyOf(tokens.values()), artists);
		TokenCatalog all = TokenCatalog.of(name, document, this.excludeUnresolved);
		boolean everything = featured.isEmpty();
		return new Union(everything ? all : all.drawingOnly(name, (token) -> drawable.contains(TokenCatalog.key(token))
				|| featured.stream().anyMatch((by) -> by.test(token))), null,
				TokenCatalog.artistsKept(document, this.excludeUnresolved));
	}

	private static void addAll(Map<String, Token> tokens, Map<String, ArtistInfo> artists, Collection<Token> more,
			Map<String, ArtistInfo> infos) {
		for (Token token : more) {
			tokens.putIfAbsent(TokenCatalog.key(token), token);
		}
		infos.forEach(artists::putIfAbsent);
	}

	/** Tokens by the artist named by address, shown name, alias or Tezos domain (case aside). */
	static Predicate<Token> byArtist(String target, TokenCatalog catalog) {
		Set<String> addresses = new HashSet<>();
		String wanted = target.toLowerCase(Locale.ROOT);
		for (String address : catalog.artists()) {
			ArtistInfo info = catalog.artistInfo(address);
			boolean named = address.equals(target) || catalog.displayName(address).toLowerCase(Locale.ROOT).equals(wanted)
					|| (info != null && info.info() != null
							&& (wanted.equals(lower(info.info().alias())) || wanted.equals(lower(info.info().tzdomain()))));
			if (named) {
				addresses.add(address);
			}
		}
		if (addresses.isEmpty()) {
			addresses.add(target);
		}
		return (token) -> addresses.contains(token.primaryArtist());
	}

	private static @Nullable String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	/** Why a catalogue cannot make a game of this size, or null when it can. */
	private static @Nullable String unfit(Union union, int choices, int rounds) {
		TokenCatalog catalog = union.catalog();
		int artists = Math.max(catalog.artists().size(), union.artists());
		if (artists < choices) {
			return "it has " + artists + " artist" + ((artists == 1) ? "" : "s") + " with images, and a round shows "
					+ choices + " to choose from";
		}
		int tokens = catalog.playable().size();
		if (tokens < rounds) {
			return "it has " + tokens + " artwork" + ((tokens == 1) ? "" : "s") + " to draw from, and a game needs "
					+ rounds;
		}
		return null;
	}

	/** The pools' canonical list, as stored and as a game keeps it. */
	public static String name(List<ArtworkPool> pools) {
		return String.join(",", pools.stream().map(ArtworkPool::toString).toList());
	}

	private static List<ArtworkPool> parse(@Nullable String setting) {
		if (setting == null || setting.isBlank()) {
			return List.of();
		}
		try {
			return ArtworkPool.parseList(setting, Integer.MAX_VALUE);
		}
		catch (IllegalArgumentException ex) {
			// Stored values were checked when set; one that no longer reads plays the default.
			return List.of();
		}
	}

	/** Makes sure a pool is fetched and, with {@code fresh}, not older than the refresh period. */
	private void ensure(ArtworkPool pool, boolean fresh) throws InterruptedException {
		Object lock = this.fetchLocks.computeIfAbsent(pool, (key) -> new Object());
		synchronized (lock) {
			Fetched copy = copyOf(pool);
			Instant now = this.clock.instant();
			if (copy != null && (!fresh || copy.fetchedAt().plus(this.refreshAfter).isAfter(now))) {
				return;
			}
			if (this.source == null) {
				throw new TokenSourceException("this bot plays the demo catalogue (artwork.source: demo), so it "
						+ "fetches no wallet or collection; use default or artist:<name>");
			}
			Map<String, ArtistInfo> known = new LinkedHashMap<>(this.defaults.current().artistInfos());
			this.fetched.values().forEach((other) -> other.document().artistInfo().forEach(known::putIfAbsent));
			TokenDocument document;
			try {
				document = this.source.fetch(pool, this.properties.maxTokens(), known);
			}
			catch (TokenSourceException ex) {
				this.lastErrors.put(pool, ex.getMessage());
				throw ex;
			}
			this.lastErrors.remove(pool);
			this.fetched.put(pool, fetched(pool, document, now));
			changed();
			if (this.cache != null) {
				this.cache.savePool(pool.toString(), document);
			}
		}
		for (Runnable listener : this.fetchListeners) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				log.warn("A listener of fetched pools failed", ex);
			}
		}
	}

	/** The pool's copy in memory, else in the token cache (after a restart), else null. Fetches nothing. */
	private @Nullable Fetched copyOf(ArtworkPool pool) {
		Fetched copy = this.fetched.get(pool);
		if (copy != null) {
			return copy;
		}
		try {
			copy = fromCache(pool).orElse(null);
		}
		catch (StorageException ex) {
			log.warn("The cached copy of artwork pool {} could not be read: {}", pool, ex.getMessage());
			return null;
		}
		if (copy != null && this.fetched.putIfAbsent(pool, copy) == null) {
			changed();
		}
		return copy;
	}

	private Optional<Fetched> fromCache(ArtworkPool pool) {
		if (this.cache == null) {
			return Optional.empty();
		}
		return this.cache.loadPool(pool.toString()).map((document) -> fetched(pool, document, fetchedAt(document)));
	}

	/** When a cached document was fetched: its {@code lastUpdated}, or long ago when that does not read. */
	private static Instant fetchedAt(TokenDocument document) {
		try {
			return Instant.parse(document.lastUpdated());
		}
		catch (RuntimeException ex) {
			return Instant.EPOCH;
		}
	}

}
