package org.namethatartist.discord;

import java.nio.file.Path;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;

import static org.assertj.core.api.Assertions.assertThat;

/** /stopgame: the starter, or a member with Manage Messages (or Administrator); nobody else. */
class StopGameCommandTests {

	@TempDir
	Path dataDir;

	private TestGames games;

	private final DiscordTester discord = new DiscordTester();

	private StopGameCommand command;

	private GameView game;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.command = new StopGameCommand(this.games.service);
		this.game = this.games.start(DiscordTester.CHANNEL, new Player("301", "Ann"), 3);
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void theStarterStopsTheirGame() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("stopgame").by("301", "Ann").build();
		this.command.execute(slash.event);
		assertThat(slash.deferred()).isTrue();
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).isEqualTo("Game stopped. The points scored so far count in everyone's stats.");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isEmpty();
		assertThat(this.games.events(GameEvent.GameStopped.class)).singleElement()
			.satisfies((stopped) -> assertThat(stopped.by()).isEqualTo(new Player("301", "Ann")));
	}

	@Test
	void anAdministratorMay() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("stopgame").by("304", "Admin")
			.with(Permission.ADMINISTRATOR)
			.build();
		this.command.execute(slash.event);
		assertThat(slash.answer().text()).startsWith("Game stopped.");
	}

}
