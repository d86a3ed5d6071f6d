package org.namethatartist.artwork;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtworkPool.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The pool setting's form: each kind, lists, duplicates, the per-server cap and the messages. */
class ArtworkPoolTests {

	private static final String WALLET = "tz1ZBdTtG9bYfJYbRLuNbGGAmTAzhxWPUYjH";

	private static final String CONTRACT = "KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton";

	@Test
	void eachKindIsReadAndWrittenBackTheSame() {
		assertThat(ArtworkPool.parse(" Default ")).isEqualTo(ArtworkPool.DEFAULT);
		assertThat(ArtworkPool.parse("wallet:" + WALLET)).isEqualTo(new ArtworkPool(Kind.WALLET, WALLET));
		assertThat(ArtworkPool.parse("Collection: " + CONTRACT)).isEqualTo(new ArtworkPool(Kind.COLLECTION, CONTRACT));
		assertThat(ArtworkPool.parse("artist:" + WALLET)).isEqualTo(new ArtworkPool(Kind.ARTIST, WALLET));
		assertThat(ArtworkPool.parse("artist:Zancan")).isEqualTo(new ArtworkPool(Kind.ARTIST, "Zancan"));
		for (String text : List.of("default", "wallet:" + WALLET, "collection:" + CONTRACT, "artist:Zancan")) {
			assertThat(ArtworkPool.parse(text)).hasToString(text);
		}
	}

	@Test
	void aListIsTheUnionInOrderWithoutDuplicates() {
		assertThat(ArtworkPool.parseList("default, wallet:" + WALLET + ",,default", 5))
			.containsExactly(ArtworkPool.DEFAULT, new ArtworkPool(Kind.WALLET, WALLET));
	}

	@Test
	void badValuesAreRefusedWithWhatIsAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parse("wallet:tz1short"))
			.withMessageContaining("Tezos address");
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parse("wallet:" + CONTRACT))
			.withMessageContaining("tz1, tz2, tz3 or tz4");
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parse("collection:" + WALLET))
			.withMessageContaining("KT1");
		// 0, O, I and l are not base58.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ArtworkPool.parse("collection:KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxto0"));
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parse("artist:"))
			.withMessageContaining("alias of 1 to 64");
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parse("artist:" + "x".repeat(65)));
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parse("artist:a\u0000b"));
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parse("gallery:x"))
			.withMessageContaining("is not a pool: use default, wallet:");
	}

	@Test
	void aListNamesEveryProblemAndKeepsToTheCap() {
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parseList("wallet:x, collection:y", 5))
			.withMessageContaining("`wallet:x`")
			.withMessageContaining("`collection:y`");
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parseList(" , ", 5))
			.withMessageContaining("name at least one pool");
		String three = "default, wallet:" + WALLET + ", collection:" + CONTRACT;
		assertThat(ArtworkPool.parseList(three, 3)).hasSize(3);
		assertThatIllegalArgumentException().isThrownBy(() -> ArtworkPool.parseList(three, 2))
			.withMessage("at most 2 pools per server, not 3");
	}

}
