package org.namethatartist.storage.appendlog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.TokenCache;
import org.namethatartist.artwork.TokenCacheContract;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.storage.log.AppendLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token-cache contract on the append-log stores, with fsync always, reopened as after a restart.
 * Also: a document with null members is replayed from the log without a bad record.
 */
class AppendLogTokenCacheTests extends TokenCacheContract {

	@TempDir
	Path dataDir;

	private final PerTestStores stores = new PerTestStores();

	@Override
	protected TokenCache cache() {
		return this.stores.open(this.dataDir).tokens();
	}

	@Override
	protected TokenCache reopen() {
		return this.stores.reopen(this.dataDir).tokens();
	}

	@AfterEach
	void closeStores() {
		this.stores.close();
	}

	@Test
	void shouldReplayNullMembersItAcknowledged() {
		TokenDocument document = new TokenDocument(null, 0, List.of(), Map.of());
		cache().save(document);
		TokenCache reopened = reopen();
		AppendLog<?> tokens = this.stores.current().logs()
			.stream()
			.filter((log) -> log.store().equals(AppendLogStores.TOKENS))
			.findFirst()
			.orElseThrow();
		assertThat(tokens.lastRecovery().clean()).isTrue();
		assertThat(reopened.load()).contains(document);
	}

}
