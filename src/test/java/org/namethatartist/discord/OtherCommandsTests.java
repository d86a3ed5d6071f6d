package org.namethatartist.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.namethatartist.discord.DiscordTester.Interaction;
import org.namethatartist.discord.DiscordTester.Kind;
import org.namethatartist.discord.DiscordTester.Sent;

import static org.assertj.core.api.Assertions.assertThat;

/** /help, /ping and /precache. */
class OtherCommandsTests {

	private final DiscordTester discord = new DiscordTester();

	private final ArtworkCatalog artworks = new ArtworkCatalog(TestGames.catalog());

	@Test
	void helpExplainsTheGameAndListsEveryCommand() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("help").build();
		new HelpCommand(this.artworks, TestGames.PROPERTIES).execute(slash.event);
		assertThat(slash.privately()).isFalse();
		MessageEmbed help = slash.answer().embed();
		assertThat(help.getTitle()).isEqualTo("🎨 Name That Artist — how to play");
		assertThat(help.getDescription()).startsWith("Each round shows an artwork and 4 artists.")
			.contains("a right answer scores up to 100 points");
		assertThat(help.getFields().get(0).getValue()).contains("/namethatartist", "/stopgame", "/leaderboard",
				"/alltime", "/stats", "/ping", "/precache");
		assertThat(help.getFooter().getText()).isEqualTo("12 artworks by 6 artists to play (test)");
	}

	@Test
	void precachePostsAndDeletesEveryImageThenReports() {
		PrecacheCommand precache = new PrecacheCommand(this.artworks, Runnable::run);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("precache").with(Permission.ADMINISTRATOR)
			.build();
		precache.execute(slash.event);

		assertThat(slash.deferred()).isTrue();
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).isEqualTo("🖼️ Precached 12 of 12 artworks.");
		List<Sent> channel = this.discord.inChannel(DiscordTester.CHANNEL);
		assertThat(channel).hasSize(24);
		List<Token> tokens = this.artworks.current().playable();
		for (int i = 0; i < tokens.size(); i++) {
			Sent post = channel.get(2 * i);
			Sent delete = channel.get(2 * i + 1);
			assertThat(post.kind).isEqualTo(Kind.SEND);
			assertThat(post.embed().getImage().getUrl()).isEqualTo(tokens.get(i).fullImageUrl());
			assertThat(delete.kind).isEqualTo(Kind.DELETE);
			assertThat(delete.messageId).isEqualTo(post.messageId);
		}
	}

	@Test
	void precacheCountsWhatFailed() {
		this.discord.failPostsIn("200000000000000055");
		PrecacheCommand precache = new PrecacheCommand(this.artworks, Runnable::run);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("precache").in("200000000000000055")
			.with(Permission.ADMINISTRATOR)
			.build();
		precache.execute(slash.event);
		assertThat(slash.answer().text())
			.isEqualTo("🖼️ Precached 0 of 12 artworks; stopped after 5 failures in a row (see the log).");
		assertThat(this.discord.inChannel("200000000000000055")).hasSize(5);
		// The next run may start: the first one is over.
		Interaction<SlashCommandInteractionEvent> again = this.discord.slash("precache").with(Permission.ADMINISTRATOR)
			.build();
		precache.execute(again.event);
		assertThat(again.answer().text()).isEqualTo("🖼️ Precached 12 of 12 artworks.");
	}

	@Test
	void precacheReportsPartialFailures() {
		assertThat(PrecacheCommand.report(new PrecacheCommand.Result(10, 2, false), 12))
			.isEqualTo("🖼️ Precached 10 of 12 artworks; 2 could not be posted or deleted (see the log).");
	}

	@Test
	void precacheReportsInTheChannelWhenTheInteractionHasExpired() {
		PrecacheCommand precache = new PrecacheCommand(this.artworks, Runnable::run);
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("precache").with(Permission.ADMINISTRATOR)
			.build();
		slash.hookExpired = true;
		precache.execute(slash.event);
		List<Sent> channel = this.discord.inChannel(DiscordTester.CHANNEL);
		assertThat(channel.get(channel.size() - 1).content).isEqualTo("🖼️ Precached 12 of 12 artworks.");
	}

	@Test
	void onePrecacheAtATime() {
		PrecacheCommand precache = new PrecacheCommand(this.artworks, (next) -> {
			// Paused for good after the first image: the run is still going when the second command comes.
		});
		precache.execute(this.discord.slash("precache").with(Permission.ADMINISTRATOR).build().event);
		Interaction<SlashCommandInteractionEvent> second = this.discord.slash("precache").with(Permission.ADMINISTRATOR)
			.build();
		precache.execute(second.event);
		assertThat(second.privately()).isTrue();
		assertThat(second.answer().text()).isEqualTo("A precache is already running; its report comes when it ends.");
	}

}
