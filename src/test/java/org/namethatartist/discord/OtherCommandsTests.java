package org.namethatartist.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import org.junit.jupiter.api.Test;
import org.namethatartist.MutableClock;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.image.ImageCacheFiller;
import org.namethatartist.artwork.image.ImageException;
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

	/** A fill the test drives by hand: it keeps what the command asked for. */
	private final List<List<Token>> fills = new ArrayList<>();

	private Consumer<ImageCacheFiller.Progress> progress;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));

	private PrecacheCommand precache() {
		return new PrecacheCommand(this.artworks, (tokens, why, progress) -> {
			this.fills.add(tokens);
			this.progress = progress;
		}, this.clock);
	}

	private static ImageCacheFiller.Progress progress(int done, int cached, int fetched,
			Map<ImageException.Kind, Integer> failed, boolean finished) {
		return new ImageCacheFiller.Progress(done, 12, cached, fetched, failed, finished);
	}

	@Test
	void precacheFillsTheImageCacheShowingProgressPrivatelyAndPostsNothingInTheChannel() {
		PrecacheCommand precache = precache();
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("precache").with(Permission.ADMINISTRATOR)
			.build();
		precache.execute(slash.event);
		assertThat(slash.deferred()).isTrue();
		assertThat(this.fills).containsExactly(this.artworks.current().playable());

		this.progress.accept(progress(1, 1, 0, Map.of(), false));
		this.clock.advance(Duration.ofSeconds(1));
		this.progress.accept(progress(2, 1, 1, Map.of(), false));
		this.clock.advance(Duration.ofSeconds(5));
		this.progress.accept(progress(6, 1, 4, Map.of(ImageException.Kind.NOT_AN_IMAGE, 1), false));
		this.progress.accept(progress(12, 3, 7, Map.of(ImageException.Kind.NOT_AN_IMAGE, 1,
				ImageException.Kind.TIMEOUT, 1), true));

		List<String> edits = slash.sent.stream().filter((s) -> s.kind == Kind.EDIT_ORIGINAL).map((s) -> s.content).toList();
		assertThat(edits).as("at most one edit every 5 s, and the report").containsExactly(
				"🖼️ Filling the image cache ▰▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱ 1 of 12",
				"🖼️ Filling the image cache ▰▰▰▰▰▰▰▰▰▰▱▱▱▱▱▱▱▱▱▱ 6 of 12 · 1 without a playable image (not an image: 1)",
				"🖼️ Image cache filled: 10 of 12 artworks ready (3 already cached, 7 fetched now) · 2 without a playable "
						+ "image (timeout: 1, not an image: 1).");
		assertThat(slash.sent.stream().allMatch((s) -> s.kind == Kind.DEFER || s.kind == Kind.EDIT_ORIGINAL)).isTrue();
		assertThat(this.discord.inChannel(DiscordTester.CHANNEL)).isEmpty();
	}

	@Test
	void onePrecacheAtATimeThenTheNextOnceItHasFinished() {
		PrecacheCommand precache = precache();
		precache.execute(this.discord.slash("precache").with(Permission.ADMINISTRATOR).build().event);
		Interaction<SlashCommandInteractionEvent> second = this.discord.slash("precache").with(Permission.ADMINISTRATOR)
			.build();
		precache.execute(second.event);
		assertThat(second.privately()).isTrue();
		assertThat(second.answer().text()).startsWith("A precache is already running");
		assertThat(this.fills).hasSize(1);

		this.progress.accept(progress(12, 12, 0, Map.of(), true));
		precache.execute(this.discord.slash("precache").with(Permission.ADMINISTRATOR).build().event);
		assertThat(this.fills).hasSize(2);
	}

	@Test
	void precacheIsForAdministratorsOnly() {
		Interaction<SlashCommandInteractionEvent> slash = this.discord.slash("precache").build();
		precache().execute(slash.event);
		assertThat(slash.privately()).isTrue();
		assertThat(slash.answer().text()).isEqualTo("Only administrators can use /precache.");
		assertThat(this.fills).isEmpty();
	}

	@Test
	void theProgressBarFillsInTwentieths() {
		assertThat(PrecacheCommand.bar(0, 40)).isEqualTo("▱".repeat(20));
		assertThat(PrecacheCommand.bar(39, 40)).isEqualTo("▰".repeat(19) + "▱");
		assertThat(PrecacheCommand.bar(40, 40)).isEqualTo("▰".repeat(20));
		assertThat(PrecacheCommand.bar(0, 0)).isEqualTo("▰".repeat(20));
	}

}
