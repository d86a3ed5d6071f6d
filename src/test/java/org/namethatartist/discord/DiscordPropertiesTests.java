package org.namethatartist.discord;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namethatartist.InvalidConfigurationException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The discord.* keys: defaults, partial cooldowns, and one clear error per bad value. */
class DiscordPropertiesTests {

	@Test
	void withNothingSetDiscordIsOffWithTheOriginalsCooldowns() {
		DiscordProperties properties = bind(Map.of());
		assertThat(properties.enabled()).isFalse();
		assertThat(properties.guildId()).isNull();
		assertThat(properties.shards().total()).isZero();
		assertThat(properties.shards().ids()).isEmpty();
		assertThat(properties.cooldown("namethatartist"))
			.isEqualTo(new DiscordProperties.Cooldown(Duration.ofSeconds(30), Duration.ofSeconds(5)));
		assertThat(properties.cooldown("leaderboard").user()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.cooldown("alltime").user()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.cooldown("stats").user()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.cooldown("stopgame").user()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.cooldown("help").user()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.cooldown("ping").user()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.cooldown("precache")).isEqualTo(DiscordProperties.Cooldown.NONE);
	}

	@Test
	void anEmptyTokenAndGuildIdMeanNone() {
		DiscordProperties properties = bind(Map.of("discord.token", "  ", "discord.guild-id", "", "discord.shards.ids", ""));
		assertThat(properties.enabled()).isFalse();
		assertThat(properties.guildId()).isNull();
		assertThat(properties.shards().ids()).isEmpty();
	}

	@Test
	void aCooldownNamedInPartKeepsTheRestOfItsDefault() {
		DiscordProperties properties = bind(Map.of("discord.cooldowns.namethatartist.user", "60s",
				"discord.cooldowns.ping.channel", "2s"));
		assertThat(properties.cooldown("namethatartist"))
			.isEqualTo(new DiscordProperties.Cooldown(Duration.ofSeconds(60), Duration.ofSeconds(5)));
		assertThat(properties.cooldown("ping"))
			.isEqualTo(new DiscordProperties.Cooldown(Duration.ofSeconds(5), Duration.ofSeconds(2)));
		assertThat(properties.cooldown("help").user()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void shardsOfOneProcessAmongSeveral() {
		DiscordProperties properties = bind(Map.of("discord.token", "t", "discord.shards.total", "4",
				"discord.shards.ids", "2,3", "discord.guild-id", "123456789012345678"));
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.shards().total()).isEqualTo(4);
		assertThat(properties.shards().ids()).containsExactly(2, 3);
		assertThat(properties.guildId()).isEqualTo("123456789012345678");
	}

	@Test
	void badValuesSayWhatIsAllowed() {
		assertThat(failure(Map.of("discord.cooldowns.leaderbord.user", "5s")))
			.startsWith("Invalid configuration: discord.cooldowns.leaderbord = ")
			.endsWith("allowed: a cooldown for one of namethatartist, leaderboard, alltime, stats, stopgame, help, ping");
		assertThat(failure(Map.of("discord.cooldowns.ping.user", "-5s")))
			.isEqualTo("Invalid configuration: discord.cooldowns.ping = 'user: -5s, channel: 0s'; allowed: durations "
					+ "of 0 or more, such as user: 30s, channel: 5s");
		assertThat(failure(Map.of("discord.shards.ids", "0,1")))
			.isEqualTo("Invalid configuration: discord.shards.ids = '[0, 1]'; allowed only with discord.shards.total "
					+ "set, since ids are numbered 0 to total - 1");
		assertThat(failure(Map.of("discord.shards.total", "2", "discord.shards.ids", "1,2")))
			.isEqualTo("Invalid configuration: discord.shards.ids = '[1, 2]'; allowed: shard ids from 0 to 1 "
					+ "(discord.shards.total is 2)");
		assertThat(failure(Map.of("discord.shards.total", "2", "discord.shards.ids", "1,1")))
			.isEqualTo("Invalid configuration: discord.shards.ids = '[1, 1]'; allowed: each shard id once");
		assertThat(failure(Map.of("discord.guild-id", "my-server")))
			.isEqualTo("Invalid configuration: discord.guild-id = 'my-server'; allowed: a server id (digits only), "
					+ "such as 123456789012345678, or empty for global commands");
	}

	@Test
	void theRestUrlIsDiscordsUnlessAStandInIsNamed() {
		assertThat(bind(Map.of()).restUrl()).isEqualTo("https://discord.com/api/v10/");
		assertThat(new DiscordProperties("t", null, null, null).restUrl()).isEqualTo("https://discord.com/api/v10/");
		assertThat(bind(Map.of("discord.rest-url", " http://127.0.0.1:40123/api/v10/ ")).restUrl())
			.isEqualTo("http://127.0.0.1:40123/api/v10/");
	}

	@Test
	void aRestUrlThatIsNotAnHttpUrlEndingInASlashIsRefused() {
		String allowed = "allowed: an http or https URL ending in /, such as https://discord.com/api/v10/";
		assertThat(failure(Map.of("discord.rest-url", "http://127.0.0.1:40123/api/v10")))
			.isEqualTo("Invalid configuration: discord.rest-url = 'http://127.0.0.1:40123/api/v10'; " + allowed);
		assertThat(failure(Map.of("discord.rest-url", "ftp://discord.com/api/v10/")))
			.isEqualTo("Invalid configuration: discord.rest-url = 'ftp://discord.com/api/v10/'; " + allowed);
		assertThat(failure(Map.of("discord.rest-url", "discord.com/api/v10/")))
			.isEqualTo("Invalid configuration: discord.rest-url = 'discord.com/api/v10/'; " + allowed);
		assertThat(failure(Map.of("discord.rest-url", "http://exa mple/api/")))
			.isEqualTo("Invalid configuration: discord.rest-url = 'http://exa mple/api/'; " + allowed);
	}

	@Test
	void theTokenNeverShowsInItsText() {
		DiscordProperties properties = new DiscordProperties("MTIz.secret.token", null, null, null);
		assertThat(properties.toString()).doesNotContain("secret").contains("token=(set)");
	}

	private static DiscordProperties bind(Map<String, String> values) {
		Map<String, String> all = new HashMap<>(values);
		Binder binder = new Binder(new MapConfigurationPropertySource(all));
		return binder.bindOrCreate("discord", Bindable.of(DiscordProperties.class));
	}

	private static String failure(Map<String, String> values) {
		Throwable thrown = null;
		try {
			bind(values);
		}
		catch (RuntimeException ex) {
			thrown = ex;
		}
		assertThat(thrown).as("binding %s", values).isNotNull();
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationException invalid) {
				return invalid.getMessage();
			}
		}
		throw new AssertionError("no InvalidConfigurationException in", thrown);
	}


}
