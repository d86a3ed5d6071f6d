package org.namethatartist.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.image.ImageCacheFiller;
import org.namethatartist.artwork.image.ImageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /precache} (administrators): fills the bot's image cache with every playable artwork's image, at
 * {@code artwork.images.requests-per-second}, so that rounds find theirs ready. It posts nothing in the
 * channel: the administrator's private reply shows the progress (a bar, done of total, failures), edited
 * at most every {@link #PROGRESS_EVERY}, and the summary at the end. Discord lets a reply be edited for 15
 * minutes; a longer fill goes on and is logged. One run at a time per process.
 */
final class PrecacheCommand implements SlashCommand {

	private static final Logger logger = LoggerFactory.getLogger(PrecacheCommand.class);

	/** The most often the progress reply is edited. */
	static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	/** A fill, as {@link ImageCacheFiller#fill} runs it. */
	interface Filler {

		void fill(List<Token> tokens, String why, Consumer<ImageCacheFiller.Progress> progress);

	}

	private static final int BAR = 20;

	private final ArtworkCatalog artworks;

	private final Filler filler;

	private final Clock clock;

	private final AtomicBoolean running = new AtomicBoolean();

	PrecacheCommand(ArtworkCatalog artworks, Filler filler, Clock clock) {
		this.artworks = artworks;
		this.filler = filler;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "precache";
	}

	@Override
	public SlashCommandData definition() {
		return Commands.slash(name(), "Administrators: fill the bot's image cache with every artwork's image")
			.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR))
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public Optional<String> refusal(SlashCommandInteractionEvent event) {
		// Discord hides the command from others by default, but a server can change that: checked here too.
		return Members.can(event, Permission.ADMINISTRATOR) ? Optional.empty()
				: Optional.of("Only administrators can use /precache.");
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		Optional<String> refusal = refusal(event);
		if (refusal.isPresent()) {
			Messages.replyPrivately(event, refusal.get());
			return;
		}
		if (!this.running.compareAndSet(false, true)) {
			Messages.replyPrivately(event, "A precache is already running; its progress is in the reply to whoever "
					+ "started it.");
			return;
		}
		try {
			List<Token> tokens = this.artworks.current().playable();
			event.deferReply(true).queue(null, Messages.failed("deferral of", event));
			logger.info("Discord: /precache of {} artwork images for user {}", tokens.size(), event.getUser().getId());
			AtomicReference<Instant> lastEdit = new AtomicReference<>(Instant.MIN);
			this.filler.fill(tokens, "/precache", (progress) -> {
				Instant now = this.clock.instant();
				if (progress.finished()) {
					this.running.set(false);
				}
				else if (Duration.between(lastEdit.get(), now).compareTo(PROGRESS_EVERY) < 0) {
					return;
				}
				lastEdit.set(now);
				if (event.getHook().isExpired()) {
					return;
				}
				event.getHook()
					.editOriginal(Messages.editText(progress.finished() ? report(progress) : progressText(progress)))
					.queue(null, Messages.failed("the /precache progress"));
			});
		}
		catch (RuntimeException ex) {
			this.running.set(false);
			throw ex;
		}
	}

	/** {@code 🖼️ Filling the image cache ▰▰▰▱▱… 120 of 400 · 3 without a playable image}. */
	static String progressText(ImageCacheFiller.Progress progress) {
		return "🖼️ Filling the image cache " + bar(progress.done(), progress.total()) + " " + Text.number(progress.done())
				+ " of " + Text.number(progress.total()) + failures(progress);
	}

	static String report(ImageCacheFiller.Progress progress) {
		int ready = progress.cached() + progress.fetched();
		return "🖼️ Image cache filled: " + Text.number(ready) + " of " + Text.count(progress.total(), "artwork", "artworks")
				+ " ready (" + Text.number(progress.cached()) + " already cached, " + Text.number(progress.fetched())
				+ " fetched now)" + failures(progress) + ".";
	}

	private static String failures(ImageCacheFiller.Progress progress) {
		if (progress.failures() == 0) {
			return "";
		}
		Map<ImageException.Kind, Integer> failed = progress.failed();
		return " · " + Text.number(progress.failures()) + " without a playable image ("
				+ failed.entrySet().stream()
					.sorted(Map.Entry.comparingByKey())
					.map((entry) -> entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + entry.getValue())
					.collect(Collectors.joining(", "))
				+ ")";
	}

	static String bar(int done, int total) {
		int filled = (total == 0) ? BAR : (int) ((long) done * BAR / total);
		return "▰".repeat(filled) + "▱".repeat(BAR - filled);
	}

}
