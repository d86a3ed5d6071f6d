package org.namethatartist.discord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.NamedAttachmentProxy;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.invocation.Invocation;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;
import org.namethatartist.guildsettings.GuildSettingsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

/**
 * {@code /settings} with mocked events on the real append-log store: Manage Server only, show, set,
 * reset, export then import; games start only in the allowed channels and take the server's defaults;
 * the stop role stops games.
 */
class SettingsCommandTests {

	static final String GAMES_CHANNEL = "200000000000000077";

	@TempDir
	Path dataDir;

	private TestGames games;

	private GuildSettingsService settings;

	private final DiscordTester discord = new DiscordTester();

	private SettingsCommand command;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.settings = new GuildSettingsService(this.games.stores.guildSettings(), TestGames.PROPERTIES);
		this.command = new SettingsCommand(this.settings);
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void isForMembersWhoManageTheServer() {
		assertThat(this.command.definition().getDefaultPermissions().getPermissionsRaw())
			.isEqualTo(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER).getPermissionsRaw());
		Interaction<SlashCommandInteractionEvent> slash = settings("set").with(Permission.MESSAGE_MANAGE)
			.option("setting", "rounds")
			.option("value", "10")
			.build();
		subcommand(slash, "set");
		this.command.execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).isEqualTo(SettingsCommand.NOT_ALLOWED);
		assertThat(this.settings.export(DiscordTester.GUILD)).isEmpty();
	}

	@Test
	void showSetAndResetArePrivate() {
		assertThat(run("set", "setting", "rounds", "value", "10")).isEqualTo("`rounds` is now 10. It applies from the next game on.");
		assertThat(run("set", "setting", "channels", "value", "<#" + GAMES_CHANNEL + ">"))
			.isEqualTo("`channels` is now <#" + GAMES_CHANNEL + ">. It applies from the next game on.");
		assertThat(run("set", "setting", "round-time", "value", "5"))
			.isEqualTo("Nothing changed: round-time must be a time from 10s to 60s, such as 10s, not 5s.");
		assertThat(run("show")).isEqualTo("""
				**This server's settings** (changes apply from the next game on)
				• `rounds`: 10
				• `round-time`: 15s (default)
				• `pause`: 5s (default)
				• `choices`: 4 (default)
				• `pool`: default (default)
				• `channels`: <#%s>
				• `stop-role`: none (members with Manage Messages only) (default)
				• `announcement-channel`: none (default)
				• `difficulty`: normal (default)
				• `answers`: buttons (default)
				• `show-title`: after-round (default)""".formatted(GAMES_CHANNEL));
		assertThat(run("reset", "setting", "rounds")).isEqualTo("`rounds` is back to its default from the next game on.");
		assertThat(this.settings.export(DiscordTester.GUILD)).containsOnlyKeys("channels");
	}

	@Test
	void exportThenImportCopiesTheSettings() throws IOException {
		run("set", "setting", "rounds", "value", "10");
		run("set", "setting", "stop-role", "value", "<@&555>");
		Interaction<SlashCommandInteractionEvent> export = settings("export").with(Permission.MANAGE_SERVER).build();
		subcommand(export, "export");
		this.command.execute(export.event);
		assertThat(export.privately()).isTrue();
		byte[] file = attachedFile(export.event);
		assertThat(new String(file, StandardCharsets.UTF_8)).contains("\"rounds\"").contains("\"stop-role\"");

		run("reset", "setting", "rounds");
		run("set", "setting", "pause", "value", "9");
		assertThat(importing(file)).isEqualTo("Imported: 2 settings set, the others at their defaults. They apply from "
				+ "the next game on.");
		assertThat(this.settings.export(DiscordTester.GUILD)).containsExactly(java.util.Map.entry("rounds", "10"),
				java.util.Map.entry("stop-role", "555"));
	}

	@Test
	void aBadImportChangesNothing() {
		run("set", "setting", "rounds", "value", "10");
		assertThat(importing("{\"rounds\": \"12\", \"pause\": \"1h\"}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("Nothing changed: Nothing imported: pause must be a time from 5s to 60s, such as 5s, not `1h`.");
		assertThat(importing("not json".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("Nothing changed: the file is not JSON. Attach the file that /settings export made.");
		assertThat(importing("[1]".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("Nothing changed: the file must hold one JSON object, such as {\"rounds\": \"10\"}.");
		assertThat(this.settings.export(DiscordTester.GUILD)).containsExactly(java.util.Map.entry("rounds", "10"));
	}

	@Test
	void gamesStartOnlyInTheAllowedChannelsWithTheServersDefaults() {
		run("set", "setting", "channels", "value", GAMES_CHANNEL);
		run("set", "setting", "rounds", "value", "7");
		run("set", "setting", "round-time", "value", "20");
		run("set", "setting", "choices", "value", "5");
		NameThatArtistCommand start = new NameThatArtistCommand(this.games.service, this.settings);

		Interaction<SlashCommandInteractionEvent> elsewhere = this.discord.slash("namethatartist").by("301", "Ann").build();
		start.execute(elsewhere.event);
		assertThat(elsewhere.privately()).isTrue();
		assertThat(elsewhere.answer().text()).isEqualTo("On this server, games start only in <#" + GAMES_CHANNEL + ">.");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isEmpty();

		Interaction<SlashCommandInteractionEvent> allowed = this.discord.slash("namethatartist").by("301", "Ann")
			.in(GAMES_CHANNEL)
			.option("rounds", 9)
			.build();
		start.execute(allowed.event);
		GameView game = this.games.service.findByChannel(GAMES_CHANNEL).orElseThrow();
		assertThat(game.totalRounds()).isEqualTo(9);
		assertThat(game.roundTime()).isEqualTo(Duration.ofSeconds(20));
		assertThat(game.betweenRoundTime()).isEqualTo(TestGames.PROPERTIES.betweenRoundTime());
		assertThat(this.games.nextRound(game.gameId()).choices()).hasSize(5);

		// A running game keeps what it started with.
		run("set", "setting", "round-time", "value", "30");
		run("set", "setting", "choices", "value", "3");
		assertThat(this.games.service.findByChannel(GAMES_CHANNEL).orElseThrow().roundTime()).isEqualTo(Duration.ofSeconds(20));
		this.games.endRound(game.gameId());
		assertThat(this.games.nextRound(game.gameId()).choices()).hasSize(5);
	}

	@Test
	void theStopRoleStopsAnybodysGame() {
		StopGameCommand stop = new StopGameCommand(this.games.service, this.settings);
		this.games.start(DiscordTester.CHANNEL, new Player("301", "Ann"), 3);

		Interaction<SlashCommandInteractionEvent> before = stopBy("555");
		stop.execute(before.event);
		assertThat(before.answer().text()).isEqualTo("Only the player who started this game (<@301>) or a member who can "
				+ "manage messages can stop it.");

		run("set", "setting", "stop-role", "value", "<@&555>");
		Interaction<SlashCommandInteractionEvent> other = stopBy("556");
		stop.execute(other.event);
		assertThat(other.answer().text()).isEqualTo("Only the player who started this game (<@301>) or a member who can "
				+ "manage messages or holds <@&555> can stop it.");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isPresent();

		Interaction<SlashCommandInteractionEvent> host = stopBy("555");
		stop.execute(host.event);
		assertThat(host.answer().text()).startsWith("Game stopped.");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	private Interaction<SlashCommandInteractionEvent> stopBy(String roleId) {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("stopgame").by("309", "Host").build();
		Role role = mock(Role.class);
		when(role.getId()).thenReturn(roleId);
		List<Role> roles = List.of(role);
		when(slash.event.getMember().getRoles()).thenReturn(roles);
		return slash;
	}

	private DiscordTester.SlashBuilder settings(String sub) {
		return this.discord.slash("settings");
	}

	private static void subcommand(Interaction<SlashCommandInteractionEvent> slash, String sub) {
		when(slash.event.getSubcommandName()).thenReturn(sub);
	}

	/** Runs a subcommand as a member with Manage Server; its private answer's text. */
	private String run(String sub, String... options) {
		DiscordTester.SlashBuilder builder = settings(sub).with(Permission.MANAGE_SERVER);
		for (int i = 0; i < options.length; i += 2) {
			builder.option(options[i], options[i + 1]);
		}
		Interaction<SlashCommandInteractionEvent> slash = builder.build();
		subcommand(slash, sub);
		this.command.execute(slash.event);
		assertThat(slash.privately()).isTrue();
		return slash.answer().text();
	}

	private String importing(byte[] file) {
		Interaction<SlashCommandInteractionEvent> slash = settings("import").with(Permission.MANAGE_SERVER).build();
		subcommand(slash, "import");
		Message.Attachment attachment = mock(Message.Attachment.class);
		NamedAttachmentProxy proxy = mock(NamedAttachmentProxy.class);
		when(attachment.getSize()).thenReturn(file.length);
		when(attachment.getProxy()).thenReturn(proxy);
		when(proxy.download()).thenReturn(CompletableFuture.completedFuture((InputStream) new ByteArrayInputStream(file)));
		OptionMapping option = mock(OptionMapping.class);
		when(option.getAsAttachment()).thenReturn(attachment);
		when(slash.event.getOption("file")).thenReturn(option);
		this.command.execute(slash.event);
		assertThat(slash.privately()).isTrue();
		return slash.answer().text();
	}

	/** The file attached to the reply: the tester records text, so the reply's data is read back here. */
	private static byte[] attachedFile(SlashCommandInteractionEvent event) throws IOException {
		for (Invocation invocation : mockingDetails(event).getInvocations()) {
			if (invocation.getMethod().getName().equals("reply")) {
				MessageCreateData data = invocation.getArgument(0);
				assertThat(data.getFiles()).hasSize(1);
				FileUpload upload = data.getFiles().get(0);
				assertThat(upload.getName()).isEqualTo("name-that-artist-settings.json");
				try (InputStream in = upload.getData()) {
					return in.readAllBytes();
				}
			}
		}
		throw new AssertionError("no reply with a file");
	}

}
