package org.namethatartist.discord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.image.ArtworkImage;
import org.namethatartist.artwork.image.ImageFormat;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.discord.DiscordTester.Kind;
import org.namethatartist.discord.DiscordTester.Sent;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameView;
import org.namethatartist.game.Player;
import org.namethatartist.game.RoundView;
import org.namethatartist.game.StopOutcome;
import org.namethatartist.player.PlayerStats;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round's message through what Discord does to it (issue 12, defects 4, 6, 7, 15, 16): refused forms are
 * resent simpler, a lost channel stops the game once, a stop turns the round's buttons off, and a tie of
 * hundreds fits in the Game Over message.
 */
@ExtendWith(OutputCaptureExtension.class)
class RoundMessageTests {

	private static final Player ANN = new Player("301", "Ann");

	private static final String CHANNEL = DiscordTester.CHANNEL;

	@TempDir
	Path dataDir;

	private TestGames games;

	private final DiscordTester discord = new DiscordTester();

	private final List<String> stopped = new ArrayList<>();

	/** Every round's image, as the image cache would give it. */
	private static final ArtworkImage IMAGE = new ArtworkImage(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
			(byte) 0xD9 }, ImageFormat.JPEG);

	@BeforeEach
	void open() {
		this.games = new TestGames(this.dataDir);
		GameChannels channels = (id) -> Optional.of((GuildMessageChannel) this.discord.channel(id));
		DiscordGameRenderer renderer = new DiscordGameRenderer(channels, new DirectExecutorService(),
				Clock.fixed(TestGames.T0, ZoneOffset.UTC), (channelId) -> {
					this.stopped.add(channelId);
					this.games.service.stop(channelId, null, true);
				}, (gameId, round, messageId) -> this.games.service.roundShown(gameId, round, messageId))
			.images((token) -> Optional.of(IMAGE));
		this.games.service.addListener(renderer);
	}

	@AfterEach
	void close() {
		this.games.close();
	}

	static ErrorResponseException discordError(ErrorResponse error) {
		return ErrorResponseException.create(error, new Response(new IOException(error.getMeaning()), Set.of()));
	}

	@Test
	void aRoundWhoseImageDiscordRefusesIsResentWithoutIt() {
		this.discord.refuseIn(CHANNEL, (data) -> data.getEmbeds().stream().anyMatch((e) -> e.getImage() != null)
				? discordError(ErrorResponse.INVALID_FORM_BODY) : null);
		GameView game = this.games.start(CHANNEL, ANN, 2);
		RoundView round = this.games.nextRound(game.gameId());

		List<Sent> posted = this.discord.inChannel(CHANNEL);
		assertThat(posted).hasSize(2);
		assertThat(posted.get(0).embed().getImage().getUrl()).isEqualTo("attachment://artwork.jpg");
		assertThat(posted.get(1).embed().getImage()).isNull();
		assertThat(posted.get(1).embed().getDescription()).contains("image could not be loaded");
		assertThat(posted.get(1).embed().getTitle()).isEqualTo("Round 1 of 2");
		assertThat(posted.get(1).buttons()).hasSize(4);

		// The round is closed by editing the form that went through.
		this.games.service.answer(game.gameId(), 1, ANN, TestGames.rightChoice(round));
		this.games.endRound(game.gameId());
		Sent edit = this.discord.inChannel(CHANNEL).get(2);
		assertThat(edit.kind).isEqualTo(Kind.EDIT);
		assertThat(edit.messageId).isEqualTo(posted.get(1).messageId);
		assertThat(edit.embeds.get(0).getImage()).isNull();
	}

	@Test
	void aRoundWhoseEmbedIsRefusedIsResentAsText() {
		this.discord.refuseIn(CHANNEL, (data) -> data.getEmbeds().isEmpty() ? null
				: discordError(ErrorResponse.INVALID_FORM_BODY));
		GameView game = this.games.start(CHANNEL, ANN, 2);
		RoundView round = this.games.nextRound(game.gameId());

		List<Sent> posted = this.discord.inChannel(CHANNEL);
		assertThat(posted).hasSize(3);
		Sent text = posted.get(2);
		assertThat(text.embeds).isEmpty();
		assertThat(text.content).startsWith("**Round 1 of 2**\n").contains("Who created this artwork?")
			.doesNotContain(round.token().name());
		assertThat(text.buttons()).extracting(Button::getCustomId).contains(AnswerButton.id(game.gameId(), 1,
				TestGames.rightChoice(round)));
		assertThat(this.discord.noMentionAllowedAnywhere()).isTrue();
	}

	@Test
	void aLostChannelStopsTheGameOnceWithItsScoresRecorded(CapturedOutput output) {
		GameView game = this.games.start(CHANNEL, ANN, 3);
		RoundView round = this.games.nextRound(game.gameId());
		this.games.service.answer(game.gameId(), 1, ANN, TestGames.rightChoice(round));
		this.games.endRound(game.gameId());
		// Between rounds, an admin takes the bot's permissions away.
		this.discord.refuseIn(CHANNEL, (data) -> discordError(ErrorResponse.MISSING_PERMISSIONS));
		this.games.endRound(game.gameId());

		assertThat(this.stopped).containsExactly(CHANNEL);
		GameView after = this.games.service.find(game.gameId()).orElseThrow();
		assertThat(after.stopped()).isTrue();
		PlayerStats ann = this.games.stores.players().find(ANN.id()).orElseThrow();
		assertThat(ann.totalScore()).isEqualTo(100);
		assertThat(ann.totalGames()).isEqualTo(1);
		// One round posted and closed, one refused post; nothing tried after (no "Game stopped" into the void).
		assertThat(this.discord.inChannel(CHANNEL)).extracting((sent) -> sent.kind)
			.containsExactly(Kind.SEND, Kind.EDIT, Kind.SEND);
		assertThat(output).containsOnlyOnce("lost access to channel " + CHANNEL).doesNotContain("\tat ");
	}

	@Test
	void aStoppedGameTurnsItsOpenRoundsButtonsOff() {
		GameView game = this.games.start(CHANNEL, ANN, 3);
		this.games.nextRound(game.gameId());
		assertThat(this.games.service.stop(CHANNEL, ANN, false)).isInstanceOf(StopOutcome.Stopped.class);

		List<Sent> posted = this.discord.inChannel(CHANNEL);
		assertThat(posted).extracting((sent) -> sent.kind).containsExactly(Kind.SEND, Kind.EDIT, Kind.SEND);
		Sent edit = posted.get(1);
		assertThat(edit.messageId).isEqualTo(posted.get(0).messageId);
		assertThat(edit.buttons()).hasSize(4).allMatch(Button::isDisabled)
			.allMatch((button) -> button.getStyle() == ButtonStyle.SECONDARY);
		assertThat(posted.get(2).embed().getTitle()).isEqualTo("⏹️ Game stopped");
	}

	@Test
	void afterARestartTheInterruptedRoundsButtonsGoOffBeforeItIsPostedAgain() {
		GameView game = this.games.start(CHANNEL, ANN, 3);
		this.games.nextRound(game.gameId());
		String roundMessage = this.discord.inChannel(CHANNEL).get(0).messageId;
		this.games.close();

		// The next run, on the same data folder, with a fresh Discord connection.
		DiscordTester again = new DiscordTester();
		this.games = new TestGames(this.dataDir);
		DiscordGameRenderer renderer = new DiscordGameRenderer((id) -> Optional.of((GuildMessageChannel) again.channel(id)),
				new DirectExecutorService(), Clock.fixed(TestGames.T0, ZoneOffset.UTC), (channelId) -> {
				}, this.games.service::roundShown);
		this.games.service.addListener(renderer);
		this.games.service.resumeSavedGames();
		this.games.nextRound(game.gameId());

		List<Sent> posted = again.inChannel(CHANNEL);
		assertThat(posted).extracting((sent) -> sent.kind).containsExactly(Kind.EDIT, Kind.SEND, Kind.SEND);
		Sent off = posted.get(0);
		assertThat(off.messageId).isEqualTo(roundMessage);
		assertThat(off.buttons()).extracting(Button::getCustomId)
			.containsExactly(AnswerButton.id(game.gameId(), 1, 1), AnswerButton.id(game.gameId(), 1, 2),
					AnswerButton.id(game.gameId(), 1, 3), AnswerButton.id(game.gameId(), 1, 4));
		assertThat(off.buttons()).allMatch(Button::isDisabled);
		assertThat(posted.get(1).content).startsWith("🔄 The bot restarted");
		assertThat(posted.get(2).embed().getTitle()).isEqualTo("Round 1 of 3");
	}

	@Test
	void hundredsOfTiedWinnersFitInTheGameOverMessage() {
		GameView game = this.games.start(CHANNEL, ANN, 1);
		RoundView round = this.games.nextRound(game.gameId());
		for (int p = 0; p < 300; p++) {
			this.games.service.answer(game.gameId(), 1, new Player(String.valueOf(1000 + p), "player_" + p + "_" + "w".repeat(20)),
					TestGames.rightChoice(round));
		}
		this.games.endRound(game.gameId());

		assertThat(this.games.events(GameEvent.GameEnded.class)).singleElement()
			.satisfies((ended) -> assertThat(ended.winners()).hasSize(300));
		List<Sent> posted = this.discord.inChannel(CHANNEL);
		MessageEmbed over = posted.get(posted.size() - 1).embed();
		assertThat(over.getTitle()).isEqualTo("🏁 Game Over!");
		assertThat(over.getDescription()).hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH)
			.startsWith("🏆 A tie! **player\\_0\\_").containsPattern(" and \\d+ more win with 100 points each\\.$");
		assertThat(over.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
	}

}
