package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.discord.DiscordTester.Sent;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Standing;
import org.namethatartist.guildsettings.GuildSettingsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results of long games go to the server's announcement channel too: only with the channel set, only
 * for games of 20 rounds or more played to their end elsewhere, never for another server.
 */
class GameOverAnnouncerTests {

	static final String RESULTS = "200000000000000088";

	@TempDir
	Path dataDir;

	private TestGames games;

	private GuildSettingsService settings;

	private final DiscordTester discord = new DiscordTester();

	private GameOverAnnouncer announcer;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.settings = new GuildSettingsService(this.games.stores.guildSettings(), TestGames.PROPERTIES);
		this.announcer = new GameOverAnnouncer(this.settings,
				(id) -> Optional.of(this.discord.channel(id)), new DirectExecutorService());
	}

	@AfterEach
	void close() {
		this.announcer.close();
		this.games.close();
	}

	@Test
	void aLongGamesResultsAreAnnouncedOnceTheChannelIsSet() {
		this.announcer.onEvent(ended(DiscordTester.GUILD, 20, false));
		assertThat(this.discord.inChannel(RESULTS)).isEmpty();

		this.settings.set(DiscordTester.GUILD, "announcement-channel", "<#" + RESULTS + ">");
		this.announcer.onEvent(ended(DiscordTester.GUILD, 20, false));
		List<Sent> posted = this.discord.inChannel(RESULTS);
		assertThat(posted).singleElement().satisfies((sent) -> {
			assertThat(sent.content).isEqualTo("A game of 20 rounds just ended in <#" + DiscordTester.CHANNEL + ">:");
			assertThat(sent.text()).contains("Game Over!").contains("**Ann** wins with 300 points!");
			assertThat(sent.allowedMentions).isEmpty();
		});
	}

	@Test
	void shortAbandonedOrOtherServersGamesAreNot() {
		this.settings.set(DiscordTester.GUILD, "announcement-channel", RESULTS);
		this.announcer.onEvent(ended(DiscordTester.GUILD, 19, false));
		this.announcer.onEvent(ended(DiscordTester.GUILD, 20, true));
		this.announcer.onEvent(ended("100000000000000099", 20, false));
		this.announcer.onEvent(new GameEvent.GameStopped(view(DiscordTester.GUILD, 20, false), null, List.of()));
		assertThat(this.discord.inChannel(RESULTS)).isEmpty();
		// The executor is direct: every event above was handled before this line.
		this.announcer.onEvent(ended(DiscordTester.GUILD, 20, false));
		assertThat(this.discord.inChannel(RESULTS)).hasSize(1);
	}

	@Test
	void aGamePlayedInTheAnnouncementChannelIsNotPostedTwice() {
		this.settings.set(DiscordTester.GUILD, "announcement-channel", DiscordTester.CHANNEL);
		this.announcer.onEvent(ended(DiscordTester.GUILD, 30, false));
		assertThat(this.discord.inChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	private static GameEvent.GameEnded ended(String guildId, int rounds, boolean abandoned) {
		Standing ann = new Standing("301", "Ann", 300, 4, 1);
		return new GameEvent.GameEnded(view(guildId, rounds, abandoned), List.of(ann), List.of(ann));
	}

	private static GameView view(String guildId, int rounds, boolean abandoned) {
		return new GameView("g-1", DiscordTester.CHANNEL, guildId, "301", GameStatus.OVER, rounds, rounds,
				Duration.ofSeconds(15), Duration.ofSeconds(5), null, null, TestGames.T0, List.of(), List.of(), false,
				abandoned);
	}

}
