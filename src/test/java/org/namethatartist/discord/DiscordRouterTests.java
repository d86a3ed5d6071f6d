package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.namethatartist.MutableClock;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The router: cooldowns and who bypasses them, unknown commands and buttons, failures, registration. */
@ExtendWith(OutputCaptureExtension.class)
class DiscordRouterTests {

	@TempDir
	Path dataDir;

	private TestGames games;

	private final DiscordTester discord = new DiscordTester();

	private final MutableClock clock = new MutableClock(TestGames.T0);

	private final DiscordProperties properties = new DiscordProperties("token", null, null, null);

	private DiscordRouter router;

	private final List<String> executed = new ArrayList<>();

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.router = router(null, new Recording("ping"), new Recording("namethatartist"), new Failing("stats"));
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	private DiscordRouter router(String guildId, SlashCommand... commands) {
		return new DiscordRouter(List.of(commands), new AnswerButton(this.games.service),
				new Cooldowns(this.properties, this.clock), guildId);
	}

	@Test
	void aChannelWaitsItsCooldownWhoeverAsks() {
		run("namethatartist", "301");
		Interaction<SlashCommandInteractionEvent> other = run("namethatartist", "302");
		assertThat(other.answer().text()).isEqualTo("⏳ /namethatartist is cooling down: try again in 5 s.");
		this.clock.advance(Duration.ofSeconds(5));
		run("namethatartist", "302");
		this.clock.advance(Duration.ofSeconds(10));
		// 15 s after their first use, the first user still waits their own 30 s.
		assertThat(run("namethatartist", "301").answer().text())
			.isEqualTo("⏳ /namethatartist is cooling down: try again in 15 s.");
		assertThat(this.executed).containsExactly("namethatartist by 301", "namethatartist by 302");
	}

	@Test
	void anUnknownCommandIsAnswered(CapturedOutput output) {
		Interaction<SlashCommandInteractionEvent> slash = run("dance", "301");
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).isEqualTo("I don't know /dance (any more). /help lists my commands.");
		assertThat(output).contains("unknown command /dance from user 301");
	}

	@Test
	void commandsOutsideAServerAreAnswered() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("ping").inDirectMessages().build();
		this.router.onSlashCommandInteraction(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).isEqualTo("My commands work in a server's channels, not in direct messages.");
		assertThat(this.executed).isEmpty();
	}

	@Test
	void aFailureReachesTheUserPrivatelyAndTheLogWithItsContext(CapturedOutput output) {
		Interaction<SlashCommandInteractionEvent> slash = run("stats", "301");
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text())
			.isEqualTo("⚠️ Something went wrong with /stats; it has been logged. Please try again in a moment.");
		assertThat(output).contains("Discord: /stats failed for user 301 in channel " + DiscordTester.CHANNEL
				+ " of server " + DiscordTester.GUILD)
			.contains("IllegalStateException: the store is gone");
	}

	@Test
	void aFailureAfterAPublicReplyIsAPrivateFollowUp() {
		DiscordRouter router = router(null, new Failing("help", true));
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("help").build();
		router.onSlashCommandInteraction(slash.event);
		assertThat(slash.sent).extracting((sent) -> sent.kind)
			.containsExactly(DiscordTester.Kind.REPLY, DiscordTester.Kind.FOLLOW_UP);
		assertThat(slash.sent.get(1).ephemeral).isTrue();
		assertThat(slash.sent.get(1).content).startsWith("⚠️ Something went wrong with /help");
	}

	@Test
	void otherButtonsAreAnswered() {
		Interaction<ButtonInteractionEvent> click = this.discord.button("somebody-else:42").build();
		this.router.onButtonInteraction(click.event);
		assertThat(click.privately()).isTrue();
		assertThat(click.answer().text()).isEqualTo("This button does nothing (any more).");
	}

	@Test
	void commandsAreRegisteredGloballyOncePerProcess() {
		CommandListUpdateAction update = commandUpdate();
		JDA shard0 = shard(0, 2, update);
		JDA shard1 = shard(1, 2, update);
		DiscordRouter router = router(null, new Recording("ping"), new Recording("help"));
		router.onReady(ready(shard0));
		router.onReady(ready(shard1));
		ArgumentCaptor<List<CommandData>> registered = captor();
		verify(update, times(1)).addCommands(registered.capture());
		assertThat(registered.getValue()).extracting(CommandData::getName).containsExactly("ping", "help");
		verify(update).queue(any(), any());
	}

	@Test
	void withAGuildIdCommandsAreRegisteredInThatServerOnly() {
		CommandListUpdateAction globalUpdate = commandUpdate();
		CommandListUpdateAction guildUpdate = commandUpdate();
		JDA shard = shard(0, 1, globalUpdate);
		Guild guild = mock(Guild.class);
		when(guild.getId()).thenReturn(DiscordTester.GUILD);
		when(guild.updateCommands()).thenReturn(guildUpdate);
		when(shard.getGuildById(DiscordTester.GUILD)).thenReturn(guild);
		Guild other = mock(Guild.class);
		when(other.getId()).thenReturn("100000000000000777");
		DiscordRouter router = router(DiscordTester.GUILD, new Recording("ping"));

		router.onReady(ready(shard));
		router.onGuildReady(guildReady(other));
		router.onGuildReady(guildReady(guild));

		verify(globalUpdate, never()).addCommands(anyCollection());
		verify(other, never()).updateCommands();
		verify(guildUpdate).addCommands(anyCollection());
		verify(guildUpdate).queue(any(), any());
	}

	@Test
	void aGuildIdTheBotIsNotInIsReported(CapturedOutput output) {
		JDA shard = shard(0, 1, commandUpdate());
		router(DiscordTester.GUILD, new Recording("ping")).onReady(ready(shard));
		assertThat(output).contains("the bot is not in server " + DiscordTester.GUILD + " (discord.guild-id)");
	}

	@Test
	void everyCommandIsDefinedForServersWithItsOriginalName() {
		ArtworkCatalog artworks = this.games.artworks;
		List<SlashCommand> commands = List.of(new NameThatArtistCommand(this.games.service),
				new LeaderboardCommand(this.games.stores.players()), new StatsCommand(this.games.stores.players()),
				new AllTimeCommand(this.games.stores.players()), new StopGameCommand(this.games.service),
				new HelpCommand(artworks, TestGames.PROPERTIES), new PingCommand(System::nanoTime),
				new PrecacheCommand(artworks, (tokens, why, progress) -> {
				}, java.time.Clock.systemUTC()));
		assertThat(commands).extracting(SlashCommand::name).containsExactly("namethatartist", "leaderboard", "stats",
				"alltime", "stopgame", "help", "ping", "precache");
		for (SlashCommand command : commands) {
			SlashCommandData definition = command.definition();
			assertThat(definition.getName()).isEqualTo(command.name());
			assertThat(definition.getContexts()).containsExactly(
					InteractionContextType.GUILD);
			assertThat(definition.toData().toString()).isNotEmpty();
		}
		// Every command with a cooldown in the original has its default here.
		assertThat(DiscordProperties.DEFAULT_COOLDOWNS.keySet()).containsExactly("namethatartist", "leaderboard",
				"alltime", "stats", "stopgame", "help", "ping");
	}

	private Interaction<SlashCommandInteractionEvent> run(String command, String userId) {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash(command).by(userId, "user" + userId).build();
		this.router.onSlashCommandInteraction(slash.event);
		return slash;
	}

	private static ReadyEvent ready(JDA shard) {
		ReadyEvent event = mock(ReadyEvent.class);
		when(event.getJDA()).thenReturn(shard);
		return event;
	}

	private static GuildReadyEvent guildReady(Guild guild) {
		GuildReadyEvent event = mock(GuildReadyEvent.class);
		when(event.getGuild()).thenReturn(guild);
		return event;
	}

	private static CommandListUpdateAction commandUpdate() {
		CommandListUpdateAction update = mock(CommandListUpdateAction.class);
		when(update.addCommands(anyCollection())).thenReturn(update);
		return update;
	}

	private static JDA shard(int id, int total, CommandListUpdateAction update) {
		JDA shard = mock(JDA.class);
		when(shard.getShardInfo()).thenReturn(new JDA.ShardInfo(id, total));
		when(shard.updateCommands()).thenReturn(update);
		return shard;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ArgumentCaptor<List<CommandData>> captor() {
		return (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
	}

	/** A command that notes each run and answers nothing (the router's own answers are what is tested). */
	private final class Recording implements SlashCommand {

		private final String name;

		Recording(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public SlashCommandData definition() {
			return Commands.slash(this.name, "test");
		}

		@Override
		public void execute(SlashCommandInteractionEvent event) {
			DiscordRouterTests.this.executed.add(this.name + " by " + event.getUser().getId());
		}

	}

	/** A command that fails, after a public reply or before any. */
	private static final class Failing implements SlashCommand {

		private final String name;

		private final boolean replyFirst;

		Failing(String name) {
			this(name, false);
		}

		Failing(String name, boolean replyFirst) {
			this.name = name;
			this.replyFirst = replyFirst;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public SlashCommandData definition() {
			return Commands.slash(this.name, "test");
		}

		@Override
		public void execute(SlashCommandInteractionEvent event) {
			if (this.replyFirst) {
				Messages.reply(event, Messages.text("Working on it"), false);
			}
			throw new IllegalStateException("the store is gone");
		}

	}

}
