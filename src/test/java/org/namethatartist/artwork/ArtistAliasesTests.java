package org.namethatartist.artwork;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ArtistAliasesTests {

	@TempDir
	Path dir;

	@Test
	void shouldBundleTheDemosAliasesForItsArtists() {
		var aliases = ArtistAliases.bundledDemo();
		assertThat(aliases.get("demo:rembrandt")).contains("Rembrandt Harmenszoon van Rijn");
		assertThat(aliases.get("demo:vincent-van-gogh")).contains("van Gogh");
		assertThat(DemoCatalogue.catalog().artists()).containsAll(aliases.keySet());
	}

	@Test
	void shouldMergeTheDataFileWithTheBundledAliases() throws Exception {
		Path file = this.dir.resolve("aliases.json");
		Files.writeString(file, "{\"demo:rembrandt\": [\"The Master of Leiden\"], \"tz1Ann\": [\"Annie\"]}",
				StandardCharsets.UTF_8);
		var aliases = ArtistAliases.load(file);
		assertThat(aliases.get("demo:rembrandt")).contains("Rembrandt van Rijn", "The Master of Leiden");
		assertThat(aliases.get("tz1Ann")).containsExactly("Annie");
		assertThat(ArtistAliases.load(this.dir.resolve("none.json"))).isEqualTo(ArtistAliases.bundledDemo());
	}

	@Test
	void shouldNameTheFileAndTheProblemWhenItIsBad() throws Exception {
		Path file = this.dir.resolve("aliases.json");
		Files.writeString(file, "{\"tz1Ann\": \"Annie\"}", StandardCharsets.UTF_8);
		assertThatIllegalStateException().isThrownBy(() -> ArtistAliases.fromFile(file))
			.withMessage("The aliases file " + file + ": tz1Ann must have a list of names, such as [\"Annie\"]"
				.replace("Annie", "Ann"));
		Files.writeString(file, "{broken", StandardCharsets.UTF_8);
		assertThatIllegalStateException().isThrownBy(() -> ArtistAliases.fromFile(file))
			.withMessageStartingWith("The aliases file " + file + " is not JSON");
	}

}
