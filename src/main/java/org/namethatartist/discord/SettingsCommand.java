package org.namethatartist.discord;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.namethatartist.guildsettings.GuildSettingsService;
import org.namethatartist.guildsettings.Setting;
import org.namethatartist.guildsettings.SettingChange;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /settings show|set|reset|export|import}: a server's own settings, for members with Manage Server
 * (Discord's default permission for the command, and checked again here, since a mocked or misconfigured
 * client could send it anyway). Every answer is private. An import is one JSON object of setting name to
 * text, as {@code export} writes it, checked whole by the service before anything changes.
 */
final class SettingsCommand implements SlashCommand {

	/** An export is a few hundred bytes; anything much larger is not one. */
	static final int MAX_IMPORT_BYTES = 16 * 1024;

	static final String NOT_ALLOWED = "Only members who can manage this server can change its settings.";

	private final GuildSettingsService settings;

	private final ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	SettingsCommand(GuildSettingsService settings) {
		this.settings = settings;
	}

	@Override
	public String name() {
		return "settings";
	}

	@Override
	public SlashCommandData definition() {
		List<Command.Choice> choices = Arrays.stream(Setting.values())
			.map((s) -> new Command.Choice(s.key() + ": " + s.description(), s.key()))
			.toList();
		return Commands.slash(name(), "This server's game settings (Manage Server)")
			.addSubcommands(new SubcommandData("show", "Every setting, and the default where none is set"),
					new SubcommandData("set", "Change one setting; it applies from the next game on").addOptions(
							new OptionData(OptionType.STRING, "setting", "Which setting", true).addChoices(choices),
							new OptionData(OptionType.STRING, "value", "The new value, such as 10, 20s, #games or @Host",
									true)),
					new SubcommandData("reset", "Back to the default for one setting")
						.addOptions(new OptionData(OptionType.STRING, "setting", "Which setting", true).addChoices(choices)),
					new SubcommandData("export", "All settings as a JSON file, to import on another server"),
					new SubcommandData("import", "Replace all settings with a file made by export")
						.addOptions(new OptionData(OptionType.ATTACHMENT, "file", "The JSON file", true)))
			.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		if (!Members.can(event, Permission.MANAGE_SERVER)) {
			Messages.replyPrivately(event, NOT_ALLOWED);
			return;
		}
		String guildId = event.getGuild().getId();
		String sub = (event.getSubcommandName() != null) ? event.getSubcommandName() : "";
		switch (sub) {
			case "show" -> Messages.replyPrivately(event, show(guildId));
			case "set" -> {
				if (Setting.POOL.key().equals(string(event, "setting"))) {
					setPool(event, guildId, string(event, "value"));
				}
				else {
					Messages.replyPrivately(event, answer(this.settings.set(guildId, string(event, "setting"),
							string(event, "value"))));
				}
			}
			case "reset" -> Messages.replyPrivately(event, answer(this.settings.reset(guildId, string(event, "setting"))));
			case "export" -> export(event, guildId);
			case "import" -> importFile(event, guildId);
			default -> Messages.replyPrivately(event, "Use /settings show, set, reset, export or import.");
		}
	}

	/**
	 * A pool is fetched from objkt.com before it is accepted, which takes seconds to minutes at the request
	 * rate: the answer is deferred, and the work done off the gateway's thread.
	 */
	private void setPool(SlashCommandInteractionEvent event, String guildId, String value) {
		event.deferReply(true).queue(null, Messages.failed("deferral of", event));
		this.slowWork.execute(() -> {
			String answer;
			try {
				answer = answer(this.settings.set(guildId, Setting.POOL.key(), value));
			}
			catch (RuntimeException ex) {
				LoggerFactory.getLogger(SettingsCommand.class).warn("Setting the pool of server {} failed", guildId, ex);
				answer = "⚠️ Nothing changed: the pool could not be checked (an error, logged for the bot's admins).";
			}
			Messages.answerDeferred(event, Messages.text(answer));
		});
	}

	/** One thread for pool checks: each fetch is paced anyway, and they share objkt.com's budget. */
	private final java.util.concurrent.ExecutorService slowWork = java.util.concurrent.Executors
		.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "settings-pool-check");
			thread.setDaemon(true);
			return thread;
		});

	private String show(String guildId) {
		StringBuilder text = new StringBuilder("**This server's settings** (changes apply from the next game on)");
		for (GuildSettingsService.ShownSetting shown : this.settings.show(guildId)) {
			text.append("\n• `").append(shown.setting().key()).append("`: ").append(render(shown.setting(), shown.value()));
			if (shown.isDefault()) {
				text.append(" (default)");
			}
		}
		return text.toString();
	}

	/** Channels and roles as mentions, so Discord shows their names; mentions ping nobody here. */
	private static String render(Setting setting, String value) {
		if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
			return value;
		}
		return switch (setting) {
			case CHANNELS, ANNOUNCEMENT_CHANNEL -> String.join(", ", Arrays.stream(value.split(",")).map((id) -> "<#" + id + ">").toList());
			case STOP_ROLE -> "<@&" + value + ">";
			default -> value;
		};
	}

	private static String answer(SettingChange change) {
		if (change instanceof SettingChange.Changed changed) {
			String note = (changed.note() != null) ? " " + changed.note() : "";
			String boards = (changed.setting() == Setting.POOL && changed.value() != null
					&& !changed.value().equals("default"))
							? " Games on this server's own pool count in its leaderboards only, not the global ones." : "";
			return (changed.value() != null)
					? "`" + changed.setting().key() + "` is now " + render(changed.setting(), changed.value())
							+ "." + note + " It applies from the next game on." + boards
					: "`" + changed.setting().key() + "` is back to its default from the next game on.";
		}
		if (change instanceof SettingChange.Rejected rejected) {
			String message = rejected.message();
			return "Nothing changed: " + message + (message.endsWith(".") ? "" : ".");
		}
		if (change instanceof SettingChange.Imported imported) {
			return "Imported: " + imported.count() + " setting" + ((imported.count() == 1) ? "" : "s")
					+ " set, the others at their defaults. They apply from the next game on.";
		}
		throw new IllegalStateException("Unknown setting change " + change);
	}

	private void export(SlashCommandInteractionEvent event, String guildId) {
		ObjectNode json = this.mapper.createObjectNode();
		this.settings.export(guildId).forEach(json::put);
		byte[] bytes = this.mapper.writeValueAsBytes(json);
		Messages.reply(event, new MessageCreateBuilder()
			.setContent("This server's settings: `/settings import` takes this file on another server.")
			.setFiles(FileUpload.fromData(bytes, "name-that-artist-settings.json"))
			.setAllowedMentions(Messages.NO_MENTIONS)
			.build(), true);
	}

	private void importFile(SlashCommandInteractionEvent event, String guildId) {
		OptionMapping option = event.getOption("file");
		Message.Attachment file = (option != null) ? option.getAsAttachment() : null;
		if (file == null) {
			Messages.replyPrivately(event, "Nothing changed: attach the JSON file that /settings export made.");
			return;
		}
		if (file.getSize() > MAX_IMPORT_BYTES) {
			Messages.replyPrivately(event, "Nothing changed: the file has " + file.getSize() + " bytes; an export has "
					+ "at most " + MAX_IMPORT_BYTES + ".");
			return;
		}
		event.deferReply(true).queue(null, Messages.failed("deferral of", event));
		String answer;
		try (InputStream in = file.getProxy().download().get(15, TimeUnit.SECONDS)) {
			answer = answer(this.settings.importAll(guildId, parse(in.readNBytes(MAX_IMPORT_BYTES + 1))));
		}
		catch (BadFile ex) {
			answer = "Nothing changed: " + ex.getMessage();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			answer = "⚠️ Nothing changed: I could not download the file from Discord. Try again in a moment.";
		}
		Messages.answerDeferred(event, Messages.text(answer));
	}

	/** The file's settings, or why it is not an export: one JSON object whose values are text or numbers. */
	private Map<String, String> parse(byte[] bytes) {
		if (bytes.length > MAX_IMPORT_BYTES) {
			throw new BadFile("the file is larger than an export (" + MAX_IMPORT_BYTES + " bytes at most).");
		}
		JsonNode json;
		try {
			json = this.mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			throw new BadFile("the file is not JSON. Attach the file that /settings export made.");
		}
		if (json == null || !json.isObject()) {
			throw new BadFile("the file must hold one JSON object, such as {\"rounds\": \"10\"}.");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : json.properties()) {
			JsonNode value = entry.getValue();
			if (!value.isString() && !value.isNumber()) {
				throw new BadFile("`" + entry.getKey() + "` must be text, such as \"10\".");
			}
			values.put(entry.getKey(), value.asString());
		}
		return values;
	}

	private static String string(SlashCommandInteractionEvent event, String name) {
		OptionMapping option = event.getOption(name);
		return (option != null) ? option.getAsString() : "";
	}

	/** A file that is not an export; its message says why, for the moderator. */
	private static final class BadFile extends RuntimeException {

		BadFile(String message) {
			super(message);
		}

	}

}
