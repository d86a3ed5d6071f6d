package org.namethatartist.storage.postgres;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.namethatartist.StorageException;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Server settings in {@code guild_settings}, one row per (guild, setting). A {@code put} is one upsert, so
 * concurrent changes of different settings never lose each other; {@code replace} deletes and inserts in
 * one transaction, so a reader sees the settings before the import or after it, never half of it.
 */
final class PostgresGuildSettingsRepository implements GuildSettingsRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	PostgresGuildSettingsRepository(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public Map<String, String> find(String guildId) {
		return run("read the settings of server " + guildId, () -> {
			Map<String, String> values = new LinkedHashMap<>();
			this.jdbc.sql("SELECT name, value FROM guild_settings WHERE guild_id = ? ORDER BY name")
				.param(guildId)
				.query((rs) -> {
					values.put(rs.getString(1), rs.getString(2));
				});
			return values;
		});
	}

	@Override
	public Map<String, String> findAll(String name) {
		return run("read the setting " + name + " of every server", () -> {
			Map<String, String> values = new LinkedHashMap<>();
			this.jdbc.sql("SELECT guild_id, value FROM guild_settings WHERE name = ? ORDER BY guild_id")
				.param(name)
				.query((rs) -> {
					values.put(rs.getString(1), rs.getString(2));
				});
			return values;
		});
	}

	@Override
	public void put(String guildId, String name, String value) {
		run("change the setting " + name + " of server " + guildId, () -> insert(guildId, name, value));
	}

	@Override
	public void remove(String guildId, String name) {
		run("reset the setting " + name + " of server " + guildId,
				() -> this.jdbc.sql("DELETE FROM guild_settings WHERE guild_id = ? AND name = ?")
					.param(guildId)
					.param(name)
					.update());
	}

	@Override
	public void replace(String guildId, Map<String, String> values) {
		run("import the settings of server " + guildId, () -> this.transactions.execute((status) -> {
			this.jdbc.sql("DELETE FROM guild_settings WHERE guild_id = ?").param(guildId).update();
			values.forEach((name, value) -> insert(guildId, name, value));
			return values.size();
		}));
	}

	private int insert(String guildId, String name, String value) {
		return this.jdbc
			.sql("INSERT INTO guild_settings (guild_id, name, value) VALUES (?, ?, ?) ON CONFLICT (guild_id, name) "
					+ "DO UPDATE SET value = EXCLUDED.value, updated_at = now()")
			.param(guildId)
			.param(name)
			.param(value)
			.update();
	}

	private static <T> T run(String what, Supplier<T> statement) {
		try {
			return statement.get();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not " + what + ": " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

}
