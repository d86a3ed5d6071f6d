package org.namethatartist.artwork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The artworks a game can draw from, built once from a {@link TokenDocument} and immutable after that.
 * A token is playable when it has an image, its artist is kept (with {@code exclude-unresolved-artists},
 * only artists with an alias or a Tezos domain are), and at least two other kept artists exist to be
 * shown beside it. Tokens are identified by {@link #key(Token)}.
 */
public final class TokenCatalog {

	/** Artists with at least this many others make a round (the original's minimum of three buttons). */
	static final int MIN_OTHER_ARTISTS = 2;

	private final String source;

	private final List<Token> playable;

	private final Map<String, Token> byKey;

	private final List<String> artists;

	private final Map<String, ArtistInfo> artistInfo;

	private final ArtistSimilarity similarity;

	private TokenCatalog(String source, List<Token> playable, List<String> artists, Map<String, ArtistInfo> artistInfo) {
		this(source, playable, artists, artistInfo, null);
	}

	private TokenCatalog(String source, List<Token> playable, List<String> artists, Map<String, ArtistInfo> artistInfo,
			ArtistSimilarity similarity) {
		this.source = source;
		this.playable = List.copyOf(playable);
		Map<String, Token> byKey = new LinkedHashMap<>();
		for (Token token : playable) {
			byKey.putIfAbsent(key(token), token);
		}
		this.byKey = Collections.unmodifiableMap(byKey);
		this.artists = List.copyOf(artists);
		this.artistInfo = artistInfo;
		this.similarity = (similarity != null) ? similarity : ArtistSimilarity.of(this.playable, this.artists, artistInfo);
	}

	/**
	 * This catalogue with rounds drawn only from the tokens {@code drawable} keeps (a featured artist's);
	 * the buttons, the names and the similarity of artists still come from all of this catalogue's artists.
	 * @param source what the new catalogue is called, shown to operators
	 */
	public TokenCatalog drawingOnly(String source, java.util.function.Predicate<Token> drawable) {
		List<Token> kept = this.playable.stream().filter(drawable).toList();
		return new TokenCatalog(source, kept, this.artists, this.artistInfo, this.similarity);
	}

	/**
	 * The playable tokens of a document.
	 * @param source where the document came from ({@code objkt}, {@code demo}), shown to operators
	 * @param excludeUnresolvedArtists drop artists with neither alias nor Tezos domain, and their tokens
	 */
	public static TokenCatalog of(String source, TokenDocument document, boolean excludeUnresolvedArtists) {
		List<Token> candidates = new ArrayList<>();
		Set<String> artists = new LinkedHashSet<>();
		keep(document, excludeUnresolvedArtists, candidates, artists);
		List<Token> playable = (artists.size() > MIN_OTHER_ARTISTS) ? candidates : List.of();
		List<String> artistList = (artists.size() > MIN_OTHER_ARTISTS) ? new ArrayList<>(artists) : List.of();
		return new TokenCatalog(source, playable, artistList, document.artistInfo());
	}

	/**
	 * How many artists of a document would be kept, before the minimum a round needs: for a message saying
	 * why a small pool makes no catalogue.
	 */
	public static int artistsKept(TokenDocument document, boolean excludeUnresolvedArtists) {
		Set<String> artists = new LinkedHashSet<>();
		keep(document, excludeUnresolvedArtists, new ArrayList<>(), artists);
		return artists.size();
	}

	/** The tokens with an image and a kept artist, once each, and their artists. */
	private static void keep(TokenDocument document, boolean excludeUnresolvedArtists, List<Token> candidates,
			Set<String> artists) {
		Set<String> seenKeys = new LinkedHashSet<>();
		for (Token token : document.tokens()) {
			String artist = token.primaryArtist();
			if (artist == null || artist.isBlank() || token.shownImageUrl() == null || token.tokenId() == null) {
				continue;
			}
			if (excludeUnresolvedArtists && !resolved(document.artistInfo().get(artist))) {
				continue;
			}
			if (seenKeys.add(key(token))) {
				candidates.add(token);
				artists.add(artist);
			}
		}
	}

	/** A catalogue with nothing to play. */
	public static TokenCatalog empty(String source) {
		return new TokenCatalog(source, List.of(), List.of(), Map.of());
	}

	/** How a token is named in game states and links: {@code contract:tokenId}. */
	public static String key(Token token) {
		return token.contract() + ":" + token.tokenId();
	}

	public String source() {
		return this.source;
	}

	/** The tokens a round can show, in the document's order. */
	public List<Token> playable() {
		return this.playable;
	}

	/** The distinct artists of the playable tokens. */
	public List<String> artists() {
		return this.artists;
	}

	public Optional<Token> find(String key) {
		return Optional.ofNullable(this.byKey.get(key));
	}

	/**
	 * {@code count} distinct playable tokens in random order.
	 * @throws IllegalArgumentException when {@code count} is negative or fewer than {@code count} tokens are
	 * playable
	 */
	public List<Token> draw(int count, RandomGenerator random) {
		if (count < 0) {
			throw new IllegalArgumentException("cannot draw " + count + " artworks");
		}
		if (count > this.byKey.size()) {
			throw new IllegalArgumentException(
					"only " + this.byKey.size() + " artworks can be played, " + count + " were asked for");
		}
		List<Token> pool = new ArrayList<>(this.byKey.values());
		// A partial Fisher-Yates shuffle: the first count places are a uniform draw without repeats.
		for (int i = 0; i < count; i++) {
			Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
		}
		return List.copyOf(pool.subList(0, count));
	}

	/**
	 * The artists on a round's buttons: the token's artist and up to {@code choices - 1} distinct others,
	 * shuffled. Fewer when the catalogue has fewer artists, but never fewer than three when {@code choices}
	 * is three or more, since a catalogue with playable tokens has at least three artists.
	 * @throws IllegalArgumentException when {@code choices} is less than 1
	 */
	public List<String> choices(Token token, int choices, RandomGenerator random) {
		if (choices < 1) {
			throw new IllegalArgumentException("a round needs at least 1 choice, " + choices + " were asked for");
		}
		String artist = token.primaryArtist();
		List<String> others = new ArrayList<>(this.artists);
		others.remove(artist);
		int take = Math.min(choices - 1, others.size());
		for (int i = 0; i < take; i++) {
			Collections.swap(others, i, i + random.nextInt(others.size() - i));
		}
		List<String> result = new ArrayList<>(others.subList(0, take));
		result.add(artist);
		for (int i = result.size() - 1; i > 0; i--) {
			Collections.swap(result, i, random.nextInt(i + 1));
		}
		return List.copyOf(result);
	}

	/**
	 * The artists on a round's buttons at a difficulty: {@link Difficulty#EASY} as
	 * {@link #choices(Token, int, RandomGenerator)}; {@link Difficulty#NORMAL} with one of the others drawn
	 * among the right artist's most similar ({@link ArtistSimilarity}), the rest at random;
	 * {@link Difficulty#HARD} with all of them drawn among the most similar, ties at random, and the
	 * rest at random when fewer are similar at all. Reads precomputed lists: O(choices) but for ties.
	 */
	public List<String> choices(Token token, int choices, Difficulty difficulty, RandomGenerator random) {
		if (difficulty == Difficulty.EASY) {
			return choices(token, choices, random);
		}
		if (choices < 1) {
			throw new IllegalArgumentException("a round needs at least 1 choice, " + choices + " were asked for");
		}
		String artist = token.primaryArtist();
		int take = Math.min(choices - 1, Math.max(0, this.artists.size() - (this.artists.contains(artist) ? 1 : 0)));
		List<ArtistSimilarity.Similar> ranked = this.similarity.ranked(artist);
		List<String> result = new ArrayList<>(choices);
		if (take > 0 && !ranked.isEmpty()) {
			int similar = (difficulty == Difficulty.HARD) ? Math.min(take, ranked.size()) : 1;
			// The pool: the first `similar` entries and every entry tied with the last of them.
			int cutoff = ranked.get(similar - 1).score();
			int pool = similar;
			while (pool < ranked.size() && ranked.get(pool).score() == cutoff) {
				pool++;
			}
			if (difficulty == Difficulty.NORMAL) {
				pool = Math.min(ranked.size(), Math.max(pool, choices));
			}
			List<String> candidates = new ArrayList<>(pool);
			for (int i = 0; i < pool; i++) {
				candidates.add(ranked.get(i).artist());
			}
			// Entries above the cutoff always go in; the rest of the places are drawn among the pool's tail.
			int fixed = 0;
			if (difficulty == Difficulty.HARD) {
				while (fixed < similar && ranked.get(fixed).score() > cutoff) {
					fixed++;
				}
			}
			for (int i = fixed; i < similar; i++) {
				Collections.swap(candidates, i, i + random.nextInt(pool - i));
			}
			result.addAll(candidates.subList(0, similar));
		}
		while (result.size() < take) {
			String other = this.artists.get(random.nextInt(this.artists.size()));
			if (!other.equals(artist) && !result.contains(other)) {
				result.add(other);
			}
		}
		result.add(artist);
		for (int i = result.size() - 1; i > 0; i--) {
			Collections.swap(result, i, random.nextInt(i + 1));
		}
		return List.copyOf(result);
	}

	/** How alike the catalogue's artists are, computed when it was built. */
	public ArtistSimilarity similarity() {
		return this.similarity;
	}

	/** Everything the catalogue knows of its artists, by address (the document's, artists left out included). */
	public Map<String, ArtistInfo> artistInfos() {
		return this.artistInfo;
	}

	/** What the catalogue knows of an artist, or null. */
	public ArtistInfo artistInfo(String address) {
		return this.artistInfo.get(address);
	}

	/** The name players see: the stored display name, else alias, else Tezos domain, else a short address. */
	public String displayName(String address) {
		ArtistInfo info = this.artistInfo.get(address);
		if (info != null) {
			if (!isBlank(info.displayName())) {
				return info.displayName();
			}
			if (info.info() != null && !isBlank(info.info().alias())) {
				return info.info().alias();
			}
			if (info.info() != null && !isBlank(info.info().tzdomain())) {
				return info.info().tzdomain();
			}
		}
		return shortAddress(address);
	}

	/** {@code tz1abcd...wxyz}: the first seven and the last four characters of a long address. */
	public static String shortAddress(String address) {
		return (address.length() > 14) ? address.substring(0, 7) + "..." + address.substring(address.length() - 4)
				: address;
	}

	/**
	 * Where players can see a token: its objkt.com page for Tezos contracts ({@code KT1…}), its Wikimedia
	 * Commons page for the demo catalogue.
	 */
	public static String link(Token token) {
		if (DemoTokens.CONTRACT.equals(token.contract())) {
			return DemoTokens.pageUrl(token.tokenId());
		}
		return "https://objkt.com/tokens/" + token.contract() + "/" + token.tokenId();
	}

	private static boolean resolved(ArtistInfo info) {
		return info != null && (info.hasResolution() || (info.info() != null
				&& (!isBlank(info.info().alias()) || !isBlank(info.info().tzdomain()))));
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
