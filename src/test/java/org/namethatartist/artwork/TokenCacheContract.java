package org.namethatartist.artwork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link TokenCache} must have, whatever stores it: empty until the first save, the
 * newest save replacing the whole document, and every document (null and empty members, any text, 5,000
 * tokens) loaded after a restart exactly as saved, its tokens and artists in their order. A subclass says
 * how to open a cache and how to reopen it on the same data (a restart).
 */
public abstract class TokenCacheContract {

	/** A cache on fresh, empty storage. */
	protected abstract TokenCache cache();

	/** Closes the current cache and opens a new one on the same storage. */
	protected abstract TokenCache reopen();

	/** A document of one token by one artist, resolved from a Tezos domain. */
	protected static TokenDocument sunflowers() {
		return new TokenDocument("2026-11-27T03:36:02.969Z", 1,
				List.of(new Token("7", "Sunflowers", "", "https://img/7", "https://img/7full", List.of("tz1a"), "tz1a",
						"KT1x")),
				Map.of("tz1a", new ArtistInfo("vincent.tez", true, new ArtistProfile("vincent.tez", null, null, null))));
	}

	@Test
	void shouldBeEmptyBeforeTheFirstSave() {
		assertThat(cache().load()).isEmpty();
		assertThat(reopen().load()).isEmpty();
	}

	@Test
	void shouldKeepEachPoolApartFromTheDocumentAndFromEachOther() {
		TokenCache cache = cache();
		TokenDocument wallet = document(3, 2);
		cache.savePool("wallet:tz1pool", wallet);
		assertThat(cache.load()).as("a pool is not the operator's document").isEmpty();
		cache.save(sunflowers());
		cache.savePool("collection:KT1pool", sunflowers());
		TokenDocument smaller = document(1, 1);
		cache.savePool("wallet:tz1pool", smaller);
		TokenCache reopened = reopen();
		assertThat(reopened.load()).contains(sunflowers());
		assertThat(reopened.loadPool("wallet:tz1pool")).contains(smaller);
		assertThat(reopened.loadPool("collection:KT1pool")).contains(sunflowers());
		assertThat(reopened.loadPool("wallet:tz1other")).isEmpty();
		reopened.save(wallet);
		assertThat(reopen().loadPool("wallet:tz1pool")).as("a new document leaves the pools").contains(smaller);
	}

	@Test
	void shouldLoadTheDocumentSaved() {
		TokenCache cache = cache();
		cache.save(sunflowers());
		assertThat(cache.load()).contains(sunflowers());
		assertThat(reopen().load()).contains(sunflowers());
	}

	@Test
	void shouldKeepOnlyTheNewestDocument() {
		TokenDocument bigger = document(3, 2);
		// Fewer tokens, other artists and no time: nothing of the earlier documents may show through.
		TokenDocument newest = new TokenDocument(null, 1,
				List.of(new Token("99", "Last", null, null, null, List.of("tz1new"), "tz1new", "KT1y")),
				Map.of("tz1new", new ArtistInfo("tz1new…", false, null)));
		TokenCache cache = cache();
		cache.save(sunflowers());
		cache.save(bigger);
		cache.save(newest);
		assertThat(cache.load()).contains(newest);
		TokenCache reopened = reopen();
		assertThat(reopened.load()).contains(newest);
		reopened.save(sunflowers());
		assertThat(reopened.load()).contains(sunflowers());
		assertThat(reopen().load()).contains(sunflowers());
	}

	@Test
	void shouldKeepNullAndEmptyMembersAcrossAReopen() {
		TokenDocument empty = new TokenDocument(null, 0, List.of(), Map.of());
		TokenCache cache = cache();
		cache.save(empty);
		assertThat(cache.load()).contains(empty);
		assertThat(reopen().load()).contains(empty);
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		artists.put("tz1a", new ArtistInfo(null, false, null));
		artists.put("tz1b", new ArtistInfo("", false, new ArtistProfile(null, null, null, null)));
		artists.put("tz1c", new ArtistInfo("c", true, new ArtistProfile("", "", "", "")));
		TokenDocument sparse = new TokenDocument("", 2,
				List.of(new Token("1", null, null, null, null, null, null, null),
						new Token("", "", "", "", "", List.of(), "", "")),
				artists);
		reopen().save(sparse);
		assertThat(reopen().load()).contains(sparse);
	}

	@Test
	void shouldKeepAnyTextExactly() {
		List<String> texts = List.of("Zoë \"Z\" O'Brien", "名前の絵 🎨🖼️", "مرحبا بالعالم", "Ελληνικά", "e\u0301 (combining)",
				"👩‍👩‍👧‍👦 family", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛", "back\\slash / slash", "tab\tnew\nline\r\n", "\u2028\u2029 separators",
				"<b>&amp;</b> \"{}[]:,\"", "\u0001\u001f\u007f controls", "\uFEFF bom");
		List<Token> tokens = new ArrayList<>();
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			String artist = "tz1" + text;
			tokens.add(new Token(text, text, text + " " + text, "https://img/" + i + "?q=" + text, null,
					List.of(artist, "tz1plain"), artist, "KT1" + text));
			artists.put(artist, new ArtistInfo(text, i % 2 == 0, new ArtistProfile(text, text, text, text)));
		}
		TokenDocument document = new TokenDocument("2026-11-27T03:36:02.969Z", tokens.size(), tokens, artists);
		cache().save(document);
		TokenDocument loaded = reopen().load().orElseThrow();
		assertThat(loaded).isEqualTo(document);
		assertThat(loaded.artistInfo().keySet()).containsExactlyElementsOf(artists.keySet());
	}

	@Test
	void shouldKeepANulCharacterOfATokensMetadata() {
		// Token metadata is whatever its minter wrote on chain; nothing on the way here removes a U+0000.
		TokenDocument document = new TokenDocument("2026-11-27T03:36:02.969Z", 1,
				List.of(new Token("8", "Nul\u0000name", "a\u0000b", "https://img/8", null, List.of("tz1a"), "tz1a",
						"KT1x")),
				Map.of("tz1a", new ArtistInfo("tz1a", false, null)));
		cache().save(document);
		assertThat(reopen().load()).contains(document);
	}

	@Test
	void shouldKeepALargeDocumentExactly() {
		TokenDocument document = document(5_000, 1_200);
		TokenCache cache = cache();
		cache.save(document);
		assertThat(cache.load()).contains(document);
		TokenDocument loaded = reopen().load().orElseThrow();
		assertThat(loaded).isEqualTo(document);
		assertThat(loaded.tokens()).containsExactlyElementsOf(document.tokens());
		assertThat(loaded.artistInfo().keySet()).containsExactlyElementsOf(document.artistInfo().keySet());
	}

	/**
	 * {@code tokenCount} tokens by {@code artistCount} artists, artists in a made-up order (not sorted, ids
	 * of different lengths), some unresolved, with names in several scripts.
	 */
	private static TokenDocument document(int tokenCount, int artistCount) {
		List<String> addresses = new ArrayList<>();
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (int a = 0; a < artistCount; a++) {
			String address = "tz" + ((a * 7919) % artistCount) + "x".repeat(a % 5);
			addresses.add(address);
			boolean resolved = a % 4 != 0;
			artists.put(address, new ArtistInfo(resolved ? "artist " + a + " ✦ 作家" : address, resolved,
					resolved ? new ArtistProfile("a" + a + ".tez", (a % 3 == 0) ? null : "Άλφα " + a, null,
							"ipfs://logo" + a) : null));
		}
		List<Token> tokens = new ArrayList<>();
		for (int t = 0; t < tokenCount; t++) {
			String primary = addresses.get(t % artistCount);
			List<String> creators = (t % 10 == 0) ? List.of(primary, addresses.get((t + 1) % artistCount))
					: List.of(primary);
			tokens.add(new Token(String.valueOf(t), "Œuvre n°" + t + " — «" + t % 97 + "» 🎨",
					(t % 7 == 0) ? null : "A description of token " + t + ", with \"quotes\" and a\nsecond line",
					"https://assets.example/" + t + ".png", (t % 3 == 0) ? null : "ipfs://Qm" + t, creators, primary,
					"KT1contract" + (t % 13)));
		}
		return new TokenDocument("2026-11-27T03:36:02.969Z", tokenCount, tokens, artists);
	}

}
