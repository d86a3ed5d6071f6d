package org.namethatartist.guildsettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.DemoCatalogue;
import org.namethatartist.artwork.PoolProperties;
import org.namethatartist.game.DurationRange;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameProperties;
import org.namethatartist.game.TitleShown;
import org.namethatartist.game.IntRange;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting's bounds, reset, export then import, and a bad import that changes nothing; on the real
 * append-log store.
 */
class GuildSettingsServiceTests {

	static final GameProperties GAME = new GameProperties(20, Duration.ofSeconds(15), Duration.ofSeconds(5),
			Duration.ofSeconds(3), 4, 100, Duration.ofMinutes(10), 1000, 3,
			new GameProperties.Limits(new IntRange(5, 50), DurationRange.valueOf("10s..60s"),
					DurationRange.valueOf("5s..60s")));

	@TempDir
	Path dataDir;

	private AppendLogStores stores;

	private GuildSettingsService settings;

	@BeforeEach
	void open() {
		this.stores = AppendLogStores.open(this.dataDir, LogOptions.defaults());
		this.settings = new GuildSettingsService(this.stores.guildSettings(), GAME);
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	@Test
	void showListsEveryDefaultWhenNothingIsSet() {
		assertThat(this.settings.show("g1")).extracting((s) -> s.setting().key() + "=" + s.value() + (s.isDefault() ? "*" : ""))
			.containsExactly("rounds=20*", "round-time=15s*", "pause=5s*", "choices=4*", "pool=default*", "channels=anywhere*",
					"stop-role=none (members with Manage Messages only)*", "announcement-channel=none*",
					"difficulty=normal*", "answers=buttons*", "show-title=after-round*");
		assertThat(this.settings.settings("g1")).isEqualTo(GuildSettings.none());
	}

	@Test
	void showTitleIsTheServersOwnElseTheOperatorsDefault() {
		assertThat(this.settings.set("g1", "show-title", "During-Round"))
			.isEqualTo(new SettingChange.Changed(Setting.SHOW_TITLE, "during-round"));
		assertThat(this.settings.showTitle("g1")).isEqualTo(TitleShown.DURING_ROUND);
		assertThat(this.settings.showTitle("g2")).isEqualTo(TitleShown.AFTER_ROUND);
		assertThat(this.settings.showTitle(null)).as("a web game").isEqualTo(TitleShown.AFTER_ROUND);
		assertThat(this.settings.set("g1", "show-title", "sometimes")).isInstanceOf(SettingChange.Rejected.class);
		assertThat(this.settings.showTitle("g1")).isEqualTo(TitleShown.DURING_ROUND);
	}

	@Test
	void roundsAreWithinTheLimits() {
		assertThat(this.settings.set("g1", "rounds", "5")).isEqualTo(new SettingChange.Changed(Setting.ROUNDS, "5"));
		assertThat(this.settings.set("g1", "rounds", " 50 ")).isEqualTo(new SettingChange.Changed(Setting.ROUNDS, "50"));
		assertRejected("rounds", "4", "rounds must be a whole number from 5 to 50, not 4");
		assertRejected("rounds", "51", "rounds must be a whole number from 5 to 50, not 51");
		assertRejected("rounds", "ten", "rounds must be a whole number from 5 to 50, not `ten`");
		assertThat(this.settings.settings("g1").rounds()).isEqualTo(50);
	}

	@Test
	void choicesAreThreeToFive() {
		assertThat(this.settings.set("g1", "choices", "3")).isEqualTo(new SettingChange.Changed(Setting.CHOICES, "3"));
		assertThat(this.settings.set("g1", "choices", "5")).isEqualTo(new SettingChange.Changed(Setting.CHOICES, "5"));
		assertRejected("choices", "2", "choices must be a whole number from 3 to 5, not 2");
		assertRejected("choices", "6", "choices must be a whole number from 3 to 5, not 6");
		assertThat(this.settings.settings("g1").choices()).isEqualTo(5);
		assertThat(this.settings.optionsFor("g1", GameOptions.defaults())).isEqualTo(new GameOptions(null, null, null, 5));
	}

	@Test
	void timesAreWithinTheLimitsInSecondsByDefault() {
		assertThat(this.settings.set("g1", "round-time", "10")).isEqualTo(new SettingChange.Changed(Setting.ROUND_TIME, "10s"));
		assertThat(this.settings.set("g1", "round-time", "1m")).isEqualTo(new SettingChange.Changed(Setting.ROUND_TIME, "60s"));
		assertRejected("round-time", "9s", "round-time must be a time from 10s to 60s, such as 10s, not 9s");
		assertRejected("round-time", "61", "round-time must be a time from 10s to 60s, such as 10s, not 61s");
		assertRejected("round-time", "-3", "round-time must be a time from 10s to 60s, such as 10s, not `-3`");
		assertThat(this.settings.set("g1", "pause", "5000ms")).isEqualTo(new SettingChange.Changed(Setting.PAUSE, "5s"));
		assertRejected("pause", "4999ms", "pause must be a time from 5s to 60s, such as 5s, not 4999ms");
		assertThat(this.settings.settings("g1").roundTime()).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.settings.settings("g1").pause()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void channelsAndTheStopRoleTakeMentionsOrIds() {
		assertThat(this.settings.set("g1", "channels", "<#111> 222, <#111>"))
			.isEqualTo(new SettingChange.Changed(Setting.CHANNELS, "111,222"));
		assertRejected("channels", "#games", "channels takes channels such as #games or channel ids, separated by spaces, not `#games`");
		assertRejected("channels", " , ", "channels takes channels such as #games or channel ids, separated by spaces; to clear it, reset it");
		StringBuilder many = new StringBuilder();
		for (int i = 1; i <= 26; i++) {
			many.append(i).append(' ');
		}
		assertRejected("channels", many.toString(), "channels takes at most 25, not 26");
		assertThat(this.settings.set("g1", "stop-role", "<@&333>")).isEqualTo(new SettingChange.Changed(Setting.STOP_ROLE, "333"));
		assertRejected("stop-role", "333 444", "stop-role takes at most 1, not 2");
		GuildSettings now = this.settings.settings("g1");
		assertThat(now.allowsGamesIn("222")).isTrue();
		assertThat(now.allowsGamesIn("999")).isFalse();
		assertThat(now.mayStop(List.of("1", "333"))).isTrue();
		assertThat(now.mayStop(List.of("1"))).isFalse();
		assertThat(GuildSettings.none().allowsGamesIn("999")).isTrue();
		assertThat(this.settings.set("g1", "announcement-channel", "<#444>"))
			.isEqualTo(new SettingChange.Changed(Setting.ANNOUNCEMENT_CHANNEL, "444"));
		assertRejected("announcement-channel", "444 555", "announcement-channel takes at most 1, not 2");
		assertThat(this.settings.set("g1", "difficulty", "HARD")).isEqualTo(new SettingChange.Changed(Setting.DIFFICULTY, "hard"));
		assertRejected("difficulty", "brutal", "difficulty must be one of easy, normal, hard, not `brutal`");
		assertThat(this.settings.set("g1", "answers", "typed")).isEqualTo(new SettingChange.Changed(Setting.ANSWERS, "typed"));
		assertRejected("answers", "voice", "answers must be one of buttons, typed, not `voice`");
		assertThat(this.settings.settings("g1").difficulty()).isEqualTo(org.namethatartist.artwork.Difficulty.HARD);
		assertThat(this.settings.optionsFor("g1", new org.namethatartist.game.GameOptions(null, null, null)).answers())
			.isEqualTo(org.namethatartist.game.AnswerMode.TYPED);
	}

	@Test
	void anUnknownSettingIsRefusedNamingTheSettings() {
		assertRejected("colour", "red", "There is no setting `colour`; the settings are: rounds, round-time, pause, choices, pool, channels, stop-role, announcement-channel, difficulty, answers, show-title");
	}

	@Test
	void resetBringsBackTheDefaultAndOtherServersAreUntouched() {
		this.settings.set("g1", "rounds", "10");
		this.settings.set("g2", "rounds", "30");
		assertThat(this.settings.reset("g1", "rounds")).isEqualTo(new SettingChange.Changed(Setting.ROUNDS, null));
		assertThat(this.settings.settings("g1").rounds()).isNull();
		assertThat(this.settings.settings("g2").rounds()).isEqualTo(30);
	}

	@Test
	void theStartersOptionsWinThenTheServersThenTheDefaults() {
		this.settings.set("g1", "rounds", "10");
		this.settings.set("g1", "pause", "8");
		GameOptions options = this.settings.optionsFor("g1", new GameOptions(null, null, Duration.ofSeconds(6)));
		assertThat(options).isEqualTo(new GameOptions(10, null, Duration.ofSeconds(6)));
		assertThat(this.settings.optionsFor("g2", GameOptions.defaults())).isEqualTo(GameOptions.defaults());
	}

	@Test
	void exportThenImportCopiesOneServersSetupToAnother() {
		this.settings.set("g1", "rounds", "10");
		this.settings.set("g1", "channels", "1 2");
		this.settings.set("g1", "stop-role", "3");
		this.settings.set("g2", "pause", "9");
		Map<String, String> exported = this.settings.export("g1");
		assertThat(exported).containsExactly(Map.entry("rounds", "10"), Map.entry("channels", "1,2"), Map.entry("stop-role", "3"));
		assertThat(this.settings.importAll("g2", exported)).isEqualTo(new SettingChange.Imported(3));
		assertThat(this.settings.export("g2")).isEqualTo(exported);
	}

	@Test
	void aBadImportNamesEveryProblemAndChangesNothing() {
		this.settings.set("g1", "rounds", "10");
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("rounds", "12");
		bad.put("round-time", "500");
		bad.put("colour", "red");
		SettingChange change = this.settings.importAll("g1", bad);
		assertThat(change).isEqualTo(new SettingChange.Rejected("Nothing imported: round-time must be a time from 10s to "
				+ "60s, such as 10s, not 500s; There is no setting `colour`; the settings are: rounds, round-time, pause, "
				+ "choices, pool, channels, stop-role, announcement-channel, difficulty, answers, show-title"));
		assertThat(this.settings.export("g1")).containsExactly(Map.entry("rounds", "10"));
	}

	@Test
	void aStoredValueTheLimitsNoLongerAllowFallsBackToTheDefault() {
		this.stores.guildSettings().put("g1", "rounds", "99");
		this.stores.guildSettings().put("g1", "colour", "red");
		assertThat(this.settings.settings("g1").rounds()).isNull();
		assertThat(this.settings.export("g1")).isEmpty();
	}

	@Test
	void aPoolIsCheckedWhenSetAndRefusedWithTheReasonWhenItCannotMakeAGame() {
		ArtworkPools pools = new ArtworkPools(new ArtworkCatalog(DemoCatalogue.catalog()), null, this.stores.tokens(),
				new PoolProperties(5000, 2), Duration.ofHours(24), false, java.time.Clock.systemUTC());
		GuildSettingsService withPools = new GuildSettingsService(this.stores.guildSettings(), GAME, pools);
		assertThat(withPools.set("g1", "pool", "artist:Raphael")).isEqualTo(new SettingChange.Rejected(
				"artist:Raphael cannot make a game: it has 3 artworks to draw from, and a game needs 5."));
		assertThat(withPools.set("g1", "pool", "wallet:tz1" + "P".repeat(33))).isEqualTo(new SettingChange.Rejected(
				"The pool wallet:tz1" + "P".repeat(33) + " could not be read: this bot plays the demo catalogue "
						+ "(artwork.source: demo), so it fetches no wallet or collection; use default or artist:<name>"));
		assertThat(withPools.set("g1", "pool", "artist:Raphael, artist:Michelangelo, artist:Jan van Eyck"))
			.isEqualTo(new SettingChange.Rejected("pool: at most 2 pools per server, not 3"));
		assertThat(withPools.pool("g1")).as("nothing changed").isNull();

		assertThat(withPools.set("g1", "pool", "artist:Raphael, Artist:Michelangelo")).isEqualTo(new SettingChange.Changed(
				Setting.POOL, "artist:Raphael,artist:Michelangelo",
				"artist:Raphael,artist:Michelangelo: 6 artworks to draw from, 27 artists on the buttons."));
		assertThat(withPools.pool("g1")).isEqualTo("artist:Raphael,artist:Michelangelo");
		assertThat(withPools.poolsInUse()).containsOnly(Map.entry("g1", "artist:Raphael,artist:Michelangelo"));
		assertThat(withPools.set("g2", "pool", "default")).isInstanceOf(SettingChange.Changed.class);
		assertThat(withPools.pool("g2")).as("default is no pool").isNull();
		assertThat(withPools.poolsInUse()).containsOnlyKeys("g1");

		// An import with a pool that cannot make a game changes nothing.
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("rounds", "10");
		bad.put("pool", "artist:Jan van Eyck");
		assertThat(withPools.importAll("g1", bad)).isEqualTo(new SettingChange.Rejected("Nothing imported: "
				+ "artist:Jan van Eyck cannot make a game: it has 3 artworks to draw from, and a game needs 5."));
		assertThat(withPools.export("g1")).containsExactly(Map.entry("pool", "artist:Raphael,artist:Michelangelo"));
		assertThat(withPools.reset("g1", "pool")).isEqualTo(new SettingChange.Changed(Setting.POOL, null));
		assertThat(withPools.pool("g1")).isNull();
	}

	private void assertRejected(String key, String value, String message) {
		Map<String, String> before = this.settings.export("g1");
		assertThat(this.settings.set("g1", key, value)).isEqualTo(new SettingChange.Rejected(message));
		assertThat(this.settings.export("g1")).isEqualTo(before);
	}

}
