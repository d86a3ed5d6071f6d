package org.namethatartist.discord;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JDA listener: sends each slash command to its {@link SlashCommand} after the checks every
 * command shares (used in a server, cooldowns), each answer button to {@link AnswerButton}, and the
 * ready events to the {@link CommandRegistrar}. Every interaction gets an answer: an unknown command or
 * button, a cooldown, or a failure each get a private one, and failures are logged with their context.
 */
final class DiscordRouter extends ListenerAdapter {

	private static final Logger logger = LoggerFactory.getLogger(DiscordRouter.class);

	private final Map<String, SlashCommand> commands = new LinkedHashMap<>();

	private final AnswerButton answers;

	private final TypedAnswers typed;

	private final Cooldowns cooldowns;

	private final CommandRegistrar registrar;

	DiscordRouter(List<SlashCommand> commands, AnswerButton answers, Cooldowns cooldowns, String guildId) {
		this(commands, answers, new TypedAnswers(answers.games()), cooldowns, guildId);
	}

	DiscordRouter(List<SlashCommand> commands, AnswerButton answers, TypedAnswers typed, Cooldowns cooldowns,
			String guildId) {
		this.typed = typed;
		for (SlashCommand command : commands) {
			this.commands.put(command.name(), command);
		}
		this.answers = answers;
		this.cooldowns = cooldowns;
		this.registrar = new CommandRegistrar(commands.stream().map(SlashCommand::definition).toList(), guildId);
	}

	List<SlashCommand> commands() {
		return List.copyOf(this.commands.values());
	}

	CommandRegistrar registrar() {
		return this.registrar;
	}

	@Override
	public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
		String name = event.getName();
		SlashCommand command = this.commands.get(name);
		if (command == null) {
			logger.warn("Discord: unknown command /{} from user {} (registered by an older version?)", name,
					event.getUser().getId());
			Messages.replyPrivately(event, "I don't know /" + Text.plain(name) + " (any more). /help lists my commands.");
			return;
		}
		if (!event.isFromGuild() || event.getMember() == null) {
			Messages.replyPrivately(event, "My commands work in a server's channels, not in direct messages.");
			return;
		}
		// Every check inside the try: whatever throws, the user gets an answer.
		try {
			Optional<String> refusal = command.refusal(event);
			if (refusal.isPresent()) {
				// Before the cooldown: a command that cannot run here does not use it up.
				Messages.replyPrivately(event, refusal.get());
				return;
			}
			if (!Members.isModerator(event)) {
				Duration wait = this.cooldowns.tryUse(name, event.getUser().getId(), event.getChannelId());
				if (!wait.isZero()) {
					Messages.replyPrivately(event,
							"⏳ /" + name + " is cooling down: try again in " + Text.seconds(wait) + " s.");
					return;
				}
			}
			command.execute(event);
		}
		catch (RuntimeException ex) {
			fail(event, "/" + name, ex);
		}
	}

	@Override
	public void onButtonInteraction(ButtonInteractionEvent event) {
		String id = event.getComponentId();
		if (id != null && id.startsWith(TypedAnswers.BUTTON_PREFIX)) {
			try {
				this.typed.open(event);
			}
			catch (RuntimeException ex) {
				fail(event, "the answer form", ex);
			}
			return;
		}
		if (id != null && id.startsWith(DailyCommand.PREFIX)
				&& this.commands.get("daily") instanceof DailyCommand daily) {
			try {
				daily.handle(event);
			}
			catch (RuntimeException ex) {
				fail(event, "the daily challenge", ex);
			}
			return;
		}
		if (id == null || !id.startsWith(AnswerButton.PREFIX)) {
			Messages.replyPrivately(event, "This button does nothing (any more).");
			return;
		}
		try {
			this.answers.handle(event);
		}
		catch (RuntimeException ex) {
			fail(event, "your answer", ex);
		}
	}

	@Override
	public void onModalInteraction(ModalInteractionEvent event) {
		try {
			this.typed.submit(event);
		}
		catch (RuntimeException ex) {
			fail(event, "your answer", ex);
		}
	}

	@Override
	public void onReady(ReadyEvent event) {
		this.registrar.onReady(event.getJDA());
	}

	@Override
	public void onGuildReady(GuildReadyEvent event) {
		this.registrar.onGuildReady(event.getGuild());
	}

	private static void fail(IReplyCallback event, String what, RuntimeException failure) {
		logger.error("Discord: {} failed for user {} in channel {} of server {}", what, event.getUser().getId(),
				event.getChannelId(), (event.getGuild() != null) ? event.getGuild().getId() : null, failure);
		try {
			Messages.error(event, "⚠️ Something went wrong with " + what + "; it has been logged. Please try again "
					+ "in a moment.");
		}
		catch (RuntimeException replyFailure) {
			logger.warn("Discord: could not tell user {} that {} failed: {}", event.getUser().getId(), what,
					replyFailure.toString());
		}
	}

}
