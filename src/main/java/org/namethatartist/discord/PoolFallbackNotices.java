package org.namethatartist.discord;

import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.guildsettings.GuildSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a server, in its announcement channel, when its own artwork pool no longer makes a game and its
 * games fall back to the default artworks. A server without the channel is told at its next game's start
 * instead ({@link NameThatArtistCommand}). Told once per fall, as {@link ArtworkPools} reports it; a restart
 * while the pool is still too small tells it once more.
 */
final class PoolFallbackNotices implements ArtworkPools.FallbackListener {

	private static final Logger logger = LoggerFactory.getLogger(PoolFallbackNotices.class);

	private final GuildSettingsService settings;

	private final GameChannels channels;

	PoolFallbackNotices(GuildSettingsService settings, GameChannels channels) {
		this.settings = settings;
		this.channels = channels;
	}

	@Override
	public void fellBack(String guildId, String reason) {
		String channelId = this.settings.settings(guildId).announcementChannel();
		if (channelId == null) {
			return;
		}
		this.channels.find(channelId)
			.ifPresentOrElse((channel) -> channel.sendMessage("⚠️ " + reason)
				.setAllowedMentions(Messages.NO_MENTIONS)
				.queue(null, Messages.failed("telling server " + guildId + " its pool fell back")),
					() -> logger.warn("Discord: the announcement channel {} of server {} is not visible; its pool's "
							+ "fallback is told at its next game instead", channelId, guildId));
	}

}
