package org.namethatartist.guildsettings;

/** What became of a change of settings. */
public sealed interface SettingChange {

	/**
	 * Stored: it applies from the next game on. {@code value} is the value as shown, null once reset;
	 * {@code note} what the bot found checking it (a pool's size), or null.
	 */
	record Changed(Setting setting, String value, String note) implements SettingChange {

		public Changed(Setting setting, String value) {
			this(setting, value, null);
		}

	}

	/** Not stored, and nothing changed: {@code message} says what was wrong and what is allowed. */
	record Rejected(String message) implements SettingChange {
	}

	/** Imported: the guild's settings are now exactly these many values. */
	record Imported(int count) implements SettingChange {
	}

}
