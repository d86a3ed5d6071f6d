package org.namethatartist.game;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.namethatartist.game.AnswerMatcher.ArtistNames;
import org.namethatartist.game.AnswerMatcher.Kind;
import org.namethatartist.game.AnswerMatcher.Match;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching table: what a player types, whose artwork it is, and how it must be taken. The catalogue
 * mixes demo painters (with the bundled aliases file's names) and Tezos artists with aliases, domains,
 * emoji names and addresses, including names a typo away from each other.
 */
class AnswerMatcherTests {

	static final String PIXEL = "tz1PixeLqueen00000000000000000000Ab9";

	static final String AIR = "tz1airAirAirAirAirAirAirAirAirAirAirA";

	static final String CHAIR = "tz2ChairChairChairChairChairChairChaX";

	static final String BLOSSOM = "tz1B1ossomB1ossomB1ossomB1ossomB1oss";

	static final String MARIO = "tz1MarioMarioMarioMarioMarioMarioMar0";

	static final String MARIA = "tz1MariaMariaMariaMariaMariaMariaMar1";

	static final String NOALIAS = "tz1NoAliasNoAliasNoAliasNoAliasNoAl22";

	static final AnswerMatcher MATCHER = new AnswerMatcher(List.of(
			demo("demo:rembrandt", "Rembrandt", "Rembrandt Harmenszoon van Rijn", "Rembrandt van Rijn"),
			demo("demo:vincent-van-gogh", "Vincent van Gogh", "van Gogh"),
			demo("demo:leonardo-da-vinci", "Leonardo da Vinci", "Leonardo", "da Vinci"),
			demo("demo:albrecht-durer", "Albrecht Dürer", "Dürer"),
			demo("demo:diego-velazquez", "Diego Velázquez", "Velázquez"),
			demo("demo:jmw-turner", "J. M. W. Turner", "Turner"),
			demo("demo:pieter-bruegel-the-elder", "Pieter Bruegel the Elder", "Bruegel"),
			demo("demo:edouard-manet", "Édouard Manet", "Manet"),
			demo("demo:claude-monet", "Claude Monet", "Monet"),
			demo("demo:paul-gauguin", "Paul Gauguin", "Gauguin"),
			demo("demo:paul-cezanne", "Paul Cézanne", "Cézanne"),
			demo("demo:caravaggio", "Caravaggio"),
			demo("demo:katsushika-hokusai", "Katsushika Hokusai", "Hokusai"),
			demo("demo:raphael", "Raphael"),
			demo("demo:the-weeknd", "The Painter"),
			new ArtistNames(PIXEL, List.of("Pixel Queen", "pixelqueen.tez")),
			new ArtistNames(AIR, List.of("air")),
			new ArtistNames(CHAIR, List.of("chair", "chair.tez")),
			new ArtistNames(BLOSSOM, List.of("🌸🌸🌸")),
			new ArtistNames(MARIO, List.of("Mario Klingemann")),
			new ArtistNames(MARIA, List.of("Maria Klingemann")),
			new ArtistNames(NOALIAS, List.of())));

	static final List<String> accepted = new ArrayList<>();

	static final List<String> refused = new ArrayList<>();

	static ArtistNames demo(String address, String... names) {
		return new ArtistNames(address, List.of(names));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" for {1}: {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			# typed                                    | artist                      | expected
			# exact names, case, accents, punctuation, "the", .tez
			Rembrandt                                  | demo:rembrandt              | EXACT
			rembrandt                                  | demo:rembrandt              | EXACT
			"  REMBRANDT  "                            | demo:rembrandt              | EXACT
			Vincent van Gogh                           | demo:vincent-van-gogh       | EXACT
			vincent van gogh!                          | demo:vincent-van-gogh       | EXACT
			Albrecht Durer                             | demo:albrecht-durer         | EXACT
			albrecht dürer                             | demo:albrecht-durer         | EXACT
			Diego Velazquez                            | demo:diego-velazquez        | EXACT
			Edouard Manet                              | demo:edouard-manet          | EXACT
			Paul Cezanne                               | demo:paul-cezanne           | EXACT
			J.M.W. Turner                              | demo:jmw-turner             | EXACT
			j m w turner                               | demo:jmw-turner             | EXACT
			Pieter Bruegel the Elder                   | demo:pieter-bruegel-the-elder | EXACT
			the Painter                                | demo:the-weeknd             | EXACT
			Painter                                    | demo:the-weeknd             | EXACT
			The Caravaggio                             | demo:caravaggio             | EXACT
			Caravaggio 🎨                              | demo:caravaggio             | EXACT
			"🎨 Raphael!!"                              | demo:raphael                | EXACT
			# aliases from the aliases file
			van Gogh                                   | demo:vincent-van-gogh       | EXACT
			VAN GOGH                                   | demo:vincent-van-gogh       | EXACT
			Rembrandt Harmenszoon van Rijn             | demo:rembrandt              | EXACT
			rembrandt van rijn                         | demo:rembrandt              | EXACT
			Leonardo                                   | demo:leonardo-da-vinci      | EXACT
			da vinci                                   | demo:leonardo-da-vinci      | EXACT
			Durer                                      | demo:albrecht-durer         | EXACT
			Hokusai                                    | demo:katsushika-hokusai     | EXACT
			# Tezos names: alias, domain, .tez, addresses
			Pixel Queen                                | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			pixelqueen.tez                             | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			pixelqueen                                 | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			PixelQueen.TEZ                             | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			tz1PixeLqueen00000000000000000000Ab9       | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			tz1pixelqueen00000000000000000000ab9       | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			tz1PixeL...0Ab9                            | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			tz1Pix…0Ab9                                | tz1PixeLqueen00000000000000000000Ab9 | EXACT
			tz1NoAl...Al22                             | tz1NoAliasNoAliasNoAliasNoAliasNoAl22 | EXACT
			tz1NoAliasNoAliasNoAliasNoAliasNoAl22      | tz1NoAliasNoAliasNoAliasNoAliasNoAl22 | EXACT
			chair.tez                                  | tz2ChairChairChairChairChairChairChaX | EXACT
			air                                        | tz1airAirAirAirAirAirAirAirAirAirAirA | EXACT
			# emoji names
			🌸🌸🌸                                     | tz1B1ossomB1ossomB1ossomB1ossomB1oss | EXACT
			🌸 🌸 🌸                                   | tz1B1ossomB1ossomB1ossomB1ossomB1oss | EXACT
			🌸🌸                                       | tz1B1ossomB1ossomB1ossomB1ossomB1oss | NONE
			🌼🌼🌼                                     | tz1B1ossomB1ossomB1ossomB1ossomB1oss | NONE
			# typos tolerated, scaled to the name's length
			Rembrant                                   | demo:rembrandt              | CLOSE
			Rembrnadt                                  | demo:rembrandt              | CLOSE
			Vincent van Gough                          | demo:vincent-van-gogh       | CLOSE
			Vincnet van Gohg                           | demo:vincent-van-gogh       | CLOSE
			van Goh                                    | demo:vincent-van-gogh       | CLOSE
			Carravaggio                                | demo:caravaggio             | CLOSE
			Caravagio                                  | demo:caravaggio             | CLOSE
			Leonrado da Vinci                          | demo:leonardo-da-vinci      | CLOSE
			Hokusia                                    | demo:katsushika-hokusai     | CLOSE
			Katsushika Hokosai                         | demo:katsushika-hokusai     | CLOSE
			Gaugin                                     | demo:paul-gauguin           | CLOSE
			Valasquez                                  | demo:diego-velazquez        | CLOSE
			Pixel Quen                                 | tz1PixeLqueen00000000000000000000Ab9 | CLOSE
			Raphel                                     | demo:raphael                | CLOSE
			Mario Klingeman                            | tz1MarioMarioMarioMarioMarioMarioMar0 | CLOSE
			# refused: short names need an exact match
			chair                                      | tz1airAirAirAirAirAirAirAirAirAirAirA | NONE
			air                                        | tz2ChairChairChairChairChairChairChaX | NONE
			hair                                       | tz1airAirAirAirAirAirAirAirAirAirAirA | NONE
			ai                                         | tz1airAirAirAirAirAirAirAirAirAirAirA | NONE
			# refused: closer to (or as close as) another artist of the catalogue
			Manet                                      | demo:claude-monet           | NONE
			Monet                                      | demo:edouard-manet          | NONE
			Maria Klingemann                           | tz1MarioMarioMarioMarioMarioMarioMar0 | NONE
			Mari Klingemann                            | tz1MarioMarioMarioMarioMarioMarioMar0 | NONE
			Paul Cezanne                               | demo:paul-gauguin           | NONE
			# refused: too far, another artist, nothing
			Rembrandtt van Gogh                        | demo:rembrandt              | NONE
			Rmbrdt                                     | demo:rembrandt              | NONE
			Rafael                                     | demo:raphael                | NONE
			Vincent                                    | demo:vincent-van-gogh       | NONE
			Picasso                                    | demo:caravaggio             | NONE
			Caravaggio                                 | demo:raphael                | NONE
			Leonardo                                   | demo:raphael                | NONE
			pixelqueen.tez                             | tz1airAirAirAirAirAirAirAirAirAirAirA | NONE
			"   "                                      | demo:rembrandt              | NONE
			!!!                                        | demo:rembrandt              | NONE
			# refused: addresses that are not the artist's
			tz1PixeL...0Ab8                            | tz1PixeLqueen00000000000000000000Ab9 | NONE
			tz1Pi...0Ab9                               | tz1PixeLqueen00000000000000000000Ab9 | NONE
			tz1PixeLqueen00000000000000000000Ab8       | tz1PixeLqueen00000000000000000000Ab9 | NONE
			tz1PixeLqueen00000000000000000000Ab9       | tz1NoAliasNoAliasNoAliasNoAliasNoAl22 | NONE
			""")
	void matches(String typed, String artist, Kind expected) {
		Match match = MATCHER.match(typed, artist);
		(match.accepted() ? accepted : refused).add(typed);
		assertThat(match.kind()).as("\"%s\" for %s", typed, artist).isEqualTo(expected);
		if (expected == Kind.CLOSE) {
			assertThat(match.typed()).isEqualTo(typed.strip());
			assertThat(match.name()).isNotBlank();
		}
	}

	@AfterAll
	static void printRates() {
		int total = accepted.size() + refused.size();
		System.out.printf("AnswerMatcher table: %d pairs, %d accepted (%.0f%%), %d refused (%.0f%%)%n", total,
				accepted.size(), 100.0 * accepted.size() / total, refused.size(), 100.0 * refused.size() / total);
	}

}
