package org.namethatartist.discord;

import java.util.Optional;
import java.util.OptionalLong;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.utils.data.DataObject;
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

	/**
	 * Whether the member who acted holds the permission in the channel they acted in (Administrator holds
	 * them all). Discord sends that member's permissions in this channel with every interaction, computed
	 * with every overwrite, the member's own included; JDA's light cache keeps no member overwrites, so the
	 * cache is only the fallback when the interaction's raw data is not there.
	 */
	static boolean can(GenericInteractionCreateEvent event, Permission permission) {
		OptionalLong raw = interactionPermissions(event.getRawData());
		if (raw.isPresent()) {
			long bits = raw.getAsLong();
			return (bits & Permission.ADMINISTRATOR.getRawValue()) != 0 || (bits & permission.getRawValue()) != 0;
		}
		return can(event.getMember(), event.getGuildChannel(), permission);
	}

	/** Moderators may stop anybody's game and are not held by cooldowns. */
	static boolean isModerator(GenericInteractionCreateEvent event) {
		return can(event, Permission.MESSAGE_MANAGE);
	}

	/** {@code d.member.permissions} of an INTERACTION_CREATE: a decimal string of permission bits. */
	static OptionalLong interactionPermissions(DataObject payload) {
		if (payload == null) {
			return OptionalLong.empty();
		}
		DataObject data = payload.optObject("d").orElse(payload);
		String permissions = data.optObject("member").map((member) -> member.getString("permissions", null)).orElse(null);
		if (permissions == null) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseUnsignedLong(permissions));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * The bot's member in the interaction's server, or empty when the app was added without the bot (only
	 * {@code applications.commands}): such a server is "detached", and JDA cannot give its self member.
	 */
	static Optional<Member> self(Guild guild) {
		if (guild == null || guild.isDetached()) {
			return Optional.empty();
		}
		try {
			return Optional.of(guild.getSelfMember());
		}
		catch (IllegalStateException | UnsupportedOperationException ex) {
			return Optional.empty();
		}
	}

	/** Whether the bot can post embeds here: without that, a game nobody could see would start. */
	static boolean botCanPost(Member self, GuildMessageChannel channel) {
		return channel != null && channel.canTalk() && self != null
				&& self.hasPermission(channel, Permission.MESSAGE_EMBED_LINKS);
	}

	static final String NO_BOT = "I'm installed here without my bot user, so I can't post games in this server. "
			+ "Ask a server admin to invite me again with the bot scope (the invite link with \"bot\" and "
			+ "\"applications.commands\").";

	static final String CANNOT_POST = "I can't post here: I need View Channel, Send Messages and Embed Links "
			+ "in this channel. Ask a server admin to allow them, or use another channel.";

}
