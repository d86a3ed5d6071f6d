package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.image.ArtworkImage;
import org.namethatartist.artwork.image.ImageFormat;
import org.namethatartist.game.TitleShown;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.discord.DiscordTester.Kind;
import org.namethatartist.discord.DiscordTester.Sent;
import org.namethatartist.game.Choice;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;
import org.namethatartist.game.RoundView;
import org.namethatartist.game.StopOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** Every game event as the channel sees it, from games played on a real game service. */
class GameRenderingTests {

	private static final Player ANN = new Player("301", "Ann");

	private static final Player BOB = new Player("302", "Bob");

	private static final String CHANNEL = DiscordTester.CHANNEL;

	@TempDir
	Path dataDir;

	private TestGames games;

	private final DiscordTester discord = new DiscordTester();

	private DiscordGameRenderer renderer;

	/** Every round's image, as the image cache gives it: bytes only, named by the renderer. */
	private static final ArtworkImage IMAGE = new ArtworkImage(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
			(byte) 0xD9 }, ImageFormat.JPEG);

	private boolean channelVisible = true;

	/** Why the channel's shard is away, or null when it is not. */
	private String away;

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		GameChannels channels = new GameChannels() {

			@Override
			public Optional<GuildMessageChannel> find(String id) {
				return GameRenderingTests.this.channelVisible
						? Optional.of((GuildMessageChannel) GameRenderingTests.this.discord.channel(id)) : Optional.empty();
			}

			@Override
			public Optional<String> away(GameView game) {
				return Optional.ofNullable(GameRenderingTests.this.away);
			}

		};
		this.renderer = new DiscordGameRenderer(channels, new DirectExecutorService(),
				Clock.fixed(TestGames.T0, ZoneOffset.UTC))
			.images((token) -> Optional.of(IMAGE));
		this.games.service.addListener(this.renderer);
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	@Test
	void aRoundShowsTheUploadedArtworkAndFourButtonsButNotItsTitle() {
		GameView game = this.games.start(CHANNEL, ANN, 2);
		RoundView round = this.games.nextRound(game.gameId());

		List<Sent> posted = this.discord.inChannel(CHANNEL);
		assertThat(posted).hasSize(1);
		MessageEmbed embed = posted.get(0).embed();
		assertThat(embed.getTitle()).isEqualTo("Round 1 of 2");
		assertThat(embed.getDescription()).isEqualTo("Who created this artwork?\nAnswers close <t:"
				+ round.endsAt().getEpochSecond() + ":R> (15 s).");
		// The image uploaded with the message: no address that could name the artist.
		assertThat(embed.getImage().getUrl()).isEqualTo("attachment://artwork.jpg");

		List<Button> buttons = posted.get(0).buttons();
		assertThat(buttons).extracting(Button::getCustomId).containsExactly(AnswerButton.id(game.gameId(), 1, 1),
				AnswerButton.id(game.gameId(), 1, 2), AnswerButton.id(game.gameId(), 1, 3),
				AnswerButton.id(game.gameId(), 1, 4));
		assertThat(buttons).extracting(Button::getLabel)
			.containsExactlyElementsOf(round.choices().stream().map(Choice::artistName).toList());
		assertThat(buttons).extracting((button) -> button.getEmoji().getName()).containsExactly("1️⃣", "2️⃣", "3️⃣", "4️⃣");
		assertThat(buttons).allMatch((button) -> button.getStyle() == ButtonStyle.PRIMARY && !button.isDisabled());
		assertThat(this.renderer.roundsTracked()).isEqualTo(1);
	}

	@Test
	void aRunningGameKeepsWhetherItShowsTitlesWhenTheServerChangesIt() {
		java.util.concurrent.atomic.AtomicReference<TitleShown> server = new java.util.concurrent.atomic.AtomicReference<>(
				TitleShown.AFTER_ROUND);
		this.renderer.showTitle((game) -> server.get());
		GameView game = this.games.start(CHANNEL, ANN, 2);
		RoundView first = this.games.nextRound(game.gameId());
		server.set(TitleShown.DURING_ROUND);
		this.games.endRound(game.gameId());
		this.games.nextRound(game.gameId());
		List<Sent> rounds = this.discord.inChannel(CHANNEL).stream().filter((sent) -> sent.kind == Kind.SEND).toList();
		assertThat(rounds).hasSize(2);
		assertThat(rounds).allSatisfy((sent) -> assertThat(sent.embed().getDescription())
			.startsWith("Who created this artwork?"));
		assertThat(first.token().name()).isNotBlank();
	}

	@Test
	void withShowTitleDuringRoundTheTitleIsAHintAndARoundWithoutImageSaysSo() {
		this.renderer.showTitle(TitleShown.DURING_ROUND).images((token) -> Optional.empty());
		GameView game = this.games.start(CHANNEL, ANN, 2);
		RoundView round = this.games.nextRound(game.gameId());
		MessageEmbed embed = this.discord.inChannel(CHANNEL).get(0).embed();
		String tokenId = round.token().tokenId();
		assertThat(embed.getDescription()).isEqualTo("**\\*\\*Work\\*\\* \\_" + tokenId + "\\_ @\u200Bhere**\n"
				+ "🖼️ *The artwork's image could not be loaded for this round.*\n"
				+ "Who created this artwork?\nAnswers close <t:" + round.endsAt().getEpochSecond() + ":R> (15 s).");
		assertThat(embed.getImage()).isNull();
	}

	@Test
	void theEndOfARoundTurnsTheButtonsOffShowsTheAnswerTheLinkAndTheScores() {
		GameView game = this.games.start(CHANNEL, ANN, 2);
		RoundView round = this.games.nextRound(game.gameId());
		int right = TestGames.rightChoice(round);
		this.games.service.answer(game.gameId(), 1, ANN, right);
		this.games.service.answer(game.gameId(), 1, BOB, TestGames.wrongChoice(round));
		this.games.endRound(game.gameId());

		// Two requests a round: the post, then one edit that closes it and adds the result.
		List<Sent> posted = this.discord.inChannel(CHANNEL);
		assertThat(posted).extracting((sent) -> sent.kind).containsExactly(Kind.SEND, Kind.EDIT);
		Sent edit = posted.get(1);
		assertThat(edit.messageId).isEqualTo(posted.get(0).messageId);
		assertThat(edit.embeds).hasSize(2);
		assertThat(edit.embeds.get(0)).isEqualTo(posted.get(0).embed());
		assertThat(edit.buttons()).allMatch(Button::isDisabled);
		assertThat(edit.buttons()).extracting(Button::getStyle).containsExactlyElementsOf(List.of(1, 2, 3, 4).stream()
			.map((n) -> (n == right) ? ButtonStyle.SUCCESS : ButtonStyle.SECONDARY)
			.toList());
		assertThat(edit.buttons()).extracting(Button::getCustomId)
			.containsExactlyElementsOf(posted.get(0).buttons().stream().map(Button::getCustomId).toList());

		MessageEmbed timesUp = edit.embeds.get(1);
		assertThat(timesUp.getTitle()).isEqualTo("⏰ Time's Up! (round 1 of 2)");
		String artist = Text.plain(round.choices().get(right - 1).artistName());
		assertThat(timesUp.getDescription()).isEqualTo("“" + Text.plain(round.token().name()) + "” is by **" + artist
				+ "** (" + Text.keycap(right) + ").\n"
				+ "[See the artwork](https://objkt.com/tokens/KT1TestContract/" + round.token().tokenId() + ")\n"
				+ "1 of 2 answers right.");
		assertThat(timesUp.getFields()).singleElement().satisfies((field) -> {
			assertThat(field.getName()).isEqualTo("Scores");
			assertThat(field.getValue()).isEqualTo("🥇 Ann — 100 points\n🥈 Bob — 0 points");
		});
	}

	@Test
	void theEndOfTheGameNamesTheWinnerAndTheFinalScores() {
		GameView game = this.games.start(CHANNEL, ANN, 1);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.scheduler.advance(Duration.ofSeconds(3));
		this.games.service.answer(game.gameId(), 1, ANN, TestGames.rightChoice(round));
		this.games.service.answer(game.gameId(), 1, BOB, TestGames.wrongChoice(round));
		this.games.endRound(game.gameId());

		Sent over = last();
		assertThat(over.embed().getTitle()).isEqualTo("🏁 Game Over!");
		assertThat(over.embed().getDescription()).isEqualTo("🏆 **Ann** wins with 80 points!");
		assertThat(over.embed().getFields().get(0).getValue()).isEqualTo("🥇 Ann — 80 points\n🥈 Bob — 0 points");
		assertThat(this.renderer.roundsTracked()).isZero();
	}

	@Test
	void aTieNamesEveryWinner() {
		GameView game = this.games.start(CHANNEL, ANN, 1);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, TestGames.rightChoice(round));
		this.games.service.answer(game.gameId(), 1, BOB, TestGames.rightChoice(round));
		this.games.endRound(game.gameId());
		assertThat(last().embed().getDescription()).isEqualTo("🏆 A tie! **Ann**, **Bob** win with 100 points each.");
		assertThat(last().embed().getFields().get(0).getValue()).isEqualTo("🥇 Ann — 100 points\n🥇 Bob — 100 points");
	}

	@Test
	void nobodyWinsWhenNobodyScored() {
		GameView game = this.games.start(CHANNEL, ANN, 1);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, TestGames.wrongChoice(round));
		this.games.endRound(game.gameId());
		assertThat(last().embed().getDescription()).isEqualTo("Nobody scored, so nobody wins this time.");
	}

	@Test
	void nobodyWinsWhenNobodyAnswered() {
		GameView game = this.games.start(CHANNEL, ANN, 1);
		this.games.nextRound(game.gameId());
		this.games.endRound(game.gameId());
		assertThat(last().embed().getDescription()).isEqualTo("Nobody answered, so nobody wins this time.");
		assertThat(last().embed().getFields().get(0).getValue()).isEqualTo("Nobody has answered yet.");
	}

	@Test
	void aGameNobodyPlaysAnyMoreEndsEarlySayingWhy() {
		GameView game = this.games.start(CHANNEL, ANN, 5);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, TestGames.rightChoice(round));
		for (int idle = 0; idle < 4; idle++) {
			this.games.endRound(game.gameId());
			if (this.games.events(GameEvent.GameEnded.class).isEmpty()) {
				this.games.nextRound(game.gameId());
			}
		}
		assertThat(last().embed().getDescription()).isEqualTo("Nobody answered several rounds in a row, so the game "
				+ "ended after round 4 of 5.\n🏆 **Ann** wins with 100 points!");
	}

	@Test
	void aStoppedGameSaysWhoStoppedItAndShowsTheScores() {
		GameView game = this.games.start(CHANNEL, ANN, 3);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, BOB, TestGames.rightChoice(round));
		assertThat(this.games.service.stop(CHANNEL, ANN, false)).isInstanceOf(StopOutcome.Stopped.class);

		Sent stopped = last();
		assertThat(stopped.embed().getTitle()).isEqualTo("⏹️ Game stopped");
		assertThat(stopped.embed().getDescription()).isEqualTo("**Ann** stopped the game after round 1 of 3. The points "
				+ "scored count in everyone's stats; nobody wins a stopped game.");
		assertThat(stopped.embed().getFields().get(0).getValue()).isEqualTo("🥇 Bob — 100 points");
		assertThat(this.renderer.roundsTracked()).isZero();
	}

	@Test
	void aGameStoppedBeforeARestartNamesNobody() {
		GameView game = this.games.start(CHANNEL, ANN, 3);
		this.renderer.onEvent(new GameEvent.GameStopped(game, null, List.of()));
		assertThat(last().embed().getDescription()).startsWith("The game was stopped before its first round.");
	}

	@Test
	void aResumedGameSaysWhenItGoesOn() {
		GameView game = this.games.start(CHANNEL, ANN, 3);
		this.renderer.onEvent(new GameEvent.GameResumed(game, Duration.ofMinutes(2), TestGames.T0.plusSeconds(3)));
		assertThat(last().content).isEqualTo("🔄 The bot restarted; this game resumes in 3 s.");
		assertThat(last().embeds).isEmpty();
	}

	@Test
	void webGamesAreNotShown() {
		this.games.service.start("web-channel", null, new Player("web:ann", "ann"), new GameOptions(1, null, null));
		GameView game = this.games.service.findByChannel("web-channel").orElseThrow();
		this.games.nextRound(game.gameId());
		this.games.endRound(game.gameId());
		assertThat(this.discord.sent).isEmpty();
	}

	@Test
	void aChannelTheBotCannotSeeGetsNothingAndTheGameGoesOn() {
		this.channelVisible = false;
		GameView game = this.games.start(CHANNEL, ANN, 1);
		this.games.nextRound(game.gameId());
		this.games.endRound(game.gameId());
		assertThat(this.discord.sent).isEmpty();
		assertThat(this.games.events(GameEvent.GameEnded.class)).hasSize(1);
		assertThat(this.renderer.roundsTracked()).isZero();
	}

	@Test
	void theEndOfARoundWhoseShardIsAwayWaitsForItThenEditsTheRound() {
		GameView game = this.games.start(CHANNEL, ANN, 2);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, TestGames.rightChoice(round));
		// An invalid session empties JDA's cache: the channel cannot be seen while the shard identifies again.
		this.channelVisible = false;
		this.away = "shard 0 is IDENTIFYING_SESSION";
		this.games.endRound(game.gameId());
		assertThat(this.discord.inChannel(CHANNEL)).extracting((sent) -> sent.kind).containsExactly(Kind.SEND);
		// Still away: nothing yet, nothing lost.
		this.renderer.retryDeferred();
		assertThat(this.discord.inChannel(CHANNEL)).hasSize(1);

		this.channelVisible = true;
		this.away = null;
		this.renderer.retryDeferred();
		List<Sent> posted = this.discord.inChannel(CHANNEL);
		assertThat(posted).extracting((sent) -> sent.kind).containsExactly(Kind.SEND, Kind.EDIT);
		assertThat(posted.get(1).messageId).isEqualTo(posted.get(0).messageId);
		assertThat(posted.get(1).buttons()).allMatch(Button::isDisabled);
	}

	@Test
	void aRoundThatCouldNotBePostedIsNotEditedAndTheGameGoesOn() {
		this.discord.failPostsIn(CHANNEL);
		GameView game = this.games.start(CHANNEL, ANN, 2);
		this.games.nextRound(game.gameId());
		this.games.endRound(game.gameId());
		// The round in three forms (with the image, without, as text), then the result on its own.
		assertThat(this.discord.inChannel(CHANNEL)).extracting((sent) -> sent.kind)
			.containsExactly(Kind.SEND, Kind.SEND, Kind.SEND, Kind.SEND);
		assertThat(this.games.nextRound(game.gameId()).number()).isEqualTo(2);
	}

	@Test
	void noGameMessageMayPingAnybody() {
		GameView game = this.games.start(CHANNEL, new Player("666", "@everyone"), 1);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, new Player("666", "@everyone"), TestGames.rightChoice(round));
		this.games.endRound(game.gameId());
		assertThat(this.discord.sent).isNotEmpty();
		assertThat(this.discord.noMentionAllowedAnywhere()).as(this.discord.describe()).isTrue();
		assertThat(this.discord.sent).allSatisfy((sent) -> assertThat(sent.text()).doesNotContain("@everyone")
			.doesNotContain("@here"));
		assertThat(last().embed().getDescription()).isEqualTo("🏆 **@\u200Beveryone** wins with 100 points!");
	}

	private Sent last() {
		List<Sent> posted = this.discord.inChannel(CHANNEL);
		return posted.get(posted.size() - 1);
	}

}
