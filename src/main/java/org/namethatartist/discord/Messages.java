package org.namethatartist.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message the bot sends is built here, with no mention allowed (a name such as {@code @everyone}
 * never pings, whatever it contains), and every interaction answer goes through here, so that a failure
 * to deliver one is logged instead of lost.
 */
final class Messages {

	private static final Logger logger = LoggerFactory.getLogger(Messages.class);

	/** What a message may ping: nothing. Also JDA's default, set at start-up; kept per message too. */
	static final EnumSet<MentionType> NO_MENTIONS = EnumSet.noneOf(MentionType.class);

	/** Embed colours: the game's, right, wrong or stopped. */
	static final int COLOR_GAME = 0x5865F2;

	static final int COLOR_RIGHT = 0x57F287;

	static final int COLOR_OVER = 0xFEE75C;

	static final int COLOR_STOPPED = 0xED4245;

	private Messages() {
	}

	static MessageCreateData text(String content) {
		return new MessageCreateBuilder().setContent(content).setAllowedMentions(NO_MENTIONS).build();
	}

	static MessageCreateData embed(MessageEmbed embed) {
		return new MessageCreateBuilder().setEmbeds(embed).setAllowedMentions(NO_MENTIONS).build();
	}

	static MessageCreateData embed(MessageEmbed embed, List<? extends MessageTopLevelComponent> components) {
		return new MessageCreateBuilder().setEmbeds(embed)
			.setComponents(components)
			.setAllowedMentions(NO_MENTIONS)
			.build();
	}

	static MessageEditData editText(String content) {
		return new MessageEditBuilder().setContent(content).setAllowedMentions(NO_MENTIONS).build();
	}

	static MessageEditData editEmbed(MessageEmbed embed) {
		return new MessageEditBuilder().setEmbeds(embed).setAllowedMentions(NO_MENTIONS).build();
	}

	/** Replaces only the components (the buttons) of a message; its embed stays. */
	static MessageEditData editComponents(List<? extends MessageTopLevelComponent> components) {
		return new MessageEditBuilder().setComponents(components).setAllowedMentions(NO_MENTIONS).build();
	}

	/** A reply only the user sees. */
	static void replyPrivately(IReplyCallback event, String content) {
		reply(event, text(content), true);
	}

	static void reply(IReplyCallback event, MessageCreateData message, boolean ephemeral) {
		event.reply(message).setEphemeral(ephemeral).queue(null, failed("reply to", event));
	}

	/**
	 * "Thinking…" at once, before a command reads or writes storage: Discord allows 3 s to acknowledge, and a
	 * store may be slow. The answer follows through {@link #answerDeferred}.
	 */
	static void defer(IReplyCallback event, boolean ephemeral) {
		event.deferReply(ephemeral).queue(null, failed("deferral of", event));
	}

	/** The answer to a deferred interaction: it takes the place of "thinking…", public or not as deferred. */
	static void answerDeferred(IReplyCallback event, MessageCreateData message) {
		event.getHook().sendMessage(message).queue(null, failed("deferred answer to", event));
	}

	/**
	 * An error only the user sees, whether or not the interaction was acknowledged already. After a public
	 * reply or defer, it is a private follow-up.
	 */
	static void error(IReplyCallback event, String content) {
		if (event.isAcknowledged()) {
			event.getHook().sendMessage(text(content)).setEphemeral(true).queue(null, failed("error follow-up to", event));
		}
		else {
			replyPrivately(event, content);
		}
	}

	/** Logs a request Discord refused or that never arrived; the caller's thread has long moved on. */
	static Consumer<Throwable> failed(String what, IReplyCallback event) {
		return (failure) -> logger.warn("Discord: the {} interaction {} of user {} in channel {} failed: {}", what,
				event.getId(), event.getUser().getId(), event.getChannelId(), failure.toString());
	}

	static Consumer<Throwable> failed(String what) {
		return (failure) -> logger.warn("Discord: {} failed: {}", what, failure.toString());
	}

}
