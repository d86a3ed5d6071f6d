package org.namethatartist.storage.appendlog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.storage.log.LogOptions;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cache survives a restart exactly (game states: {@link AppendLogGameStateRepositoryTests}). */
class AppendLogGameStateAndTokenTests {

	@TempDir
	Path dataDir;

	@Test
	void shouldKeepTheTokenDocumentAcrossRestarts() {
		TokenDocument document = new TokenDocument("2026-11-27T03:36:02.969Z", 1,
				List.of(new Token("7", "Sunflowers", "", "https://img/7", "https://img/7full", List.of("tz1a"), "tz1a",
						"KT1x")),
				Map.of("tz1a", new ArtistInfo("vincent.tez", true, new ArtistProfile("vincent.tez", null, null, null))));
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.tokens().load()).isEmpty();
			stores.tokens().save(document);
			assertThat(stores.tokens().load()).contains(document);
		}
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.tokens().load()).contains(document);
		}
	}

	@Test
	void shouldReplayNullMembersItAcknowledged() {
		TokenDocument document = new TokenDocument(null, 0, List.of(), Map.of());
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			stores.tokens().save(document);
		}
		try (AppendLogStores stores = AppendLogStores.open(this.dataDir, LogOptions.defaults())) {
			assertThat(stores.logs().get(3).lastRecovery().clean()).isTrue();
			assertThat(stores.tokens().load()).contains(document);
		}
	}

}
