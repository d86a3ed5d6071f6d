package org.namethatartist.artwork;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike two artists of a catalogue are, computed once when the catalogue is built, so that drawing a
 * round's choices only reads a ranked list.
 *
 * <p>Signals and weights (a pair's score is the sum):
 * <ul>
 * <li>the same collection contract (a token of each; the demo's one shared contract does not count): 3</li>
 * <li>mint dates close together (the median mint dates of their tokens within {@value #CLOSE_DAYS} days): 2</li>
 * <li>shared objkt.com tags (case aside): 1 each, at most 3</li>
 * <li>the same media type (image, GIF or video, from a token's mime type): 1</li>
 * <li>the same movement (the demo's painters): 3</li>
 * <li>the same century (the demo's painters): 2</li>
 * </ul>
 * A signal unknown for either artist counts nothing. Each artist keeps the {@value #KEPT} most similar
 * others with a score above zero, most similar first; ties keep the catalogue's order.
 */
public final class ArtistSimilarity {

	static final int CLOSE_DAYS = 180;

	static final int KEPT = 32;

	static final int CONTRACT = 3;

	static final int MINT_DATE = 2;

	static final int TAG = 1;

	static final int MAX_TAGS = 3;

	static final int MEDIA = 1;

	static final int MOVEMENT = 3;

	static final int CENTURY = 2;

	/** What the catalogue knows of one artist, gathered from its tokens and its entry in artistInfo. */
	record Traits(Set<String> contracts, Set<String> tags, Set<String> media, Instant minted, String movement,
			Integer century) {
	}

	/** One other artist and how alike it is. */
	public record Similar(String artist, int score) {
	}

	private final Map<String, Traits> traits;

	private final Map<String, List<Similar>> ranked;

	private ArtistSimilarity(Map<String, Traits> traits, Map<String, List<Similar>> ranked) {
		this.traits = traits;
		this.ranked = ranked;
	}

	/** The similarity of the artists of {@code tokens} (their primary artists). */
	public static ArtistSimilarity of(Collection<Token> tokens, Collection<String> artists,
			Map<String, ArtistInfo> artistInfo) {
		Map<String, List<Token>> byArtist = new HashMap<>();
		for (Token token : tokens) {
			byArtist.computeIfAbsent(token.primaryArtist(), (a) -> new ArrayList<>()).add(token);
		}
		Map<String, Traits> traits = new HashMap<>();
		for (String artist : artists) {
			traits.put(artist, traits(byArtist.getOrDefault(artist, List.of()), artistInfo.get(artist)));
		}
		Map<String, List<Similar>> ranked = new HashMap<>();
		List<String> order = List.copyOf(artists);
		for (String artist : order) {
			List<Similar> similar = new ArrayList<>();
			for (String other : order) {
				if (!other.equals(artist)) {
					int score = score(traits.get(artist), traits.get(other));
					if (score > 0) {
						similar.add(new Similar(other, score));
					}
				}
			}
			similar.sort(Comparator.comparingInt(Similar::score).reversed());
			ranked.put(artist, List.copyOf(similar.subList(0, Math.min(KEPT, similar.size()))));
		}
		return new ArtistSimilarity(traits, ranked);
	}

	/** The artists most like {@code artist}, most similar first, at most {@value #KEPT}. */
	public List<Similar> ranked(String artist) {
		return this.ranked.getOrDefault(artist, List.of());
	}

	/** The score of two artists of the catalogue; 0 for an artist it does not know. */
	public int score(String a, String b) {
		Traits ta = this.traits.get(a);
		Traits tb = this.traits.get(b);
		return (ta == null || tb == null) ? 0 : score(ta, tb);
	}

	/** How many of the six signals two artists share (0 to 6), whatever their weights. */
	public int sharedSignals(String a, String b) {
		Traits ta = this.traits.get(a);
		Traits tb = this.traits.get(b);
		if (ta == null || tb == null) {
			return 0;
		}
		int shared = 0;
		shared += intersects(ta.contracts(), tb.contracts()) ? 1 : 0;
		shared += closeDates(ta, tb) ? 1 : 0;
		shared += intersects(ta.tags(), tb.tags()) ? 1 : 0;
		shared += intersects(ta.media(), tb.media()) ? 1 : 0;
		shared += (ta.movement() != null && ta.movement().equals(tb.movement())) ? 1 : 0;
		shared += (ta.century() != null && ta.century().equals(tb.century())) ? 1 : 0;
		return shared;
	}

	static int score(Traits a, Traits b) {
		int score = 0;
		if (intersects(a.contracts(), b.contracts())) {
			score += CONTRACT;
		}
		if (closeDates(a, b)) {
			score += MINT_DATE;
		}
		int tags = 0;
		for (String tag : a.tags()) {
			if (b.tags().contains(tag)) {
				tags++;
			}
		}
		score += TAG * Math.min(MAX_TAGS, tags);
		if (intersects(a.media(), b.media())) {
			score += MEDIA;
		}
		if (a.movement() != null && a.movement().equals(b.movement())) {
			score += MOVEMENT;
		}
		if (a.century() != null && a.century().equals(b.century())) {
			score += CENTURY;
		}
		return score;
	}

	private static boolean closeDates(Traits a, Traits b) {
		return a.minted() != null && b.minted() != null
				&& Duration.between(a.minted(), b.minted()).abs().compareTo(Duration.ofDays(CLOSE_DAYS)) <= 0;
	}

	private static boolean intersects(Set<String> a, Set<String> b) {
		for (String value : a) {
			if (b.contains(value)) {
				return true;
			}
		}
		return false;
	}

	private static Traits traits(List<Token> tokens, ArtistInfo info) {
		Set<String> contracts = new LinkedHashSet<>();
		Set<String> tags = new HashSet<>();
		Set<String> media = new HashSet<>();
		List<Instant> minted = new ArrayList<>();
		for (Token token : tokens) {
			if (token.contract() != null && !DemoTokens.CONTRACT.equals(token.contract())) {
				contracts.add(token.contract());
			}
			for (String tag : token.tags()) {
				if (tag != null && !tag.isBlank()) {
					tags.add(tag.strip().toLowerCase(Locale.ROOT));
				}
			}
			String kind = mediaKind(token.mime());
			if (kind != null) {
				media.add(kind);
			}
			Instant at = instant(token.timestamp());
			if (at != null) {
				minted.add(at);
			}
		}
		minted.sort(null);
		Instant median = minted.isEmpty() ? null : minted.get(minted.size() / 2);
		return new Traits(contracts, tags, media, median, (info != null) ? info.movement() : null,
				(info != null) ? info.century() : null);
	}

	/** {@code gif}, {@code video} or {@code image}; null when unknown. */
	static String mediaKind(String mime) {
		if (mime == null || mime.isBlank()) {
			return null;
		}
		String m = mime.strip().toLowerCase(Locale.ROOT);
		if (m.equals("image/gif")) {
			return "gif";
		}
		if (m.startsWith("video/")) {
			return "video";
		}
		return m.startsWith("image/") ? "image" : m;
	}

	private static Instant instant(String timestamp) {
		if (timestamp == null || timestamp.isBlank()) {
			return null;
		}
		try {
			return java.time.OffsetDateTime.parse(timestamp).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
