package org.namethatartist.discord;

import java.nio.file.Path;
import java.util.List;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.MutableClock;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The checks made before a command runs (issue 12, defects 9 to 11): who is a moderator comes from the
 * permissions Discord sends with the interaction; a server that added the app without its bot user is told
 * what to do; every check runs where a failure is answered; a refused command leaves the cooldown unused.
 */
class InteractionChecksTests {

	@TempDir
	Path dataDir;

	private TestGames games;

	private final DiscordTester discord = new DiscordTester();

	private final MutableClock clock = new MutableClock(TestGames.T0);

	private DiscordRouter router;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		ArtworkCatalog artworks = new ArtworkCatalog(TestGames.catalog());
		this.router = new DiscordRouter(
				List.of(new NameThatArtistCommand(this.games.service), new StopGameCommand(this.games.service),
						new PrecacheCommand(artworks, (tokens, why, progress) -> {
				}, java.time.Clock.systemUTC())),
				new AnswerButton(this.games.service),
				new Cooldowns(new DiscordProperties("token", null, null, null), this.clock), null);
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void aModeratorByTheirOwnChannelOverwriteIsToldByTheInteraction() {
		GameView game = this.games.start(DiscordTester.CHANNEL, new Player("301", "Ann"), 3);
		// The cache (no member overwrites) says no; Discord, for this channel, says Manage Messages.
		Interaction<SlashCommandInteractionEvent> stop = this.discord.slash("stopgame").by("303", "Mod")
			.permitted(Permission.MESSAGE_MANAGE)
			.build();
		this.router.onSlashCommandInteraction(stop.event);
		assertThat(stop.answer().text()).isEqualTo("Game stopped. The points scored so far count in everyone's stats.");
		assertThat(this.games.service.find(game.gameId()).orElseThrow().stopped()).isTrue();
	}

	@Test
	void aMemberDeniedInThisChannelIsNoModeratorWhateverTheirRoles() {
		this.games.start(DiscordTester.CHANNEL, new Player("301", "Ann"), 3);
		// Their role grants Manage Messages; an overwrite on this channel takes it away.
		Interaction<SlashCommandInteractionEvent> stop = this.discord.slash("stopgame").by("303", "Mod")
			.with(Permission.MESSAGE_MANAGE)
			.permitted(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)
			.build();
		this.router.onSlashCommandInteraction(stop.event);
		assertThat(stop.answer().text()).startsWith("Only the player who started this game");
		// Nor do they bypass the cooldown: a second /stopgame at once waits.
		Interaction<SlashCommandInteractionEvent> again = this.discord.slash("stopgame").by("303", "Mod")
			.with(Permission.MESSAGE_MANAGE)
			.permitted(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)
			.build();
		this.router.onSlashCommandInteraction(again.event);
		assertThat(again.answer().text()).startsWith("⏳ /stopgame is cooling down");
	}

	@Test
	void anAdministratorByTheInteractionMayPrecache() {
		Interaction<SlashCommandInteractionEvent> precache = this.discord.slash("precache")
			.permitted(Permission.ADMINISTRATOR)
			.build();
		this.router.onSlashCommandInteraction(precache.event);
		assertThat(precache.deferred()).as("the fill started; its progress edits the private reply").isTrue();
		assertThat(precache.sent).hasSize(1);
	}

	@Test
	void aServerWithoutTheBotUserIsToldToInviteIt() {
		Interaction<SlashCommandInteractionEvent> start = this.discord.slash("namethatartist").detached().build();
		this.router.onSlashCommandInteraction(start.event);
		assertThat(start.privately()).isTrue();
		assertThat(start.answer().text()).isEqualTo(Members.NO_BOT).contains("bot scope");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	@Test
	void aRefusedCommandDoesNotUseUpTheCooldown() {
		this.discord.muteIn(DiscordTester.CHANNEL);
		Interaction<SlashCommandInteractionEvent> refused = this.discord.slash("namethatartist").by("301", "Ann").build();
		this.router.onSlashCommandInteraction(refused.event);
		assertThat(refused.answer().text()).isEqualTo(Members.CANNOT_POST);

		// An admin fixes the channel; Ann tries again at once and her game starts.
		this.discord.unmuteIn(DiscordTester.CHANNEL);
		Interaction<SlashCommandInteractionEvent> started = this.discord.slash("namethatartist").by("301", "Ann").build();
		this.router.onSlashCommandInteraction(started.event);
		assertThat(started.answer().text()).startsWith("Your game is on");
	}

	@Test
	void newGamesAreCappedByDiscordsRequestBudget() {
		// 50 requests a second, 60 % for games, 2 a round, rounds of 10 s + 5 s at the fastest: 225 games.
		assertThat(NameThatArtistCommand.maxGames(TestGames.PROPERTIES.limits())).isEqualTo(225);
		NameThatArtistCommand start = new NameThatArtistCommand(this.games.service, 1);
		this.games.start("200000000000000077", new Player("302", "Bob"), 3);
		Interaction<SlashCommandInteractionEvent> refused = this.discord.slash("namethatartist").by("301", "Ann").build();
		start.execute(refused.event);
		assertThat(refused.privately()).isTrue();
		assertThat(refused.answer().text()).isEqualTo("⏳ 1 game is running, as many as Discord's limit on the bot's "
				+ "messages carries; try again when one ends.");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	@Test
	void aFailingPermissionCheckIsStillAnswered() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("stopgame").build();
		Member broken = mock(Member.class);
		when(broken.hasPermission(any(Permission[].class))).thenThrow(new IllegalStateException("cache gone"));
		when(broken.hasPermission(any(), any(Permission[].class))).thenThrow(new IllegalStateException("cache gone"));
		when(slash.event.getMember()).thenReturn(broken);
		this.router.onSlashCommandInteraction(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).startsWith("⚠️ Something went wrong with /stopgame");
	}

}
