package org.namethatartist.discord;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.dv8tion.jda.api.entities.Activity;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import okhttp3.OkHttpClient;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.image.ArtworkImages;
import org.namethatartist.artwork.image.ImageCacheFiller;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.GameOwnership;
import org.namethatartist.daily.DailyService;
import org.namethatartist.game.GameService;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.guildsettings.GuildSettingsService;
import org.namethatartist.player.PlayerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Discord when {@code discord.token} is set: the commands and their router, the connection (JDA's
 * shard manager), the game renderer (a {@code GameListener}, subscribed by the game before saved games
 * resume) and the health contributor {@code discord}. Without a token none of it exists, and
 * {@link Off} says so once.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DiscordTokenCondition.class)
class DiscordConfiguration {

	@Bean
	Cooldowns discordCooldowns(DiscordProperties properties) {
		return new Cooldowns(properties, Clock.systemUTC());
	}

	@Bean
	DiscordRouter discordRouter(DiscordProperties properties, GameService games, PlayerRepository players,
			PeriodBoards periods, Clock clock, ArtworkCatalog artworks, Cooldowns cooldowns,
			GuildSettingsService settings, DailyService daily, ImageCacheFiller filler, ArtworkImages images) {
		List<SlashCommand> commands = List.of(new NameThatArtistCommand(games, settings),
				new LeaderboardCommand(players, periods, clock), new StatsCommand(players, periods, clock),
				new AllTimeCommand(players), new StopGameCommand(games, settings), new SettingsCommand(settings),
				new DailyCommand(daily, images),
				new HelpCommand(artworks, games.properties()), new PingCommand(System::nanoTime),
				new PrecacheCommand(artworks, filler::fill, clock));
		return new DiscordRouter(commands, new AnswerButton(games), cooldowns, properties.guildId());
	}

	/** With the shards split over processes, the saved games this one resumes. */
	@Bean
	GameOwnership shardOwnership(DiscordProperties properties) {
		return ShardOwnership.of(properties.shards());
	}

	@Bean
	DiscordConnection discordConnection(DiscordProperties properties, DiscordRouter router,
			ObjectProvider<ShardManagerCustomizer> customizers, RestTraffic traffic) {
		return new DiscordConnection(() -> shardManager(properties, router, customizers, traffic), Clock.systemUTC());
	}

	/** Every REST request to Discord, counted, and its 429s noted, for health. */
	@Bean
	RestTraffic discordRestTraffic() {
		return new RestTraffic(Clock.systemUTC());
	}

	/** Threads that handle Discord's events, shared by every shard of the process. */
	static final int EVENT_THREADS = 16;

	/** Events waiting for a thread; beyond that the shard's read thread handles its event itself. */
	static final int EVENT_QUEUE = 10_000;

	/**
	 * The pool JDA hands events to, bounded in threads and queue. When both are full the shard's own read
	 * thread runs the event (back-pressure on the gateway) rather than dropping an interaction.
	 */
	static ThreadPoolExecutor eventPool(int threads, int queue) {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queue), (task) -> {
					Thread thread = new Thread(task, "discord-events-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * No intent beyond the guilds JDA always asks for (the channels of games), and no member cache: slash
	 * commands and buttons need nothing privileged.
	 */
	static ShardManager shardManager(DiscordProperties properties, DiscordRouter router,
			ObjectProvider<ShardManagerCustomizer> customizers, RestTraffic traffic) {
		DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
			.createLight(properties.token(), EnumSet.noneOf(GatewayIntent.class))
			.addEventListeners(router)
			// Off the gateway's read thread: a click saves its answer before it is confirmed.
			.setEventPool(eventPool(EVENT_THREADS, EVENT_QUEUE), true)
			// Keeps each event's raw payload: an interaction's member permissions, computed by Discord for its
			// channel with every overwrite, are read from there (JDA's light cache lacks member overwrites).
			.setEventPassthrough(true)
			.setActivity(Activity.playing("/namethatartist"))
			// Spring closes the shards at shutdown, after the game timers; JDA's own hook would race them.
			.setEnableShutdownHook(false)
			.setShardsTotal((properties.shards().total() > 0) ? properties.shards().total() : -1);
		if (!properties.shards().ids().isEmpty()) {
			builder.setShards(properties.shards().ids());
		}
		builder.setRestConfig(new RestConfig().setBaseUrl(properties.restUrl()));
		// One HTTP client for every shard (as JDA's own default), watched for rate limiting.
		builder.setHttpClientBuilder(new OkHttpClient.Builder().addInterceptor(traffic));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build(false);
	}

	@Bean
	DiscordHealthIndicator discordHealthIndicator(DiscordConnection connection, RestTraffic traffic, GameService games) {
		return new DiscordHealthIndicator(connection, traffic::snapshot,
				() -> games.held().stream().filter((held) -> held.guildId() != null).toList());
	}

	@Bean
	DiscordGameRenderer discordGameRenderer(DiscordConnection connection, GameService games, ArtworkImages images,
			GuildSettingsService settings) {
		ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "discord-games");
			thread.setDaemon(true);
			return thread;
		});
		// A channel the bot lost: the game stops as a moderator's /stopgame would, its scores recorded.
		return new DiscordGameRenderer(connection, executor, Clock.systemUTC(),
				(channelId) -> games.stop(channelId, null, true), games::roundShown)
			.typedGames((gameId) -> games.settings(gameId)
				.map((options) -> options.answers() == AnswerMode.TYPED)
				.orElse(false))
			.images(images::cached)
			.showTitle((game) -> settings.showTitle(game.guildId()));
	}

	/** A server's announcement channel hears when its own artwork pool falls back to the default artworks. */
	@Bean
	PoolFallbackNotices poolFallbackNotices(ArtworkPools pools, GuildSettingsService settings,
			DiscordConnection connection) {
		PoolFallbackNotices notices = new PoolFallbackNotices(settings, connection);
		pools.onFallback(notices);
		return notices;
	}

	/** Each week's podium in the servers' announcement channels, once a week ends. */
	@Bean(initMethod = "start", destroyMethod = "close")
	PodiumAnnouncer podiumAnnouncer(GuildSettingsService settings, PeriodBoards periods, DiscordConnection connection) {
		return new PodiumAnnouncer(settings, periods, connection::guildIds, connection, Clock.systemUTC(),
				Executors.newSingleThreadScheduledExecutor((task) -> {
					Thread thread = new Thread(task, "discord-podium");
					thread.setDaemon(true);
					return thread;
				}));
	}

	@Bean(destroyMethod = "close")
	GameOverAnnouncer gameOverAnnouncer(GuildSettingsService settings, DiscordConnection connection) {
		ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "discord-announcements");
			thread.setDaemon(true);
			return thread;
		});
		return new GameOverAnnouncer(settings, connection, executor);
	}

	/** Says once, at start-up, that Discord is off and why. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(DiscordTokenCondition.Absent.class)
	static class Off {

		private static final Logger logger = LoggerFactory.getLogger(DiscordConfiguration.class);

		Off() {
			logger.info("Discord is off: discord.token (env DISCORD_TOKEN) is empty. The rest of the application runs.");
		}

	}

}
