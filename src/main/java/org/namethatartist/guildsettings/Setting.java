package org.namethatartist.guildsettings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings a server may change, by the name moderators type. A new setting is one more constant here and one more case in {@link GuildSettingsService#parse}: the stores
 * keep any name, so no migration is needed.
 */
public enum Setting {

	/** Rounds of a game when the starter does not say. */
	ROUNDS("rounds", "rounds of a game when the starter does not say"),

	/** How long a round is open when the starter does not say. */
	ROUND_TIME("round-time", "seconds to answer when the starter does not say"),

	/** The pause after a round when the starter does not say. */
	PAUSE("pause", "seconds between two rounds when the starter does not say"),

	/** Buttons per round, 3 to 5. */
	CHOICES("choices", "artists to choose from in each round, 3 to 5"),

	/** The artwork pools the server's games draw from: default, a wallet, a collection, an artist, or several. */
	POOL("pool", "artworks played: default, wallet:<tz…>, collection:<KT1…>, artist:<name>, or a list"),

	/** The channels games may start in; none set: anywhere. */
	CHANNELS("channels", "channels where games may start (none: anywhere)"),

	/** A role whose members may stop any game, besides members with Manage Messages. */
	STOP_ROLE("stop-role", "a role allowed to stop games, besides Manage Messages"),

	/** A channel that gets each week's podium, and the Game Over summary of every long game played on the server. */
	ANNOUNCEMENT_CHANNEL("announcement-channel",
			"a channel for weekly podiums and long games' results (none: no announcements)"),

	/** How the wrong answers are drawn when the starter does not say: easy, normal or hard. */
	DIFFICULTY("difficulty", "easy, normal or hard: how alike the wrong answers are"),

	/** How players answer when the starter does not say: buttons or typed. */
	ANSWERS("answers", "buttons or typed: choose the artist, or type the name"),

	/** When the artwork's title is shown: with the reveal, or already during the round as a hint. */
	SHOW_TITLE("show-title", "after-round or during-round: when the artwork's title is shown");

	private final String key;

	private final String description;

	Setting(String key, String description) {
		this.key = key;
		this.description = description;
	}

	/** The name moderators type and the stores keep, such as {@code round-time}. */
	public String key() {
		return this.key;
	}

	public String description() {
		return this.description;
	}

	public static Optional<Setting> byKey(String key) {
		return Arrays.stream(values()).filter((setting) -> setting.key.equals(key)).findFirst();
	}

	/** Every name, for a message that says what exists. */
	public static String keys() {
		return String.join(", ", Arrays.stream(values()).map(Setting::key).toList());
	}

}
