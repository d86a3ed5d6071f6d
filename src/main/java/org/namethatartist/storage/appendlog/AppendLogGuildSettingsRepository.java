package org.namethatartist.storage.appendlog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.Mutation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server settings on the {@code guild_settings} store: one entry per guild id, an object of setting name
 * to text ({@code {"rounds":"10","channels":"1,2"}}). A change is a read-modify-write of the guild's
 * object under the guild's lock, held across the durable append, so concurrent changes of one guild all
 * stay; a guild left with no setting is deleted.
 */
final class AppendLogGuildSettingsRepository implements GuildSettingsRepository {

	private final AppendLog<JsonNode> log;

	private final JsonTable table;

	private final KeyLocks locks = new KeyLocks(64);

	AppendLogGuildSettingsRepository(AppendLog<JsonNode> log, JsonTable table) {
		this.log = log;
		this.table = table;
	}

	@Override
	public Map<String, String> find(String guildId) {
		Map<String, String> values = new LinkedHashMap<>();
		JsonNode stored = this.table.get(guildId);
		if (stored != null && stored.isObject()) {
			// A member that is not text was not written by us: it is left out, and its default applies.
			stored.properties().forEach((entry) -> {
				if (entry.getValue().isString()) {
					values.put(entry.getKey(), entry.getValue().asString());
				}
			});
		}
		return values;
	}

	/** Every guild's stored settings, as (guild id, settings by name); for an import into another backend. */
	void forEachGuild(java.util.function.BiConsumer<String, Map<String, String>> action) {
		this.table.forEachEntry((guildId, stored) -> {
			Map<String, String> values = find(guildId);
			if (!values.isEmpty()) {
				action.accept(guildId, values);
			}
		});
	}

	@Override
	public Map<String, String> findAll(String name) {
		Map<String, String> values = new LinkedHashMap<>();
		this.table.forEachEntry((guildId, stored) -> {
			JsonNode value = stored.path(name);
			if (value.isString()) {
				values.put(guildId, value.asString());
			}
		});
		return values;
	}

	@Override
	public void put(String guildId, String name, String value) {
		change(guildId, (values) -> values.put(name, value));
	}

	@Override
	public void remove(String guildId, String name) {
		change(guildId, (values) -> values.remove(name));
	}

	@Override
	public void replace(String guildId, Map<String, String> values) {
		change(guildId, (current) -> {
			current.clear();
			current.putAll(values);
		});
	}

	private void change(String guildId, java.util.function.Consumer<Map<String, String>> edit) {
		ReentrantLock lock = this.locks.forKey(guildId);
		lock.lock();
		try {
			Map<String, String> before = find(guildId);
			Map<String, String> after = new LinkedHashMap<>(before);
			edit.accept(after);
			if (after.equals(before) && this.table.get(guildId) != null) {
				return;
			}
			if (after.isEmpty()) {
				if (this.table.get(guildId) != null) {
					this.log.append(new Mutation.Remove<>(guildId), () -> this.table.replayRemove(guildId));
				}
				return;
			}
			ObjectNode object = JsonNodeFactory.instance.objectNode();
			after.forEach(object::put);
			this.log.append(new Mutation.Put<>(guildId, object), () -> this.table.replayPut(guildId, object));
		}
		finally {
			lock.unlock();
		}
	}

}
