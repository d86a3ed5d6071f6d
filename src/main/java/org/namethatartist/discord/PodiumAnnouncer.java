package org.namethatartist.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.namethatartist.Durations;
import org.namethatartist.guildsettings.GuildSettingsService;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PeriodEntry;
import org.namethatartist.player.PeriodSort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a week ends (Monday 00:00 UTC), posts that week's podium for the server (1st, 2nd and 3rd by total
 * score) in each server's announcement channel ({@code /settings announcement-channel}), once. A server
 * without that channel gets nothing; one where nobody played that week gets nothing either.
 *
 * <p>
 * Once per server and week, through restarts: the week announced is stored with the server's settings
 * (durable on either backend) right after Discord took the message, and checked before posting. A crash
 * between the two would post again at the next check; the message carries a nonce made of the server and
 * the week, with {@code enforce_nonce}, so Discord drops that second copy when it comes within its
 * deduplication window (a few minutes; the check runs at start-up and then every
 * {@link #CHECK_EVERY}). Only the week just ended is announced: a bot down for a whole week skips one.
 */
public final class PodiumAnnouncer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PodiumAnnouncer.class);

	/** How often the finished week is looked at; the first look is {@link #FIRST_CHECK} after start-up. */
	static final Duration CHECK_EVERY = Duration.ofMinutes(10);

	static final Duration FIRST_CHECK = Duration.ofMinutes(1);

	private static final int PODIUM = 3;

	private final GuildSettingsService settings;

	private final PeriodBoards boards;

	private final Supplier<List<String>> guilds;

	private final GameChannels channels;

	private final Clock clock;

	private final ScheduledExecutorService executor;

	/**
	 * @param guilds the servers this process's shards see
	 * @param executor one thread, which this announcer owns and shuts down
	 */
	PodiumAnnouncer(GuildSettingsService settings, PeriodBoards boards, Supplier<List<String>> guilds,
			GameChannels channels, Clock clock, ScheduledExecutorService executor) {
		this.settings = settings;
		this.boards = boards;
		this.guilds = guilds;
		this.channels = channels;
		this.clock = clock;
		this.executor = executor;
	}

	void start() {
		this.executor.scheduleWithFixedDelay(this::announceFinishedWeek, FIRST_CHECK.toSeconds(), CHECK_EVERY.toSeconds(),
				TimeUnit.SECONDS);
	}

	/**
	 * Announces the week just ended in every server that has not had it yet; how many got it now. Runs on its
	 * schedule; public for the wire tests, which cannot wait for Monday.
	 */
	public int announceFinishedWeek() {
		Period week = Period.week(this.clock.instant()).previous();
		int announced = 0;
		for (String guildId : this.guilds.get()) {
			try {
				if (announce(guildId, week)) {
					announced++;
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Discord: the podium of {} for server {} could not be announced: {}", week.id(), guildId,
						ex.toString());
			}
		}
		if (announced > 0) {
			logger.info("Discord: the podium of {} announced in {} servers", week.id(), announced);
		}
		return announced;
	}

	/** Posts the week's podium in the server's announcement channel, unless done or nothing to post. */
	boolean announce(String guildId, Period week) {
		String channelId = this.settings.settings(guildId).announcementChannel();
		if (channelId == null || week.id().equals(this.settings.podiumAnnounced(guildId).orElse(null))) {
			return false;
		}
		List<PeriodEntry> podium = this.boards.leaderboard(week, PeriodSort.TOTAL_SCORE, PODIUM, guildId);
		if (podium.isEmpty()) {
			this.settings.podiumAnnounced(guildId, week.id());
			return false;
		}
		Optional<GuildMessageChannel> channel = this.channels.find(channelId);
		if (channel.isEmpty()) {
			logger.warn("Discord: the announcement channel {} of server {} is not visible to this bot; the podium of {} "
					+ "waits", channelId, guildId, week.id());
			return false;
		}
		try {
			channel.get().sendMessage(podium(week, podium)).setNonce(nonce(guildId, week)).submit().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			logger.warn("Discord: the podium of {} could not be posted in channel {} of server {}: {}; tried again in {}",
					week.id(), channelId, guildId, ex.toString(), Durations.format(CHECK_EVERY));
			return false;
		}
		this.settings.podiumAnnounced(guildId, week.id());
		return true;
	}

	/** At most 25 characters, the same for a server and a week whenever it is sent. */
	static String nonce(String guildId, Period week) {
		String guild;
		try {
			guild = Long.toString(Long.parseUnsignedLong(guildId), 36);
		}
		catch (NumberFormatException ex) {
			guild = Integer.toString(guildId.hashCode(), 36);
		}
		return ("p" + week.id().replace("-", "") + guild);
	}

	static MessageCreateData podium(Period week, List<PeriodEntry> podium) {
		StringBuilder text = new StringBuilder();
		for (PeriodEntry entry : podium) {
			text.append(Text.rank(entry.rank()))
				.append(' ')
				.append(Text.plain(entry.stats().username()))
				.append(" — ")
				.append(Text.count(entry.value(), "point", "points"))
				.append('\n');
		}
		EmbedBuilder embed = new EmbedBuilder().setColor(Messages.COLOR_OVER)
			.setTitle("🏆 This week's podium (" + week.id() + ")")
			.setDescription(text.toString().strip())
			.setFooter("A new week has begun: /leaderboard period: this week");
		return Messages.embed(embed.build());
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
