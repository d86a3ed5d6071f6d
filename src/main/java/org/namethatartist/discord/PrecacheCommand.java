package org.namethatartist.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /precache} (administrators): posts each playable artwork's image (the one rounds show) in this
 * channel and deletes it after a short hold ({@link #HOLD}, the original's 2 s: Discord's media proxy fetches
 * an embed's image after the message is posted, so a message deleted at once may warm nothing), one at a
 * time and paced, so that Discord's media proxy has fetched every image before a game
 * shows it. Deferred (privately); reports how many went through. One run at a time per process.
 */
final class PrecacheCommand implements SlashCommand {

	private static final Logger logger = LoggerFactory.getLogger(PrecacheCommand.class);

	/** Between two images: well under Discord's limit of five messages per five seconds in a channel. */
	static final Duration PACE = Duration.ofMillis(1500);

	/** How long each image stays up before it is deleted. */
	static final Duration HOLD = Duration.ofSeconds(2);

	static final int GIVE_UP_AFTER = 5;

	private final ArtworkCatalog artworks;

	private final Executor pacer;

	private final Executor holder;

	private final AtomicBoolean running = new AtomicBoolean();

	/** @param pacer runs each next image after the pause, and each deletion after the hold */
	PrecacheCommand(ArtworkCatalog artworks, Executor pacer) {
		this(artworks, pacer, pacer);
	}

	/**
	 * @param pacer runs each next image after the pause
	 * @param holder runs each deletion after the image's hold
	 */
	PrecacheCommand(ArtworkCatalog artworks, Executor pacer, Executor holder) {
		this.artworks = artworks;
		this.pacer = pacer;
		this.holder = holder;
	}

	static Executor paced(Duration pace) {
		return CompletableFuture.delayedExecutor(pace.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public String name() {
		return "precache";
	}

	@Override
	public SlashCommandData definition() {
		return Commands.slash(name(), "Administrators: get Discord to load every artwork's image in advance")
			.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR))
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public Optional<String> refusal(SlashCommandInteractionEvent event) {
		// Discord hides the command from others by default, but a server can change that: checked here too.
		if (!Members.can(event, Permission.ADMINISTRATOR)) {
			return Optional.of("Only administrators can use /precache.");
		}
		Optional<Member> self = Members.self(event.getGuild());
		if (self.isEmpty()) {
			return Optional.of(Members.NO_BOT);
		}
		return Members.botCanPost(self.get(), event.getGuildChannel()) ? Optional.empty()
				: Optional.of(Members.CANNOT_POST);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		GuildMessageChannel channel = event.getGuildChannel();
		Optional<String> refusal = refusal(event);
		if (refusal.isPresent()) {
			Messages.replyPrivately(event, refusal.get());
			return;
		}
		if (!this.running.compareAndSet(false, true)) {
			Messages.replyPrivately(event, "A precache is already running; its report comes when it ends.");
			return;
		}
		try {
			start(event, channel);
		}
		catch (RuntimeException ex) {
			this.running.set(false);
			throw ex;
		}
	}

	private void start(SlashCommandInteractionEvent event, GuildMessageChannel channel) {
		List<Token> tokens = this.artworks.current().playable();
		event.deferReply(true).queue(null, Messages.failed("deferral of", event));
		logger.info("Discord: precaching {} artwork images in channel {} for user {}", tokens.size(),
				event.getChannelId(), event.getUser().getId());
		run(channel, tokens).whenComplete((result, failure) -> {
			this.running.set(false);
			String report = (failure != null) ? "⚠️ The precache stopped early: " + failure : report(result, tokens.size());
			logger.info("Discord: {}", report);
			if (event.getHook().isExpired()) {
				channel.sendMessage(Messages.text(report)).queue(null, Messages.failed("the precache report"));
			}
			else {
				Messages.answerDeferred(event, Messages.text(report));
			}
		});
	}

	/** How a run went. */
	record Result(int posted, int failed, boolean gaveUp) {
	}

	static String report(Result result, int total) {
		String report = "🖼️ Precached " + result.posted() + " of " + Text.count(total, "artwork", "artworks");
		if (result.gaveUp()) {
			return report + "; stopped after " + GIVE_UP_AFTER + " failures in a row (see the log).";
		}
		return report + ((result.failed() > 0) ? "; " + result.failed() + " could not be posted or deleted (see the log)."
				: ".");
	}

	/**
	 * Posts and deletes each image in turn. Gives up after {@value #GIVE_UP_AFTER} failures in a row: the bot
	 * has likely lost its permissions here, and Discord punishes streams of refused requests.
	 */
	CompletableFuture<Result> run(GuildMessageChannel channel, List<Token> tokens) {
		AtomicInteger posted = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger inARow = new AtomicInteger();
		CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			boolean last = i == tokens.size() - 1;
			chain = chain.thenCompose((ignored) -> {
				if (inARow.get() >= GIVE_UP_AFTER) {
					return CompletableFuture.completedFuture(null);
				}
				return postAndDelete(channel, token).thenAccept((ok) -> {
					if (ok) {
						posted.incrementAndGet();
						inARow.set(0);
					}
					else {
						failed.incrementAndGet();
						inARow.incrementAndGet();
					}
				}).thenComposeAsync((paused) -> CompletableFuture.completedFuture(null), last ? Runnable::run : this.pacer);
			});
		}
		return chain.thenApply((ignored) -> new Result(posted.get(), failed.get(), inARow.get() >= GIVE_UP_AFTER));
	}

	private CompletableFuture<Boolean> postAndDelete(GuildMessageChannel channel, Token token) {
		String image = token.shownImageUrl();
		if (!GameMessages.isWebImage(image)) {
			return CompletableFuture.completedFuture(false);
		}
		return channel.sendMessage(Messages.embed(new EmbedBuilder().setImage(image).build()))
			.submit()
			.thenComposeAsync((message) -> channel.deleteMessageById(message.getId()).submit(), this.holder)
			.handle((deleted, failure) -> {
				if (failure != null) {
					logger.warn("Discord: precaching {} ({}) failed: {}", token.name(), image, failure.toString());
					return false;
				}
				return true;
			});
	}

}
