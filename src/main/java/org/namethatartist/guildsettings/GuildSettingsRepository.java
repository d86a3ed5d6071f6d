package org.namethatartist.guildsettings;

import java.util.Map;

/**
 * The settings of each server, by guild id, as (setting name, canonical text) pairs; a setting not stored
 * is at its default. Every write is durable once it returns, and one guild's writes are atomic and
 * ordered: two concurrent {@code put}s of different settings both stay.
 */
public interface GuildSettingsRepository {

	/** The guild's stored settings by name, in no particular order; empty when none. */
	Map<String, String> find(String guildId);

	/** Every guild that has this setting stored, with its value; for the pools in use. */
	Map<String, String> findAll(String name);

	/** Stores one setting's value, replacing the one stored before. */
	void put(String guildId, String name, String value);

	/** Clears one setting; nothing happens when it was not set. */
	void remove(String guildId, String name);

	/** Replaces all of the guild's settings at once with these (an import); an empty map clears them all. */
	void replace(String guildId, Map<String, String> values);

}
