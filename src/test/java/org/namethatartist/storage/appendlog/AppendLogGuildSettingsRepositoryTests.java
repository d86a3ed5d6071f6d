package org.namethatartist.storage.appendlog;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.guildsettings.GuildSettingsRepositoryContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-settings contract on the append-log stores (fsync always), reopened as after a restart.
 * Also: the settings are a store of their own, {@code logs/guild_settings.log}, beside the original's.
 */
class AppendLogGuildSettingsRepositoryTests extends GuildSettingsRepositoryContract {

	@TempDir
	Path dataDir;

	private final PerTestStores stores = new PerTestStores();

	@Override
	protected GuildSettingsRepository repository() {
		return this.stores.open(this.dataDir).guildSettings();
	}

	@Override
	protected GuildSettingsRepository reopen() {
		return this.stores.reopen(this.dataDir).guildSettings();
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	@Test
	void settingsAreAStoreOfTheirOwn() throws Exception {
		repository().put("g1", "rounds", "10");
		assertThat(Files.readString(this.dataDir.resolve("logs/guild_settings.log")))
			.contains("\"op\":\"SET\",\"key\":\"g1\",\"value\":{\"rounds\":\"10\"}");
		this.stores.close();
		assertThat(Files.readString(this.dataDir.resolve("guild_settings.json"))).contains("\"rounds\": \"10\"");
	}

}
