package org.namethatartist.artwork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Difficulty measured: over many rounds, {@code hard} distractors share more signals with the right artist
 * than {@code easy} ones, on the demo catalogue and on a synthetic objkt.com catalogue, by at least
 * {@value #MARGIN} signals per distractor on average.
 */
class DifficultyTests {

	static final long SEED = 17L;

	static final int ROUNDS = 2_000;

	/** The least average number of shared signals per distractor by which hard must beat easy. */
	static final double MARGIN = 1.0;

	@Test
	void hardDistractorsShareMoreSignalsThanEasyOnTheDemo() {
		TokenCatalog catalogue = DemoCatalogue.catalog();
		Map<Difficulty, Double> shared = measure("demo", catalogue);
		assertThat(shared.get(Difficulty.HARD) - shared.get(Difficulty.EASY)).isGreaterThanOrEqualTo(MARGIN);
		assertThat(shared.get(Difficulty.NORMAL)).isGreaterThan(shared.get(Difficulty.EASY));
	}

	@Test
	void hardDistractorsShareMoreSignalsThanEasyOnAnObjktCatalogue() {
		TokenCatalog catalogue = TokenCatalog.of("objkt", syntheticObjkt(SEED), true);
		Map<Difficulty, Double> shared = measure("synthetic objkt", catalogue);
		assertThat(shared.get(Difficulty.HARD) - shared.get(Difficulty.EASY)).isGreaterThanOrEqualTo(MARGIN);
		assertThat(shared.get(Difficulty.NORMAL)).isGreaterThan(shared.get(Difficulty.EASY));
	}

	@Test
	void normalRoundsHaveASimilarDistractorAndEveryRoundIsWellFormed() {
		TokenCatalog catalogue = DemoCatalogue.catalog();
		SplittableRandom random = new SplittableRandom(SEED);
		for (Token token : catalogue.playable()) {
			for (Difficulty difficulty : Difficulty.values()) {
				List<String> choices = catalogue.choices(token, 4, difficulty, random);
				assertThat(choices).hasSize(4).doesNotHaveDuplicates().contains(token.primaryArtist());
				if (difficulty != Difficulty.EASY && !catalogue.similarity().ranked(token.primaryArtist()).isEmpty()) {
					assertThat(choices).filteredOn((a) -> !a.equals(token.primaryArtist()))
						.anyMatch((a) -> catalogue.similarity().score(token.primaryArtist(), a) > 0);
				}
			}
		}
	}

	@Test
	void hardTakesTheMostSimilarFirst() {
		// Rembrandt's Baroque contemporaries of the 17th century (movement 3 + century 2) outrank Caravaggio
		// (Baroque, 16th century: 3) and any other 17th-century painter.
		TokenCatalog catalogue = DemoCatalogue.catalog();
		Token rembrandt = catalogue.playable().stream()
			.filter((t) -> t.primaryArtist().equals("demo:rembrandt")).findFirst().orElseThrow();
		List<String> choices = catalogue.choices(rembrandt, 4, Difficulty.HARD, new SplittableRandom(SEED));
		assertThat(choices).containsExactlyInAnyOrder("demo:rembrandt", "demo:johannes-vermeer",
				"demo:diego-velazquez", "demo:caravaggio");
	}

	@Test
	void difficultyNamesAreCheckedWithTheValuesAllowed() {
		assertThat(Difficulty.of("HARD")).isEqualTo(Difficulty.HARD);
		assertThat(Difficulty.of(" easy ")).isEqualTo(Difficulty.EASY);
		assertThatIllegalArgumentException().isThrownBy(() -> Difficulty.of("brutal"))
			.withMessage("difficulty 'brutal' is not one of easy, normal, hard");
	}

	/** The average shared signals per distractor over {@link #ROUNDS} rounds of 4 choices, per difficulty. */
	private static Map<Difficulty, Double> measure(String name, TokenCatalog catalogue) {
		Map<Difficulty, Double> result = new LinkedHashMap<>();
		for (Difficulty difficulty : Difficulty.values()) {
			SplittableRandom random = new SplittableRandom(SEED);
			long signals = 0;
			long distractors = 0;
			for (int round = 0; round < ROUNDS; round++) {
				Token token = catalogue.playable().get(random.nextInt(catalogue.playable().size()));
				for (String artist : catalogue.choices(token, 4, difficulty, random)) {
					if (!artist.equals(token.primaryArtist())) {
						signals += catalogue.similarity().sharedSignals(token.primaryArtist(), artist);
						distractors++;
					}
				}
			}
			result.put(difficulty, (double) signals / distractors);
		}
		System.out.printf("Difficulty on the %s catalogue (seed %d, %d rounds of 4 choices): shared signals per "
				+ "distractor easy %.2f, normal %.2f, hard %.2f; hard - easy = %.2f (required >= %.1f)%n", name, SEED,
				ROUNDS, result.get(Difficulty.EASY), result.get(Difficulty.NORMAL), result.get(Difficulty.HARD),
				result.get(Difficulty.HARD) - result.get(Difficulty.EASY), MARGIN);
		return result;
	}

	/**
	 * 48 artists in 6 "scenes": each scene mints on its own contract within a few months, with its own tags
	 * and media type; some artists also mint on a shared contract, at random dates, with random tags.
	 */
	static TokenDocument syntheticObjkt(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		String[] media = { "image/png", "image/gif", "video/mp4", "image/jpeg", "image/gif", "image/png" };
		String[][] sceneTags = { { "glitch", "generative" }, { "pixelart", "8bit" }, { "3d", "animation" },
				{ "photography", "street" }, { "ascii", "text" }, { "painting", "portrait" } };
		List<Token> tokens = new ArrayList<>();
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (int a = 0; a < 48; a++) {
			int scene = a % 6;
			String address = String.format("tz1Synthetic%024d", a);
			artists.put(address, new ArtistInfo("artist" + a, true, new ArtistProfile(null, "artist" + a, null, null)));
			for (int t = 0; t < 3; t++) {
				boolean inScene = random.nextInt(4) != 0;
				String contract = inScene ? String.format("KT1Scene%02d", scene) : "KT1SharedHicetnunc";
				int day = inScene ? scene * 300 + random.nextInt(90) : random.nextInt(1800);
				String timestamp = java.time.LocalDate.of(2021, 3, 1).plusDays(day) + "T12:00:00+00:00";
				List<String> tags = inScene ? List.of(sceneTags[scene][random.nextInt(2)], "tezos")
						: List.of(sceneTags[random.nextInt(6)][0]);
				tokens.add(new Token(String.valueOf(a * 10 + t), "Work " + a + "." + t, "", "https://img/" + a + "/" + t,
						"https://img/" + a + "/" + t, List.of(address), address, contract, timestamp, tags,
						inScene ? media[scene] : media[random.nextInt(6)]));
			}
		}
		return new TokenDocument("2026-12-05T00:00:00.000Z", tokens.size(), tokens, artists);
	}

}
