package org.namethatartist.artwork;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One artwork pool a server's games may draw from, as a moderator writes it: {@code default} (the
 * operator's wallets), {@code wallet:<tz address>}, {@code collection:<KT1 contract>} or
 * {@code artist:<tz address or alias>} (a filter on the default wallets). This is only the value's form
 * and its checks; fetching a pool and drawing from it are not built yet (see docs/server-settings.md).
 *
 * @param kind what the pool is
 * @param target the address, contract or artist; empty for {@link Kind#DEFAULT}
 */
public record ArtworkPool(Kind kind, String target) {

	/** The kinds of pool, by the prefix moderators type. */
	public enum Kind {

		DEFAULT("default"), WALLET("wallet"), COLLECTION("collection"), ARTIST("artist");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		public String prefix() {
			return this.prefix;
		}

	}

	/** The default pool: the operator's {@code artwork.objkt.wallets}. */
	public static final ArtworkPool DEFAULT = new ArtworkPool(Kind.DEFAULT, "");

	private static final String BASE58 = "[1-9A-HJ-NP-Za-km-z]";

	private static final Pattern WALLET = Pattern.compile("tz[1-4]" + BASE58 + "{33}");

	private static final Pattern CONTRACT = Pattern.compile("KT1" + BASE58 + "{33}");

	/** The longest artist alias accepted. */
	public static final int MAX_ALIAS = 64;

	/** The canonical text, as stored and shown: {@code default} or {@code kind:target}. */
	@Override
	public String toString() {
		return (this.kind == Kind.DEFAULT) ? "default" : this.kind.prefix + ":" + this.target;
	}

	/**
	 * Reads one pool or a comma-separated list of at most {@code maxPerServer}, duplicates dropped.
	 * @throws IllegalArgumentException with a message for the moderator naming every problem
	 */
	public static List<ArtworkPool> parseList(String text, int maxPerServer) {
		List<String> problems = new ArrayList<>();
		Set<ArtworkPool> pools = new LinkedHashSet<>();
		for (String part : (text == null ? "" : text).split(",", -1)) {
			String item = part.strip();
			if (item.isEmpty()) {
				continue;
			}
			try {
				pools.add(parse(item));
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		if (pools.isEmpty() && problems.isEmpty()) {
			problems.add("name at least one pool: default, wallet:<tz address>, collection:<KT1 contract> "
					+ "or artist:<tz address or alias>");
		}
		if (pools.size() > maxPerServer) {
			problems.add("at most " + maxPerServer + " pools per server, not " + pools.size());
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return List.copyOf(pools);
	}

	/**
	 * Reads one pool.
	 * @throws IllegalArgumentException with a message for the moderator saying what is allowed
	 */
	public static ArtworkPool parse(String text) {
		String item = text.strip();
		if (item.equalsIgnoreCase("default")) {
			return DEFAULT;
		}
		int colon = item.indexOf(':');
		String prefix = (colon < 0) ? item : item.substring(0, colon).strip().toLowerCase(Locale.ROOT);
		String target = (colon < 0) ? "" : item.substring(colon + 1).strip();
		return switch (prefix) {
			case "wallet" -> {
				require(WALLET.matcher(target).matches(), "`" + shown(item) + "`: a wallet is a Tezos address (tz1, tz2, tz3 or tz4 and 33 more characters)");
				yield new ArtworkPool(Kind.WALLET, target);
			}
			case "collection" -> {
				require(CONTRACT.matcher(target).matches(), "`" + shown(item) + "`: a collection is a contract address (KT1 and 33 more characters)");
				yield new ArtworkPool(Kind.COLLECTION, target);
			}
			case "artist" -> {
				boolean address = WALLET.matcher(target).matches();
				require(address || (!target.isEmpty() && target.length() <= MAX_ALIAS
						&& target.codePoints().noneMatch(Character::isISOControl)),
						"`" + shown(item) + "`: an artist is a Tezos address or an alias of 1 to " + MAX_ALIAS + " characters");
				yield new ArtworkPool(Kind.ARTIST, target);
			}
			default -> throw new IllegalArgumentException("`" + shown(item)
					+ "` is not a pool: use default, wallet:<tz address>, collection:<KT1 contract> or artist:<tz address or alias>");
		};
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/** The moderator's text, cut short and without control characters, to quote back. */
	private static String shown(String item) {
		String clean = item.replaceAll("[\\p{Cntrl}`]", "");
		return (clean.length() > 80) ? clean.substring(0, 80) + "…" : clean;
	}

}
