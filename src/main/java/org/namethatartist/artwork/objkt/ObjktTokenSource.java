package org.namethatartist.artwork.objkt;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.namethatartist.IsoTime;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.ArtworkPool;
import org.namethatartist.artwork.ArtworkProperties;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.PoolSource;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.artwork.TokenSource;
import org.namethatartist.artwork.TokenSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The tokens held by the configured wallets on objkt.com, read from its public GraphQL API as the
 * original bot read them: each wallet's held tokens, {@value #PAGE} at a time until a shorter page, then
 * one query per distinct artist (a token's first creator). The rules of the original: {@code ipfs://}
 * addresses go through the gateway; the small image is the thumbnail, else the display image, else the
 * artifact, and the full image the display image, else the artifact, else the thumbnail; tokens with no
 * image or no creator are left out; an artist's name is the alias, else the Tezos domain, else the short
 * address.
 *
 * <p>All or nothing: any query that fails after its retries fails the whole fetch.
 *
 * <p>The same client reads servers' own pools ({@link PoolSource}): a wallet's held tokens by the same
 * query, a collection's tokens with a supply by {@link #COLLECTION_TOKENS_QUERY}. Both go through the one
 * {@link RequestPacer}, so {@code artwork.objkt.requests-per-second} bounds the whole bot.
 */
public final class ObjktTokenSource implements TokenSource, PoolSource {

	/** Tokens asked for per page, as the original did. */
	static final int PAGE = 100;

	/** A wallet with more pages than this is taken for a server ignoring {@code offset}. */
	static final int MAX_PAGES = 1_000;

	static final String HELD_TOKENS_QUERY = """
			query HeldTokens($address: String!, $limit: Int!, $offset: Int!) {
			  holder(where: {address: {_eq: $address}}) {
			    held_tokens(limit: $limit, offset: $offset, distinct_on: token_pk, order_by: {token_pk: asc}, \
			where: {quantity: {_gt: 0}}) {
			      token {
			        token_id name description artifact_uri display_uri thumbnail_uri fa_contract
			        creators { creator_address }
			        timestamp mime tags { tag { name } }
			      }
			    }
			  }
			}""";

	static final String COLLECTION_TOKENS_QUERY = """
			query CollectionTokens($contract: String!, $limit: Int!, $offset: Int!) {
			  token(limit: $limit, offset: $offset, order_by: {token_pk: asc}, \
			where: {fa_contract: {_eq: $contract}, supply: {_gt: "0"}}) {
			    token_id name description artifact_uri display_uri thumbnail_uri fa_contract
			    creators { creator_address }
			    timestamp mime tags { tag { name } }
			  }
			}""";

	/** Profiles of many artists at once, for pools: up to {@value #ARTISTS_PER_QUERY} addresses a query. */
	static final String ARTISTS_QUERY = """
			query Artists($addresses: [String!]!) {
			  holder(where: {address: {_in: $addresses}}) {
			    address alias tzdomain description logo
			  }
			}""";

	static final int ARTISTS_PER_QUERY = 100;

	static final String ARTIST_QUERY = """
			query Artist($address: String!) {
			  holder(where: {address: {_eq: $address}}) {
			    address alias tzdomain description logo
			  }
			}""";

	private static final Logger log = LoggerFactory.getLogger(ObjktTokenSource.class);

	private final List<String> wallets;

	private final String gateway;

	private final GraphqlClient client;

	private final Clock clock;

	ObjktTokenSource(ArtworkProperties.Objkt settings, GraphqlClient client, Clock clock) {
		this.wallets = List.copyOf(settings.wallets());
		this.gateway = settings.ipfsGateway().toString();
		this.client = client;
		this.clock = clock;
	}

	/**
	 * The source as the application runs it: connect timeout 5 s, read timeout 20 s, the default retries,
	 * on the system's time.
	 */
	public static ObjktTokenSource create(ArtworkProperties.Objkt settings) {
		return create(settings, Duration.ofSeconds(5), Duration.ofSeconds(20), Retries.DEFAULT, Ticker.SYSTEM,
				Clock.systemUTC());
	}

	static ObjktTokenSource create(ArtworkProperties.Objkt settings, Duration connectTimeout, Duration readTimeout,
			Retries retries, Ticker ticker, Clock clock) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
		requests.setReadTimeout(readTimeout);
		RestClient http = RestClient.builder()
			.requestFactory(requests)
			.defaultHeader("User-Agent", "name-that-artist (Discord game; objkt.com reader)")
			.build();
		RequestPacer pacer = new RequestPacer(settings.requestsPerSecond(), ticker);
		return new ObjktTokenSource(settings, new GraphqlClient(settings.url(), http, pacer, retries, ticker), clock);
	}

	@Override
	public String name() {
		return "objkt";
	}

	@Override
	public TokenDocument fetch() throws InterruptedException {
		long startedAt = System.nanoTime();
		long requestsBefore = this.client.requests();
		Map<String, Token> tokens = new LinkedHashMap<>();
		int held = 0;
		int withoutImage = 0;
		for (String wallet : this.wallets) {
			for (int page = 0;; page++) {
				if (page == MAX_PAGES) {
					throw new TokenSourceException("objkt.com gave " + MAX_PAGES + " full pages of tokens for " + wallet
							+ "; it seems to ignore the offset");
				}
				int offset = page * PAGE;
				JsonNode heldTokens = heldTokens(wallet, offset);
				for (JsonNode heldToken : heldTokens) {
					held++;
					Token token = token(heldToken.path("token"));
					if (token == null) {
						withoutImage++;
					}
					else {
						tokens.putIfAbsent(TokenCatalog.key(token), token);
					}
				}
				if (heldTokens.size() < PAGE) {
					break;
				}
			}
		}
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (Token token : tokens.values()) {
			if (!artists.containsKey(token.primaryArtist())) {
				artists.put(token.primaryArtist(), artist(token.primaryArtist()));
			}
		}
		List<Token> list = new ArrayList<>(tokens.values());
		long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
		log.info("objkt.com: {} tokens held by {} wallet(s), {} kept ({} without an image or a creator left out), "
				+ "by {} artists; {} requests in {} s", held, this.wallets.size(), list.size(), withoutImage,
				artists.size(), this.client.requests() - requestsBefore, seconds);
		return new TokenDocument(IsoTime.format(this.clock.instant()), list.size(), list, artists);
	}

	@Override
	public TokenDocument fetch(ArtworkPool pool, int maxTokens, Map<String, ArtistInfo> known)
			throws InterruptedException {
		if (pool.kind() != ArtworkPool.Kind.WALLET && pool.kind() != ArtworkPool.Kind.COLLECTION) {
			throw new TokenSourceException("objkt.com has no pool of kind " + pool.kind().prefix());
		}
		if (maxTokens < 1) {
			throw new IllegalArgumentException("maxTokens must be 1 or more, not " + maxTokens);
		}
		long requestsBefore = this.client.requests();
		Map<String, Token> tokens = new LinkedHashMap<>();
		for (int page = 0; tokens.size() < maxTokens; page++) {
			if (page == MAX_PAGES) {
				throw new TokenSourceException("objkt.com gave " + MAX_PAGES + " full pages of tokens for pool " + pool
						+ "; it seems to ignore the offset");
			}
			int offset = page * PAGE;
			JsonNode found = (pool.kind() == ArtworkPool.Kind.WALLET) ? heldTokens(pool.target(), offset)
					: collectionTokens(pool.target(), offset);
			for (JsonNode node : found) {
				Token token = token((pool.kind() == ArtworkPool.Kind.WALLET) ? node.path("token") : node);
				if (token != null && tokens.size() < maxTokens) {
					tokens.putIfAbsent(TokenCatalog.key(token), token);
				}
			}
			if (found.size() < PAGE) {
				break;
			}
		}
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (Token token : tokens.values()) {
			String address = token.primaryArtist();
			if (!artists.containsKey(address)) {
				ArtistInfo already = known.get(address);
				artists.put(address, already);
				if (already == null) {
					unknown.add(address);
				}
			}
		}
		// A pool may hold thousands of artists: their profiles are asked a hundred at a time.
		for (int from = 0; from < unknown.size(); from += ARTISTS_PER_QUERY) {
			artists.putAll(artists(unknown.subList(from, Math.min(unknown.size(), from + ARTISTS_PER_QUERY))));
		}
		List<Token> list = new ArrayList<>(tokens.values());
		log.info("objkt.com: pool {}: {} tokens with an image by {} artists; {} requests", pool, list.size(),
				artists.size(), this.client.requests() - requestsBefore);
		return new TokenDocument(IsoTime.format(this.clock.instant()), list.size(), list, artists);
	}

	/** A page's variables: the address under {@code name}, a page's size and its offset. */
	private static Map<String, Object> page(String name, String address, int offset) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(name, address);
		variables.put("limit", PAGE);
		variables.put("offset", offset);
		return variables;
	}

	private JsonNode collectionTokens(String contract, int offset) throws InterruptedException {
		String what = "page " + (offset / PAGE + 1) + " of the tokens of collection " + contract;
		JsonNode found = this.client.query(what, COLLECTION_TOKENS_QUERY, page("contract", contract, offset))
			.path("token");
		if (!found.isArray()) {
			throw new TokenSourceException("objkt.com's answer to " + what + " has no token list");
		}
		return found;
	}

	private JsonNode heldTokens(String wallet, int offset) throws InterruptedException {
		String what = "page " + (offset / PAGE + 1) + " of the tokens held by " + wallet;
		JsonNode holders = this.client.query(what, HELD_TOKENS_QUERY, page("address", wallet, offset)).path("holder");
		if (!holders.isArray()) {
			throw new TokenSourceException("objkt.com's answer to " + what + " has no holder list");
		}
		if (holders.isEmpty()) {
			// objkt.com knows no such wallet: it holds nothing.
			return holders;
		}
		JsonNode heldTokens = holders.get(0).path("held_tokens");
		if (!heldTokens.isArray()) {
			throw new TokenSourceException("objkt.com's answer to " + what + " has no held_tokens list");
		}
		return heldTokens;
	}

	/** The profiles of these artists, in one query; an address objkt.com does not know gets its short form. */
	private Map<String, ArtistInfo> artists(List<String> addresses) throws InterruptedException {
		String what = "the profiles of " + addresses.size() + " artists";
		JsonNode holders = this.client.query(what, ARTISTS_QUERY, Map.of("addresses", addresses)).path("holder");
		if (!holders.isArray()) {
			throw new TokenSourceException("objkt.com's answer to " + what + " has no holder list");
		}
		Map<String, JsonNode> byAddress = new LinkedHashMap<>();
		for (JsonNode holder : holders) {
			byAddress.put(text(holder.path("address")), holder);
		}
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (String address : addresses) {
			JsonNode holder = byAddress.getOrDefault(address, tools.jackson.databind.node.MissingNode.getInstance());
			artists.put(address, artistInfo(address, profile(holder)));
		}
		return artists;
	}

	private ArtistInfo artist(String address) throws InterruptedException {
		String what = "the profile of artist " + address;
		JsonNode holders = this.client.query(what, ARTIST_QUERY, Map.of("address", address)).path("holder");
		if (!holders.isArray()) {
			throw new TokenSourceException("objkt.com's answer to " + what + " has no holder list");
		}
		return artistInfo(address, profile(holders.path(0)));
	}

	/** A holder's profile as objkt.com answers it; every member missing when it does not know the address. */
	private static ArtistProfile profile(JsonNode holder) {
		return new ArtistProfile(text(holder.path("tzdomain")), text(holder.path("alias")),
				text(holder.path("description")), text(holder.path("logo")));
	}

	/** The name players see and whether it is a real one: the alias, else the Tezos domain, else the address. */
	static ArtistInfo artistInfo(String address, ArtistProfile profile) {
		if (!isBlank(profile.alias())) {
			return new ArtistInfo(profile.alias(), true, profile);
		}
		if (!isBlank(profile.tzdomain())) {
			return new ArtistInfo(profile.tzdomain(), true, profile);
		}
		return new ArtistInfo(TokenCatalog.shortAddress(address), false, profile);
	}

	/** A held token as {@code tokens.json} keeps it, or null when it has no image, no creator or no id. */
	@Nullable Token token(JsonNode token) {
		String tokenId = text(token.path("token_id"));
		String contract = text(token.path("fa_contract"));
		String thumbnail = image(text(token.path("thumbnail_uri")));
		String display = image(text(token.path("display_uri")));
		String artifact = image(text(token.path("artifact_uri")));
		String imageUrl = firstOf(thumbnail, display, artifact);
		String fullImageUrl = firstOf(display, artifact, thumbnail);
		Set<String> creators = new LinkedHashSet<>();
		for (JsonNode creator : token.path("creators")) {
			String address = text(creator.path("creator_address"));
			if (!isBlank(address)) {
				creators.add(address);
			}
		}
		if (imageUrl == null || creators.isEmpty() || isBlank(tokenId) || isBlank(contract)) {
			return null;
		}
		String name = text(token.path("name"));
		String description = text(token.path("description"));
		List<String> artists = List.copyOf(creators);
		List<String> tags = new ArrayList<>();
		for (JsonNode tag : token.path("tags")) {
			String tagName = text(tag.path("tag").path("name"));
			if (!isBlank(tagName)) {
				tags.add(tagName);
			}
		}
		return new Token(tokenId, isBlank(name) ? "Untitled" : name, (description != null) ? description : "",
				imageUrl, fullImageUrl, artists, artists.get(0), contract, text(token.path("timestamp")), tags,
				text(token.path("mime")));
	}

	/**
	 * An address an image can be loaded from: {@code ipfs://CID} (or {@code ipfs://ipfs/CID}) through the
	 * gateway, {@code http(s)} as it is; anything else ({@code data:}, {@code ar://}, none) is no image.
	 */
	@Nullable String image(@Nullable String uri) {
		if (isBlank(uri)) {
			return null;
		}
		String trimmed = uri.strip();
		if (trimmed.regionMatches(true, 0, "ipfs://", 0, 7)) {
			String path = trimmed.substring(7);
			if (path.startsWith("ipfs/")) {
				path = path.substring(5);
			}
			return path.isEmpty() ? null : this.gateway + path;
		}
		if (trimmed.regionMatches(true, 0, "https://", 0, 8) || trimmed.regionMatches(true, 0, "http://", 0, 7)) {
			return trimmed;
		}
		return null;
	}

	private static @Nullable String firstOf(@Nullable String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** A string member, or null when it is missing, null or not text (numbers are read as text). */
	private static @Nullable String text(JsonNode node) {
		return (node.isString() || node.isNumber()) ? node.asString() : null;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
