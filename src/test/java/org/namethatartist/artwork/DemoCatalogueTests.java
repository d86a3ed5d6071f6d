package org.namethatartist.artwork;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The bundled demo catalogue: enough well-known public-domain works by enough artists for full games, each
 * named and linked the way {@link DemoTokens} says, and every one of them playable.
 */
class DemoCatalogueTests {

	/** A description starts with its year or years: {@code 1656.}, {@code c. 1503–1519.} */
	private static final Pattern YEARS = Pattern.compile("^(?:c\\. )?(\\d{4})(?:–(\\d{4}))?\\. \\S.*\\.$");

	/** An artist's description ends with their dates: {@code Dutch painter, 1853–1890}. */
	private static final Pattern LIFE = Pattern.compile(", (?:c\\. )?\\d{4}–(\\d{4})$");

	private final TokenDocument document = DemoCatalogue.load();

	@Test
	void holdsAtLeast66TokensBy22ArtistsWithTwoOrMoreEach() {
		Map<String, Long> tokensPerArtist = this.document.tokens()
			.stream()
			.collect(Collectors.groupingBy(Token::primaryArtist, Collectors.counting()));

		assertThat(this.document.tokens()).hasSizeGreaterThanOrEqualTo(66);
		assertThat(this.document.count()).isEqualTo(this.document.tokens().size());
		assertThat(tokensPerArtist).hasSizeGreaterThanOrEqualTo(22);
		assertThat(tokensPerArtist.values()).allSatisfy((count) -> assertThat(count).isGreaterThanOrEqualTo(2));
		assertThat(this.document.artistInfo().keySet()).isEqualTo(tokensPerArtist.keySet());
	}

	@Test
	void everyTokenIsPlayableEvenWhenUnresolvedArtistsAreExcluded() {
		TokenCatalog catalogue = DemoCatalogue.catalog();

		assertThat(catalogue.source()).isEqualTo("demo");
		assertThat(catalogue.playable()).containsExactlyElementsOf(this.document.tokens());
		assertThat(TokenCatalog.of("demo", this.document, true).playable()).hasSameSizeAs(this.document.tokens());
	}

	@Test
	void tokensAreCommonsFilesWithTheHelpersAddresses() {
		Set<String> keys = new HashSet<>();
		assertThat(this.document.tokens()).allSatisfy((token) -> {
			String file = token.tokenId();
			assertThat(file).doesNotStartWith("File:").doesNotContain(" ").matches("(?i).+\\.(jpe?g|png)");
			assertThat(token.contract()).isEqualTo(DemoTokens.CONTRACT);
			assertThat(token.imageUrl()).isEqualTo(DemoTokens.imageUrl(file, 640));
			assertThat(token.fullImageUrl()).isEqualTo(DemoTokens.imageUrl(file, 1280));
			assertThat(TokenCatalog.link(token)).isEqualTo(DemoTokens.pageUrl(file));
			assertThat(token.name()).isNotBlank();
			assertThat(keys.add(TokenCatalog.key(token))).as("unique key %s", TokenCatalog.key(token)).isTrue();
		});
	}

	@Test
	void everyTokenIsByOneNamedDemoArtist() {
		assertThat(this.document.tokens()).allSatisfy((token) -> {
			assertThat(token.primaryArtist()).startsWith("demo:").matches("demo:[a-z]+(-[a-z]+)*");
			assertThat(token.artists()).containsExactly(token.primaryArtist());
		});
		assertThat(this.document.artistInfo()).allSatisfy((address, info) -> {
			assertThat(info.hasResolution()).isTrue();
			assertThat(info.displayName()).isNotBlank().isEqualTo(info.info().alias());
			assertThat(info.info().tzdomain()).isNull();
			assertThat(info.info().logo()).isNull();
			assertThat(info.info().description()).matches(".+, (c\\. )?\\d{4}–\\d{4}");
		});
		Set<String> names = this.document.artistInfo()
			.values()
			.stream()
			.map(ArtistInfo::displayName)
			.collect(Collectors.toSet());
		assertThat(names).hasSameSizeAs(this.document.artistInfo().keySet());
	}

	@Test
	void everyWorkIsDatedAndPublicDomain() {
		Map<String, Integer> deaths = this.document.artistInfo()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> lastYear(LIFE, entry.getValue().info().description())));
		assertThat(deaths.values()).allSatisfy((death) -> assertThat(death).isLessThan(1926));
		assertThat(this.document.tokens()).allSatisfy((token) -> {
			int made = lastYear(YEARS, token.description());
			assertThat(made).as(token.name()).isBetween(1400, 1929);
			assertThat(made).as(token.name()).isLessThanOrEqualTo(deaths.get(token.primaryArtist()));
		});
	}

	@Test
	void namesAreUniqueForEachArtist() {
		Map<String, List<String>> titlesByArtist = this.document.tokens()
			.stream()
			.collect(Collectors.groupingBy(Token::primaryArtist, Collectors.mapping(Token::name, Collectors.toList())));
		assertThat(titlesByArtist.values()).allSatisfy((titles) -> assertThat(titles).doesNotHaveDuplicates());
	}

	@Test
	void aBrokenResourceFailsLoudlyNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoCatalogue.read(stream("{\"lastUpdated\": \"x\", \"count\": 1, \"tokens\": ["), "broken.json"))
			.withMessageStartingWith("The demo catalogue broken.json does not have the tokens.json shape: ");
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoCatalogue.read(
					stream("{\"lastUpdated\": \"x\", \"count\": 0, \"tokens\": [], \"artistInfo\": {}, \"extra\": 1}"),
					"extra.json"))
			.withMessageContaining("extra");
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoCatalogue.read(stream("{\"lastUpdated\": \"x\", \"tokens\": [], \"artistInfo\": {}}"),
					"no-count.json"))
			.withMessageContaining("count");
	}

	private static int lastYear(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("dates in '%s'", text).isTrue();
		return Integer.parseInt(matcher.group(matcher.groupCount()) != null ? matcher.group(matcher.groupCount())
				: matcher.group(1));
	}

	private static ByteArrayInputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
