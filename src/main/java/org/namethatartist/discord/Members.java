package org.namethatartist.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.namethatartist.game.Player;

/** Who is acting, and what they may do in the channel they act in. */
final class Members {

	private Members() {
	}

	/** The game knows players by their Discord id and username, as the original's data files do. */
	static Player player(User user) {
		return new Player(user.getId(), user.getName());
	}

	/** Whether the member holds the permission in this channel (Administrator holds them all). */
	static boolean can(Member member, GuildChannel channel, Permission permission) {
		if (member == null) {
			return false;
		}
		if (channel == null) {
			return member.hasPermission(Permission.ADMINISTRATOR) || member.hasPermission(permission);
		}
		return member.hasPermission(channel, Permission.ADMINISTRATOR) || member.hasPermission(channel, permission);
	}

	/** Moderators may stop anybody's game and are not held by cooldowns. */
	static boolean isModerator(Member member, GuildChannel channel) {
		return can(member, channel, Permission.MESSAGE_MANAGE);
	}

	/** Whether the bot can post embeds here: without that, a game nobody could see would start. */
	static boolean botCanPost(Member self, GuildMessageChannel channel) {
		return channel != null && channel.canTalk() && self != null
				&& self.hasPermission(channel, Permission.MESSAGE_EMBED_LINKS);
	}

	static final String CANNOT_POST = "I can't post here: I need View Channel, Send Messages and Embed Links "
			+ "in this channel. Ask a server admin to allow them, or use another channel.";

}
