package org.namethatartist.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.SelfMember;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.unions.GuildMessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.restaction.AuditableRestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A fake Discord for the adapter's tests, in the spirit of TJ-Bot's {@code JdaTester}: builds mocked
 * interaction events, members, channels and hooks, and records every message the adapter sends, replies,
 * defers, edits or deletes, in order, with its content, embeds, components, allowed mentions and
 * ephemeral flag. Every request action answers {@code queue} and {@code submit} at once (or fails, for
 * channels told to), and {@code complete()}, which would block a JDA thread, fails the test.
 */
final class DiscordTester {

	static final String GUILD = "100000000000000001";

	static final String CHANNEL = "200000000000000002";

	static final String BOT = "900000000000000009";

	/** What the adapter did. */
	enum Kind {

		/** An interaction's reply. */
		REPLY,

		/** {@code deferReply}: "thinking…", public or ephemeral. */
		DEFER,

		/** A message sent through the interaction's hook (after a defer: its answer). */
		FOLLOW_UP,

		/** The interaction's original message edited. */
		EDIT_ORIGINAL,

		/** A message posted in a channel. */
		SEND,

		/** A channel message edited. */
		EDIT,

		/** A channel message deleted. */
		DELETE

	}

	/** One thing sent. {@code ephemeral} and {@code queued} change after creation, as on JDA's actions. */
	static final class Sent {

		final Kind kind;

		final String channelId;

		final String messageId;

		final String content;

		final List<MessageEmbed> embeds;

		final List<MessageTopLevelComponentUnion> components;

		final EnumSet<MentionType> allowedMentions;

		volatile boolean ephemeral;

		volatile boolean queued;

		/** The message's nonce, when the bot set one. */
		volatile String nonce;

		Sent(Kind kind, String channelId, String messageId, String content, List<MessageEmbed> embeds,
				List<MessageTopLevelComponentUnion> components, EnumSet<MentionType> allowedMentions) {
			this.kind = kind;
			this.channelId = channelId;
			this.messageId = messageId;
			this.content = (content != null) ? content : "";
			this.embeds = (embeds != null) ? List.copyOf(embeds) : List.of();
			this.components = (components != null) ? List.copyOf(components) : List.of();
			this.allowedMentions = allowedMentions;
		}

		static Sent of(Kind kind, String channelId, String messageId, MessageCreateData data) {
			return new Sent(kind, channelId, messageId, data.getContent(), data.getEmbeds(), data.getComponents(),
					data.getAllowedMentions());
		}

		static Sent of(Kind kind, String channelId, String messageId, MessageEditData data) {
			return new Sent(kind, channelId, messageId, data.getContent(), data.getEmbeds(), data.getComponents(),
					data.getAllowedMentions());
		}

		MessageEmbed embed() {
			if (this.embeds.size() != 1) {
				throw new AssertionError("expected one embed in " + this);
			}
			return this.embeds.get(0);
		}

		List<Button> buttons() {
			return this.components.stream().flatMap((row) -> row.asActionRow().getButtons().stream()).toList();
		}

		/** Everything a reader sees, as one string: content, then each embed's title, text, fields, footer. */
		String text() {
			StringBuilder text = new StringBuilder(this.content);
			for (MessageEmbed embed : this.embeds) {
				append(text, embed.getTitle());
				append(text, embed.getDescription());
				for (MessageEmbed.Field field : embed.getFields()) {
					append(text, field.getName());
					append(text, field.getValue());
				}
				if (embed.getFooter() != null) {
					append(text, embed.getFooter().getText());
				}
			}
			return text.toString();
		}

		private static void append(StringBuilder text, String part) {
			if (part != null) {
				text.append((text.length() > 0) ? "\n" : "").append(part);
			}
		}

		@Override
		public String toString() {
			return this.kind + (this.ephemeral ? " (ephemeral)" : "") + " in " + this.channelId + ": " + text()
					+ (this.components.isEmpty() ? "" : " " + buttons().stream().map(Button::getCustomId).toList());
		}

	}

	/** One interaction: its event, its hook, and what was sent for it. */
	final class Interaction<E> {

		final E event;

		final InteractionHook hook = mock(InteractionHook.class);

		final List<Sent> sent = new CopyOnWriteArrayList<>();

		final AtomicBoolean acknowledged = new AtomicBoolean();

		volatile boolean hookExpired;

		private Interaction(E event) {
			this.event = event;
		}

		/** The one thing sent for this interaction (a reply, or a defer's answer), failing otherwise. */
		Sent answer() {
			List<Sent> answers = this.sent.stream().filter((s) -> s.kind != Kind.DEFER).toList();
			if (answers.size() != 1) {
				throw new AssertionError("expected one answer, got " + this.sent);
			}
			return answers.get(0);
		}

		boolean deferred() {
			return this.sent.stream().anyMatch((s) -> s.kind == Kind.DEFER);
		}

		/** Whether the user alone sees the answer: an ephemeral reply, or the answer to an ephemeral defer. */
		boolean privately() {
			Sent answer = answer();
			if (answer.kind == Kind.FOLLOW_UP && deferred() && this.sent.indexOf(answer) == 1) {
				return this.sent.get(0).ephemeral;
			}
			return answer.ephemeral;
		}

	}

	/** Everything sent, in order, across interactions and channels. */
	final List<Sent> sent = new CopyOnWriteArrayList<>();

	final JDA jda = mock(JDA.class);

	final Guild guild = mock(Guild.class);

	private final SelfMember self;

	private final AtomicInteger messageIds = new AtomicInteger(5000);

	private final Map<String, GuildMessageChannelUnion> channels = new ConcurrentHashMap<>();

	private final Set<String> failingChannels = ConcurrentHashMap.newKeySet();

	private final Map<String, Function<MessageCreateData, Throwable>> refusals = new ConcurrentHashMap<>();

	private final Set<String> mutedChannels = ConcurrentHashMap.newKeySet();

	DiscordTester() {
		when(this.jda.getGatewayPing()).thenReturn(42L);
		when(this.guild.getId()).thenReturn(GUILD);
		this.self = member(SelfMember.class, user(BOT, "Name That Artist"), Set.of(Permission.MESSAGE_EMBED_LINKS));
		when(this.guild.getSelfMember()).thenReturn(this.self);
	}

	/** What was sent in a channel (posts, edits, deletions), in order. */
	List<Sent> inChannel(String channelId) {
		return this.sent.stream()
			.filter((s) -> channelId.equals(s.channelId) && EnumSet.of(Kind.SEND, Kind.EDIT, Kind.DELETE).contains(s.kind))
			.toList();
	}

	/** Makes the channel's posts fail (a missing permission, Discord down). */
	void failPostsIn(String channelId) {
		this.failingChannels.add(channelId);
	}

	/** Discord takes the channel's posts again. */
	void takePostsIn(String channelId) {
		this.failingChannels.remove(channelId);
	}

	/**
	 * Discord answers each post in the channel as {@code rule} says: a failure to return, or null to take it
	 * (a refused image, an embed over a limit, a permission taken away mid-game).
	 */
	void refuseIn(String channelId, Function<MessageCreateData, Throwable> rule) {
		this.refusals.put(channelId, rule);
	}

	private Throwable refusal(String channelId, MessageCreateData data) {
		if (this.failingChannels.contains(channelId)) {
			return new IllegalStateException("Missing permission");
		}
		Function<MessageCreateData, Throwable> rule = this.refusals.get(channelId);
		return (rule != null) ? rule.apply(data) : null;
	}

	/** The bot may not post in the channel (no View Channel or Send Messages). */
	void muteIn(String channelId) {
		this.mutedChannels.add(channelId);
	}

	/** The bot may post in the channel again (a server admin fixed its permissions). */
	void unmuteIn(String channelId) {
		this.mutedChannels.remove(channelId);
	}

	/** A server the app was added to without its bot user: JDA knows its id, and no self member. */
	static Guild detachedGuild() {
		Guild guild = mock(Guild.class);
		when(guild.getId()).thenReturn(GUILD);
		when(guild.isDetached()).thenReturn(true);
		when(guild.getSelfMember()).thenThrow(new IllegalStateException("Cannot get the self member of a detached guild"));
		return guild;
	}

	static User user(String id, String name) {
		User user = mock(User.class);
		when(user.getId()).thenReturn(id);
		when(user.getName()).thenReturn(name);
		when(user.getEffectiveName()).thenReturn(name);
		return user;
	}

	/** A member holding exactly these permissions in every channel (Administrator holds them all). */
	static Member member(User user, Set<Permission> permissions) {
		return member(Member.class, user, permissions);
	}

	static <M extends Member> M member(Class<M> type, User user, Set<Permission> permissions) {
		M member = mock(type, (InvocationOnMock invocation) -> {
			switch (invocation.getMethod().getName()) {
				case "hasPermission":
					return holds(permissions, invocation.getArguments());
				case "getUser":
					return user;
				case "getId":
					return user.getId();
				case "getEffectiveName":
					return user.getName();
				default:
					return Answers.RETURNS_DEFAULTS.answer(invocation);
			}
		});
		return member;
	}

	private static boolean holds(Set<Permission> held, Object[] arguments) {
		List<Permission> asked = new ArrayList<>();
		for (Object argument : arguments) {
			if (argument instanceof Permission permission) {
				asked.add(permission);
			}
			else if (argument instanceof Permission[] many) {
				asked.addAll(List.of(many));
			}
			else if (argument instanceof Collection<?> many) {
				many.forEach((p) -> asked.add((Permission) p));
			}
		}
		return held.contains(Permission.ADMINISTRATOR) || held.containsAll(asked);
	}

	GuildMessageChannelUnion channel(String id) {
		return this.channels.computeIfAbsent(id, this::newChannel);
	}

	private GuildMessageChannelUnion newChannel(String id) {
		GuildMessageChannelUnion channel = mock(GuildMessageChannelUnion.class);
		when(channel.getId()).thenReturn(id);
		when(channel.getGuild()).thenReturn(this.guild);
		when(channel.canTalk()).thenAnswer((invocation) -> !this.mutedChannels.contains(id));
		when(channel.sendMessage(any(MessageCreateData.class))).thenAnswer((invocation) -> {
			String messageId = String.valueOf(this.messageIds.incrementAndGet());
			Sent sent = record(null, Sent.of(Kind.SEND, id, messageId, invocation.<MessageCreateData>getArgument(0)));
			return action(MessageCreateAction.class, sent, () -> message(messageId),
					() -> refusal(id, invocation.getArgument(0)));
		});
		when(channel.editMessageById(anyString(), any(MessageEditData.class))).thenAnswer((invocation) -> {
			Sent sent = record(null,
					Sent.of(Kind.EDIT, id, invocation.getArgument(0), invocation.<MessageEditData>getArgument(1)));
			return action(MessageEditAction.class, sent, () -> message(invocation.getArgument(0)), () -> null);
		});
		when(channel.deleteMessageById(anyString())).thenAnswer((invocation) -> {
			Sent sent = record(null, new Sent(Kind.DELETE, id, invocation.getArgument(0), null, null, null, null));
			return action(AuditableRestAction.class, sent, () -> null, () -> null);
		});
		return channel;
	}

	static Message message(String id) {
		Message message = mock(Message.class);
		when(message.getId()).thenReturn(id);
		return message;
	}

	private Sent record(Interaction<?> interaction, Sent sent) {
		this.sent.add(sent);
		if (interaction != null) {
			interaction.sent.add(sent);
		}
		return sent;
	}

	/**
	 * A request action of any of JDA's kinds: fluent setters return the action itself, {@code setEphemeral}
	 * is recorded, {@code queue} and {@code submit} answer with {@code result} (or fail when
	 * {@code failing} says so), and {@code complete} fails the test.
	 */
	@SuppressWarnings("unchecked")
	private static <A> A action(Class<A> type, Sent sent, Supplier<Object> result, Supplier<Throwable> failing) {
		Object[] self = new Object[1];
		A action = mock(type, (InvocationOnMock invocation) -> {
			String name = invocation.getMethod().getName();
			Object[] args = invocation.getArguments();
			switch (name) {
				case "setEphemeral":
					sent.ephemeral = (Boolean) args[0];
					return self[0];
				case "setNonce":
					sent.nonce = (String) args[0];
					return self[0];
				case "queue":
					sent.queued = true;
					Throwable failure = failing.get();
					if (failure != null) {
						if (args.length == 2 && args[1] != null) {
							((Consumer<Throwable>) args[1]).accept(failure);
						}
					}
					else if (args.length >= 1 && args[0] != null) {
						((Consumer<Object>) args[0]).accept(result.get());
					}
					return null;
				case "submit":
					sent.queued = true;
					Throwable refused = failing.get();
					return (refused != null) ? CompletableFuture.failedFuture(refused)
							: CompletableFuture.completedFuture(result.get());
				case "complete":
					throw new AssertionError("complete() blocks the calling thread; the adapter must queue()");
				default:
					if (invocation.getMethod().getReturnType().isInstance(self[0])) {
						return self[0];
					}
					return Answers.RETURNS_DEFAULTS.answer(invocation);
			}
		});
		self[0] = action;
		return action;
	}

	private void hook(Interaction<?> interaction, String channelId) {
		InteractionHook hook = interaction.hook;
		when(hook.isExpired()).thenAnswer((invocation) -> interaction.hookExpired);
		when(hook.getJDA()).thenReturn(this.jda);
		when(hook.sendMessage(any(MessageCreateData.class))).thenAnswer((invocation) -> {
			String messageId = String.valueOf(this.messageIds.incrementAndGet());
			Sent sent = record(interaction,
					Sent.of(Kind.FOLLOW_UP, channelId, messageId, invocation.<MessageCreateData>getArgument(0)));
			return action(WebhookMessageCreateAction.class, sent, () -> message(messageId), () -> null);
		});
		when(hook.editOriginal(any(MessageEditData.class))).thenAnswer((invocation) -> {
			Sent sent = record(interaction,
					Sent.of(Kind.EDIT_ORIGINAL, channelId, null, invocation.<MessageEditData>getArgument(0)));
			return action(WebhookMessageEditAction.class, sent, () -> message("original"), () -> null);
		});
	}

	private ReplyCallbackAction reply(Interaction<?> interaction, String channelId, MessageCreateData data) {
		Sent sent = record(interaction, Sent.of(Kind.REPLY, channelId, null, data));
		interaction.acknowledged.set(true);
		return action(ReplyCallbackAction.class, sent, () -> interaction.hook, () -> null);
	}

	private ReplyCallbackAction defer(Interaction<?> interaction, String channelId, boolean ephemeral) {
		Sent sent = record(interaction, new Sent(Kind.DEFER, channelId, null, null, null, null, null));
		sent.ephemeral = ephemeral;
		interaction.acknowledged.set(true);
		return action(ReplyCallbackAction.class, sent, () -> interaction.hook, () -> null);
	}

	SlashBuilder slash(String name) {
		return new SlashBuilder(name);
	}

	ButtonBuilder button(String customId) {
		return new ButtonBuilder(customId);
	}

	/** Who acts, where, with what permissions: shared by both kinds of event. */
	abstract class Builder<B extends Builder<B>> {

		User user = user("300000000000000003", "Ann");

		Set<Permission> permissions = new HashSet<>();

		String channelId = CHANNEL;

		boolean inGuild = true;

		/** When the user acted (Discord: the interaction's snowflake); none: as it is processed. */
		OffsetDateTime createdAt;

		/** The member's permissions in the channel as the interaction's payload gives them; none: no payload. */
		Set<Permission> interactionPermissions;

		/** The server added the app without its bot user. */
		boolean detached;

		/**
		 * The permissions Discord computed for the member in this channel, sent with the interaction (what
		 * {@code with} gives is the cache's view, which lacks the member's own overwrites).
		 */
		@SuppressWarnings("unchecked")
		B permitted(Permission... permissions) {
			this.interactionPermissions = EnumSet.noneOf(Permission.class);
			this.interactionPermissions.addAll(List.of(permissions));
			return (B) this;
		}

		@SuppressWarnings("unchecked")
		B detached() {
			this.detached = true;
			return (B) this;
		}

		/** The gateway payload JDA keeps with the event when event passthrough is on. */
		DataObject rawData() {
			if (this.interactionPermissions == null) {
				return null;
			}
			return DataObject.empty().put("t", "INTERACTION_CREATE").put("d", DataObject.empty().put("member",
					DataObject.empty().put("permissions", String.valueOf(Permission.getRaw(this.interactionPermissions)))));
		}

		Guild guild() {
			return this.detached ? DiscordTester.detachedGuild() : DiscordTester.this.guild;
		}

		@SuppressWarnings("unchecked")
		B at(Instant createdAt) {
			this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
			return (B) this;
		}

		@SuppressWarnings("unchecked")
		B by(String id, String name) {
			this.user = user(id, name);
			return (B) this;
		}

		@SuppressWarnings("unchecked")
		B by(User user) {
			this.user = user;
			return (B) this;
		}

		@SuppressWarnings("unchecked")
		B with(Permission... permissions) {
			this.permissions.addAll(List.of(permissions));
			return (B) this;
		}

		@SuppressWarnings("unchecked")
		B in(String channelId) {
			this.channelId = channelId;
			return (B) this;
		}

		@SuppressWarnings("unchecked")
		B inDirectMessages() {
			this.inGuild = false;
			return (B) this;
		}

	}

	final class SlashBuilder extends Builder<SlashBuilder> {

		private final String name;

		private final Map<String, OptionMapping> options = new HashMap<>();

		SlashBuilder(String name) {
			this.name = name;
		}

		SlashBuilder option(String name, long value) {
			OptionMapping option = mock(OptionMapping.class);
			when(option.getAsLong()).thenReturn(value);
			when(option.getAsInt()).thenReturn((int) value);
			when(option.getAsString()).thenReturn(String.valueOf(value));
			this.options.put(name, option);
			return this;
		}

		SlashBuilder option(String name, String value) {
			OptionMapping option = mock(OptionMapping.class);
			when(option.getAsString()).thenReturn(value);
			this.options.put(name, option);
			return this;
		}

		SlashBuilder option(String name, User value) {
			String id = value.getId();
			OptionMapping option = mock(OptionMapping.class);
			when(option.getAsUser()).thenReturn(value);
			when(option.getAsString()).thenReturn(id);
			this.options.put(name, option);
			return this;
		}

		Interaction<SlashCommandInteractionEvent> build() {
			SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
			Interaction<SlashCommandInteractionEvent> interaction = new Interaction<>(event);
			hook(interaction, this.channelId);
			GuildMessageChannelUnion channel = channel(this.channelId);
			Member member = this.inGuild ? member(this.user, this.permissions) : null;
			when(event.getName()).thenReturn(this.name);
			when(event.getTimeCreated()).thenReturn(this.createdAt);
			when(event.getRawData()).thenReturn(rawData());
			when(event.getFullCommandName()).thenReturn(this.name);
			when(event.getUser()).thenReturn(this.user);
			when(event.getMember()).thenReturn(member);
			when(event.isFromGuild()).thenReturn(this.inGuild);
			Guild guild = this.inGuild ? guild() : null;
			when(event.getGuild()).thenReturn(guild);
			when(event.getChannelId()).thenReturn(this.channelId);
			when(event.getChannelIdLong()).thenReturn(Long.parseLong(this.channelId));
			when(event.getGuildChannel()).thenReturn(channel);
			when(event.getJDA()).thenReturn(DiscordTester.this.jda);
			when(event.getHook()).thenReturn(interaction.hook);
			when(event.getOption(anyString())).thenAnswer((invocation) -> this.options.get(invocation.getArgument(0)));
			when(event.isAcknowledged()).thenAnswer((invocation) -> interaction.acknowledged.get());
			when(event.reply(any(MessageCreateData.class)))
				.thenAnswer((invocation) -> reply(interaction, this.channelId, invocation.getArgument(0)));
			when(event.deferReply(anyBoolean()))
				.thenAnswer((invocation) -> defer(interaction, this.channelId, invocation.getArgument(0)));
			when(event.deferReply()).thenAnswer((invocation) -> defer(interaction, this.channelId, false));
			return interaction;
		}

	}

	final class ButtonBuilder extends Builder<ButtonBuilder> {

		private final String customId;

		ButtonBuilder(String customId) {
			this.customId = customId;
		}

		Interaction<ButtonInteractionEvent> build() {
			ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
			Interaction<ButtonInteractionEvent> interaction = new Interaction<>(event);
			hook(interaction, this.channelId);
			when(event.getComponentId()).thenReturn(this.customId);
			when(event.getTimeCreated()).thenReturn(this.createdAt);
			when(event.getRawData()).thenReturn(rawData());
			when(event.getUser()).thenReturn(this.user);
			when(event.getMember()).thenReturn(member(this.user, this.permissions));
			when(event.isFromGuild()).thenReturn(true);
			when(event.getGuild()).thenReturn(DiscordTester.this.guild);
			when(event.getChannelId()).thenReturn(this.channelId);
			when(event.getHook()).thenReturn(interaction.hook);
			when(event.isAcknowledged()).thenAnswer((invocation) -> interaction.acknowledged.get());
			when(event.reply(any(MessageCreateData.class)))
				.thenAnswer((invocation) -> reply(interaction, this.channelId, invocation.getArgument(0)));
			when(event.deferReply(anyBoolean()))
				.thenAnswer((invocation) -> defer(interaction, this.channelId, invocation.getArgument(0)));
			return interaction;
		}

	}

	/** Every message sent so far allowed no mention at all. */
	boolean noMentionAllowedAnywhere() {
		return this.sent.stream()
			.filter((s) -> s.allowedMentions != null)
			.allMatch((s) -> s.allowedMentions.isEmpty());
	}

	String describe() {
		return this.sent.stream().map(Sent::toString).collect(Collectors.joining("\n"));
	}

}
