package org.namethatartist.storage.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.guildsettings.GuildSettingsRepositoryContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-settings contract on PostgreSQL: a new database per test, reopened as another pool on it.
 * Also: V5 made one row per setting.
 */
class PostgresGuildSettingsRepositoryTests extends GuildSettingsRepositoryContract {

	private final PerTestDatabase database = new PerTestDatabase(8);

	@Override
	protected GuildSettingsRepository repository() {
		return this.database.open().guildSettings();
	}

	@Override
	protected GuildSettingsRepository reopen() {
		return this.database.open().guildSettings();
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void oneRowPerSetting() {
		PostgresStorage storage = this.database.open();
		storage.guildSettings().put("g1", "rounds", "10");
		storage.guildSettings().put("g1", "pause", "8s");
		assertThat(storage.jdbc().sql("SELECT count(*) FROM guild_settings WHERE guild_id = 'g1'").query(Long.class).single())
			.isEqualTo(2);
	}

}
