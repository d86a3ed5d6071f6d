package org.namethatartist.artwork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** What a catalogue makes playable, how it draws tokens and artists, and how it names and links them. */
class TokenCatalogTests {

	private static final String CONTRACT = "KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton";

	@Test
	void drawReturnsDistinctPlayableTokens() {
		TokenCatalog catalog = catalog(tokensByArtists(4, 3), true);
		SplittableRandom random = new SplittableRandom(1);

		List<Token> all = catalog.draw(12, random);
		List<Token> some = catalog.draw(5, random);

		assertThat(all).containsExactlyInAnyOrderElementsOf(catalog.playable());
		assertThat(some).hasSize(5).doesNotHaveDuplicates().isSubsetOf(catalog.playable());
		assertThat(catalog.draw(0, random)).isEmpty();
	}

	@Test
	void drawGivesEveryTokenTheSameChanceAtEveryPlace() {
		TokenCatalog catalog = catalog(tokensByArtists(5, 1), true);
		SplittableRandom random = new SplittableRandom(42);
		int draws = 30_000;
		Map<String, int[]> placesByToken = new HashMap<>();
		for (int i = 0; i < draws; i++) {
			List<Token> drawn = catalog.draw(3, random);
			for (int place = 0; place < drawn.size(); place++) {
				placesByToken.computeIfAbsent(drawn.get(place).tokenId(), (id) -> new int[3])[place]++;
			}
		}
		assertThat(placesByToken).hasSize(5);
		// Each of the 5 tokens should hold each place a fifth of the time; 0.01 is over 4 standard deviations.
		placesByToken.forEach((token, places) -> {
			for (int count : places) {
				assertThat(count / (double) draws).as(token).isCloseTo(0.2, within(0.01));
			}
		});
	}

	@Test
	void drawingMoreThanIsPlayableSaysHowManyAre() {
		TokenCatalog catalog = catalog(tokensByArtists(3, 1), true);

		assertThatIllegalArgumentException().isThrownBy(() -> catalog.draw(4, new SplittableRandom(1)))
			.withMessage("only 3 artworks can be played, 4 were asked for");
		assertThatIllegalArgumentException().isThrownBy(() -> catalog.draw(-1, new SplittableRandom(1)))
			.withMessage("cannot draw -1 artworks");
	}

	@Test
	void choicesHoldTheArtistAndDistinctOthersInEveryPlace() {
		TokenCatalog catalog = catalog(tokensByArtists(6, 2), true);
		Token token = catalog.playable().get(0);
		SplittableRandom random = new SplittableRandom(7);
		int[] placesOfTheArtist = new int[4];
		for (int i = 0; i < 4_000; i++) {
			List<String> choices = catalog.choices(token, 4, random);
			assertThat(choices).hasSize(4).doesNotHaveDuplicates().contains(token.primaryArtist());
			assertThat(catalog.artists()).containsAll(choices);
			placesOfTheArtist[choices.indexOf(token.primaryArtist())]++;
		}
		// The right answer is not always on the same button.
		for (int count : placesOfTheArtist) {
			assertThat(count).isBetween(800, 1_200);
		}
	}

	@Test
	void choicesAreAsManyAsTheArtistsWhenThereAreFewer() {
		TokenCatalog catalog = catalog(tokensByArtists(3, 2), true);
		Token token = catalog.playable().get(0);

		List<String> choices = catalog.choices(token, 4, new SplittableRandom(3));

		assertThat(choices).containsExactlyInAnyOrderElementsOf(catalog.artists());
		assertThat(catalog.choices(token, 1, new SplittableRandom(3))).containsExactly(token.primaryArtist());
		assertThatIllegalArgumentException().isThrownBy(() -> catalog.choices(token, 0, new SplittableRandom(3)))
			.withMessage("a round needs at least 1 choice, 0 were asked for");
	}

	@Test
	void fewerThanThreeArtistsMakeNothingPlayable() {
		TokenCatalog catalog = catalog(tokensByArtists(2, 5), true);

		assertThat(catalog.playable()).isEmpty();
		assertThat(catalog.artists()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> catalog.draw(1, new SplittableRandom(1)))
			.withMessage("only 0 artworks can be played, 1 were asked for");
	}

	@Test
	void excludingUnresolvedArtistsDropsThemAndTheirTokens() {
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		artists.put("tz1alias", new ArtistInfo("Ada", true, new ArtistProfile(null, "Ada", null, null)));
		artists.put("tz1domain", new ArtistInfo(null, false, new ArtistProfile("bob.tez", null, null, null)));
		artists.put("tz1resolved", new ArtistInfo("Cy", true, null));
		artists.put("tz1unnamed", new ArtistInfo("tz1unna...amed", false, new ArtistProfile(null, " ", null, null)));
		List<Token> tokens = List.of(token("1", "tz1alias"), token("2", "tz1domain"), token("3", "tz1resolved"),
				token("4", "tz1unnamed"), token("5", "tz1unknown"));
		TokenDocument document = new TokenDocument("2026-11-27T10:00:00.000Z", tokens.size(), tokens, artists);

		TokenCatalog excluding = TokenCatalog.of("objkt", document, true);
		TokenCatalog keeping = TokenCatalog.of("objkt", document, false);

		assertThat(excluding.artists()).containsExactly("tz1alias", "tz1domain", "tz1resolved");
		assertThat(excluding.playable()).extracting(Token::tokenId).containsExactly("1", "2", "3");
		assertThat(keeping.artists()).containsExactly("tz1alias", "tz1domain", "tz1resolved", "tz1unnamed",
				"tz1unknown");
		assertThat(keeping.playable()).hasSize(5);
	}

	@Test
	void tokensWithoutImageArtistOrIdAreDropped() {
		List<Token> tokens = new ArrayList<>(tokensByArtists(3, 1));
		// hic et nunc's generic thumbnail is no image, in any gateway's address.
		tokens.add(new Token("placeholder-only", "Untitled", "",
				"https://ipfs.fileship.xyz/" + Token.PLACEHOLDER_CID, "ipfs://" + Token.PLACEHOLDER_CID,
				List.of("tz1a0"), "tz1a0", CONTRACT));
		tokens.add(new Token("blank-image", "Untitled", "", " ", null, List.of("tz1a0"), "tz1a0", CONTRACT));
		tokens.add(new Token("no-artist", "Untitled", "", "https://example.org/a.png", null, List.of(), null,
				CONTRACT));
		tokens.add(new Token(null, "Untitled", "", "https://example.org/a.png", null, List.of("tz1a0"), "tz1a0",
				CONTRACT));

		TokenCatalog catalog = TokenCatalog.of("objkt", document(tokens), false);

		assertThat(catalog.playable()).extracting(Token::tokenId).containsExactly("a0-0", "a1-0", "a2-0");
	}

	@Test
	void theShownImageIsTheDisplayImageFirstAndNeverThePlaceholder() {
		String placeholder = "https://ipfs.fileship.xyz/" + Token.PLACEHOLDER_CID;
		String display = "https://ipfs.fileship.xyz/QmDisplay";
		String thumbnail = "https://ipfs.fileship.xyz/QmThumbnail";
		assertThat(shown(thumbnail, display).shownImageUrl()).isEqualTo(display);
		assertThat(shown(placeholder, display).shownImageUrl()).isEqualTo(display);
		assertThat(shown(thumbnail, null).shownImageUrl()).isEqualTo(thumbnail);
		assertThat(shown(thumbnail, " ").shownImageUrl()).isEqualTo(thumbnail);
		assertThat(shown(thumbnail, "https://cloudflare-ipfs.com/ipfs/" + Token.PLACEHOLDER_CID).shownImageUrl())
			.isEqualTo(thumbnail);
		assertThat(shown(placeholder, null).shownImageUrl()).isNull();
		assertThat(shown(null, null).shownImageUrl()).isNull();
	}

	private static Token shown(String imageUrl, String fullImageUrl) {
		return new Token("1", "Untitled", "", imageUrl, fullImageUrl, List.of("tz1a0"), "tz1a0", CONTRACT);
	}

	@Test
	void aTokenListedTwiceIsPlayedOnceAndFoundByItsKey() {
		List<Token> tokens = new ArrayList<>(tokensByArtists(3, 1));
		tokens.add(tokens.get(0));

		TokenCatalog catalog = TokenCatalog.of("objkt", document(tokens), false);

		assertThat(catalog.playable()).hasSize(3);
		assertThat(catalog.find(CONTRACT + ":a0-0")).contains(tokens.get(0));
		assertThat(catalog.find(CONTRACT + ":missing")).isEmpty();
		assertThat(TokenCatalog.key(tokens.get(0))).isEqualTo(CONTRACT + ":a0-0");
	}

	@Test
	void displayNamesPreferTheStoredNameThenAliasThenDomainThenAShortAddress() {
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		artists.put("tz1stored", new ArtistInfo("Stored", true, new ArtistProfile("dom.tez", "Alias", null, null)));
		artists.put("tz1alias", new ArtistInfo(null, true, new ArtistProfile("dom.tez", "Alias", null, null)));
		artists.put("tz1domain", new ArtistInfo("", true, new ArtistProfile("dom.tez", " ", null, null)));
		artists.put("tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B", new ArtistInfo(null, false, null));
		TokenCatalog catalog = TokenCatalog.of("objkt", new TokenDocument(null, 0, List.of(), artists), false);

		assertThat(catalog.displayName("tz1stored")).isEqualTo("Stored");
		assertThat(catalog.displayName("tz1alias")).isEqualTo("Alias");
		assertThat(catalog.displayName("tz1domain")).isEqualTo("dom.tez");
		assertThat(catalog.displayName("tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B")).isEqualTo("tz1RZN1...GF6B");
		assertThat(catalog.displayName("tz2NotInTheDocumentAtAllxxxxxxxxwxyz")).isEqualTo("tz2NotI...wxyz");
		assertThat(TokenCatalog.shortAddress("short")).isEqualTo("short");
	}

	@Test
	void objktTokensLinkToObjktAndDemoTokensToTheirCommonsPage() {
		Token objkt = token("42", "tz1a");
		Token demo = new Token("Mona_Lisa,_by_Leonardo_da_Vinci,_from_C2RMF_retouched.jpg", "Mona Lisa", "", "x",
				"x", List.of("demo:leonardo-da-vinci"), "demo:leonardo-da-vinci", DemoTokens.CONTRACT);

		assertThat(TokenCatalog.link(objkt)).isEqualTo("https://objkt.com/tokens/" + CONTRACT + "/42");
		assertThat(TokenCatalog.link(demo)).isEqualTo(
				"https://commons.wikimedia.org/wiki/File:Mona_Lisa%2C_by_Leonardo_da_Vinci%2C_from_C2RMF_retouched.jpg");
	}

	@Test
	void anEmptyCatalogueHasNothingToPlay() {
		TokenCatalog empty = TokenCatalog.empty("objkt");

		assertThat(empty.source()).isEqualTo("objkt");
		assertThat(empty.playable()).isEmpty();
		assertThat(empty.artists()).isEmpty();
	}

	/** {@code perArtist} tokens for each of {@code artists} artists {@code tz1a0, tz1a1, …}, all named. */
	private static List<Token> tokensByArtists(int artists, int perArtist) {
		List<Token> tokens = new ArrayList<>();
		for (int a = 0; a < artists; a++) {
			for (int t = 0; t < perArtist; t++) {
				tokens.add(token("a" + a + "-" + t, "tz1a" + a));
			}
		}
		return tokens;
	}

	private static Token token(String id, String artist) {
		return new Token(id, "Token " + id, "", "https://example.org/" + id + ".png",
				"https://example.org/" + id + "-full.png", List.of(artist), artist, CONTRACT);
	}

	private static TokenCatalog catalog(List<Token> tokens, boolean excludeUnresolvedArtists) {
		return TokenCatalog.of("objkt", document(tokens), excludeUnresolvedArtists);
	}

	/** The tokens with every artist named by an alias. */
	private static TokenDocument document(List<Token> tokens) {
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (Token token : tokens) {
			if (token.primaryArtist() != null) {
				artists.put(token.primaryArtist(),
						new ArtistInfo(null, true, new ArtistProfile(null, token.primaryArtist(), null, null)));
			}
		}
		return new TokenDocument("2026-11-27T10:00:00.000Z", tokens.size(), tokens, artists);
	}

}
