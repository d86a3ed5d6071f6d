package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Duration;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.discord.DiscordTester.Kind;
import org.namethatartist.discord.DiscordTester.Sent;
import org.namethatartist.game.GameStatus;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;

import static org.assertj.core.api.Assertions.assertThat;

/** /namethatartist: a public announcement and a private answer, or a private refusal. */
class NameThatArtistCommandTests {

	@TempDir
	Path dataDir;

	private TestGames games;

	private final DiscordTester discord = new DiscordTester();

	private NameThatArtistCommand command;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		this.command = new NameThatArtistCommand(this.games.service);
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void startsAGameAnnouncedInTheChannelAndAnsweredPrivately() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("namethatartist")
			.by("301", "Ann")
			.option("rounds", 5)
			.option("roundtime", 20)
			.option("betweenroundtime", 8)
			.build();
		this.command.execute(slash.event);

		GameView game = this.games.service.findByChannel(DiscordTester.CHANNEL).orElseThrow();
		assertThat(game.totalRounds()).isEqualTo(5);
		assertThat(game.roundTime()).isEqualTo(Duration.ofSeconds(20));
		assertThat(game.betweenRoundTime()).isEqualTo(Duration.ofSeconds(8));
		assertThat(game.startedBy()).isEqualTo("301");
		assertThat(game.guildId()).isEqualTo(DiscordTester.GUILD);

		assertThat(slash.deferred()).isTrue();
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).startsWith("Your game is on: the first artwork appears <t:")
			.contains(":R>")
			.contains("/stopgame");

		Sent announcement = this.discord.inChannel(DiscordTester.CHANNEL).get(0);
		assertThat(announcement.kind).isEqualTo(Kind.SEND);
		assertThat(announcement.embed().getTitle()).isEqualTo("🎨 Name That Artist");
		assertThat(announcement.embed().getDescription()).startsWith("**Ann** started a game of 5 rounds: 20 s to "
				+ "answer each, 8 s between rounds.\nThe first artwork appears <t:"
				+ TestGames.T0.plusSeconds(3).getEpochSecond() + ":R>.");
		assertThat(this.discord.noMentionAllowedAnywhere()).isTrue();
	}

	@Test
	void startsWithTheDefaultsWhenNoOptionIsGiven() {
		this.command.execute(this.discord.slash("namethatartist").build().event);
		GameView game = this.games.service.findByChannel(DiscordTester.CHANNEL).orElseThrow();
		assertThat(game.totalRounds()).isEqualTo(TestGames.PROPERTIES.rounds());
		assertThat(game.roundTime()).isEqualTo(TestGames.PROPERTIES.roundTime());
		assertThat(game.status()).isEqualTo(GameStatus.STARTING);
	}

	@Test
	void refusesPrivatelyASecondGameInTheSameChannel() {
		this.games.start(DiscordTester.CHANNEL, new Player("301", "Ann"), 3);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("namethatartist").by("302", "Bob").build();
		this.command.execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text())
			.isEqualTo("A game is already running in this channel (starting). Play along, or start one in another channel.");
		assertThat(this.discord.inChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	@Test
	void refusesPrivatelyOptionsOutsideTheLimits() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("namethatartist").option("roundtime", 90)
			.build();
		this.command.execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).isEqualTo("Not started: roundTime must be within 10s..60s, not 90s.");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	@Test
	void refusesPrivatelyMoreRoundsThanArtworks() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("namethatartist").option("rounds", 20)
			.build();
		this.command.execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text())
			.isEqualTo("Not started: Only 12 artworks are available, not enough for 20 rounds.");
	}

	@Test
	void refusesPrivatelyWhenTheGameCannotBeSaved() {
		this.games.states.broken = true;
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("namethatartist").build();
		this.command.execute(slash.event);
		assertThat(slash.privately()).isTrue();
		// The player learns what happened; the disk's own message is for the admins' log.
		assertThat(slash.answer().text()).isEqualTo("⚠️ Not started: The game could not be saved, so it did not start "
				+ "(a storage error, logged for the bot's admins). Try again in a minute.");
	}

	@Test
	void startsNothingWhereTheBotCannotPost() {
		this.discord.muteIn(DiscordTester.CHANNEL);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("namethatartist").build();
		this.command.execute(slash.event);
		assertThat(slash.deferred()).isFalse();
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).startsWith("I can't post here: I need View Channel, Send Messages and Embed Links");
		assertThat(this.games.service.findByChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	@Test
	void offersTheOptionsWithinTheConfiguredLimits() {
		assertThat(this.command.definition().getOptions()).extracting(OptionData::getName)
			.containsExactly("rounds", "roundtime", "betweenroundtime", "difficulty", "answers");
		OptionData rounds = this.command.definition().getOptions().get(0);
		assertThat(rounds.getMinValue()).isEqualTo(1L);
		assertThat(rounds.getMaxValue()).isEqualTo(50L);
		assertThat(rounds.isRequired()).isFalse();
		OptionData roundTime = this.command.definition().getOptions().get(1);
		assertThat(roundTime.getMinValue()).isEqualTo(10L);
		assertThat(roundTime.getMaxValue()).isEqualTo(60L);
		assertThat(roundTime.getDescription()).isEqualTo("Seconds to answer each artwork (default 15, 10 to 60)");
		OptionData between = this.command.definition().getOptions().get(2);
		assertThat(between.getMinValue()).isEqualTo(5L);
		assertThat(between.getMaxValue()).isEqualTo(60L);
		OptionData difficulty = this.command.definition().getOptions().get(3);
		assertThat(difficulty.getChoices()).extracting((choice) -> choice.getAsString())
			.containsExactly("easy", "normal", "hard");
		OptionData answers = this.command.definition().getOptions().get(4);
		assertThat(answers.getChoices()).extracting((choice) -> choice.getAsString()).containsExactly("buttons", "typed");
		assertThat(answers.isRequired()).isFalse();
	}

}
