package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.MutableClock;
import org.namethatartist.guildsettings.GuildSettingsService;
import org.namethatartist.guildsettings.SettingChange;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.Period;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly podium: posted once per server and week in the announcement channel, on real stores, with
 * time moved by hand; not posted twice after a restart, nor where there is no channel or nobody played.
 */
class PodiumAnnouncerTests {

	private static final String GUILD = "200000000000000001";

	private static final String QUIET_GUILD = "200000000000000002";

	private static final String ANNOUNCEMENTS = "300000000000000009";

	/** A Wednesday of week 2026-W49. */
	private static final Instant PLAYED = Instant.parse("2026-12-02T12:00:00Z");

	@TempDir
	Path dataDir;

	private final DiscordTester discord = new DiscordTester();

	private final MutableClock clock = new MutableClock(PLAYED);

	private AppendLogStores stores;

	private GuildSettingsService settings;

	@BeforeEach
	void open() {
		this.stores = AppendLogStores.open(this.dataDir, LogOptions.defaults());
		this.settings = new GuildSettingsService(this.stores.guildSettings(), TestGames.PROPERTIES);
		assertThat(this.settings.set(GUILD, "announcement-channel", "<#" + ANNOUNCEMENTS + ">"))
			.isInstanceOf(SettingChange.Changed.class);
		String[] names = { "Ann", "Bob", "Cat", "Dee" };
		int[] scores = { 300, 900, 500, 100 };
		for (int i = 0; i < names.length; i++) {
			this.stores.periods().recordResult(new GameResult("g" + i, "u" + i, names[i], GUILD, scores[i], false, 3, 1,
					PLAYED));
		}
		// Elsewhere: counts in another server's board, never in this one's podium.
		this.stores.periods().recordResult(new GameResult("g9", "u9", "Zed", QUIET_GUILD, 5000, true, 9, 0, PLAYED));
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	private PodiumAnnouncer announcer() {
		return new PodiumAnnouncer(this.settings, this.stores.periods(), () -> List.of(GUILD, QUIET_GUILD),
				(id) -> Optional.of((GuildMessageChannel) this.discord.channel(id)), this.clock,
				Executors.newSingleThreadScheduledExecutor());
	}

	@Test
	void whenTheWeekEndsTheServerGetsItsPodiumOnceInItsAnnouncementChannel() {
		PodiumAnnouncer announcer = announcer();
		assertThat(announcer.announceFinishedWeek()).as("the week is not over").isZero();

		this.clock.advance(Duration.ofDays(5)); // Monday 2026-12-07, 12:00
		assertThat(announcer.announceFinishedWeek()).isEqualTo(1);
		List<DiscordTester.Sent> posted = this.discord.inChannel(ANNOUNCEMENTS);
		assertThat(posted).hasSize(1);
		MessageEmbed podium = posted.get(0).embed();
		assertThat(podium.getTitle()).isEqualTo("🏆 This week's podium (2026-W49)");
		assertThat(podium.getDescription()).isEqualTo("🥇 Bob — 900 points\n🥈 Cat — 500 points\n🥉 Ann — 300 points");
		assertThat(posted.get(0).nonce).isEqualTo(PodiumAnnouncer.nonce(GUILD, Period.week(PLAYED)))
			.hasSizeLessThanOrEqualTo(25);
		assertThat(this.settings.podiumAnnounced(GUILD)).contains("2026-W49");
		assertThat(this.settings.podiumAnnounced(QUIET_GUILD)).as("no announcement channel: nothing").isEmpty();

		// Checked again, and again after a restart on the same stores: not posted twice.
		assertThat(announcer.announceFinishedWeek()).isZero();
		this.stores.close();
		this.stores = AppendLogStores.open(this.dataDir, LogOptions.defaults());
		this.settings = new GuildSettingsService(this.stores.guildSettings(), TestGames.PROPERTIES);
		assertThat(announcer().announceFinishedWeek()).isZero();
		assertThat(this.discord.inChannel(ANNOUNCEMENTS)).hasSize(1);
	}

	@Test
	void aPostDiscordRefusesIsTriedAgainAtTheNextCheck() {
		this.clock.advance(Duration.ofDays(5));
		this.discord.failPostsIn(ANNOUNCEMENTS);
		PodiumAnnouncer announcer = announcer();
		assertThat(announcer.announceFinishedWeek()).isZero();
		assertThat(this.settings.podiumAnnounced(GUILD)).as("not marked: it was not posted").isEmpty();
		this.discord.takePostsIn(ANNOUNCEMENTS);
		assertThat(announcer.announceFinishedWeek()).isEqualTo(1);
		assertThat(this.settings.podiumAnnounced(GUILD)).contains("2026-W49");
	}

	@Test
	void aWeekNobodyPlayedIsNotAnnouncedAndAnImportKeepsTheRecordOfTheLastPodium() {
		this.clock.advance(Duration.ofDays(5 + 7)); // week 2026-W50 is over, and nobody played in it
		PodiumAnnouncer announcer = announcer();
		assertThat(announcer.announceFinishedWeek()).isZero();
		assertThat(this.discord.inChannel(ANNOUNCEMENTS)).isEmpty();
		assertThat(this.settings.podiumAnnounced(GUILD)).contains("2026-W50");

		assertThat(this.settings.importAll(GUILD, Map.of("announcement-channel", "<#" + ANNOUNCEMENTS + ">")))
			.isEqualTo(new SettingChange.Imported(1));
		assertThat(this.settings.podiumAnnounced(GUILD)).contains("2026-W50");
		assertThat(this.settings.export(GUILD)).containsOnlyKeys("announcement-channel");
	}

}
