package org.namethatartist.guildsettings;

import java.time.Duration;
import java.util.List;

import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.TitleShown;

/**
 * A server's settings as games use them; a null member (an empty list for channels) is not set, and the
 * operator's default applies.
 *
 * @param rounds rounds of a game when the starter does not say
 * @param roundTime round time when the starter does not say
 * @param pause pause after a round when the starter does not say
 * @param choices buttons per round
 * @param channels channel ids where games may start; empty: anywhere
 * @param stopRole id of a role whose members may stop any game
 * @param announcementChannel id of the channel that gets each week's podium and the results of long games
 * @param showTitle when rounds show the artwork's title
 */
public record GuildSettings(Integer rounds, Duration roundTime, Duration pause, Integer choices, List<String> channels,
		String stopRole, String announcementChannel, Difficulty difficulty, AnswerMode answers, TitleShown showTitle) {

	/** A game of this many rounds or more is a long one: its results are announced. */
	public static final int LONG_GAME_ROUNDS = 20;

	public GuildSettings {
		channels = List.copyOf(channels);
	}

	/** No setting changed. */
	public static GuildSettings none() {
		return new GuildSettings(null, null, null, null, List.of(), null, null, null, null, null);
	}

	/** Whether a game may start in this channel. */
	public boolean allowsGamesIn(String channelId) {
		return this.channels.isEmpty() || this.channels.contains(channelId);
	}

	/**
	 * The channel to announce a finished game's results in: the announcement channel, for a game of
	 * {@link #LONG_GAME_ROUNDS} rounds or more played elsewhere; empty otherwise.
	 */
	public java.util.Optional<String> announceIn(String gameChannelId, int totalRounds) {
		if (this.announcementChannel == null || totalRounds < LONG_GAME_ROUNDS
				|| this.announcementChannel.equals(gameChannelId)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(this.announcementChannel);
	}

	/** Whether a member with these role ids may stop any game. */
	public boolean mayStop(List<String> roleIds) {
		return this.stopRole != null && roleIds.contains(this.stopRole);
	}

}
