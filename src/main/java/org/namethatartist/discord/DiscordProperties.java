package org.namethatartist.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.namethatartist.Durations;
import org.namethatartist.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code discord.*} settings. Discord stays off while the token is blank, and the rest of the
 * application runs without it. The cooldowns default to the original bot's.
 *
 * @param token the bot's token from Discord's developer portal (env {@code DISCORD_TOKEN}); never shown
 * @param guildId a server id: the commands are registered in that server only, where they appear at
 * once (for development); blank: registered globally
 * @param shards which shards this process runs
 * @param cooldowns per command, how long a user and a channel wait between two uses; commands not named
 * keep their defaults, and a command named with only {@code user} or {@code channel} keeps the other
 * @param restUrl the base of Discord's REST API, an http(s) URL ending in {@code /}; other than the default
 * only to point the bot at a stand-in Discord (tests, a local fake)
 */
@Validated
@ConfigurationProperties("discord")
public record DiscordProperties(String token, String guildId, @DefaultValue @Valid Shards shards,
		Map<String, Cooldown> cooldowns, @DefaultValue(DiscordProperties.DEFAULT_REST_URL) String restUrl) {

	/** Discord's own REST API, version 10. */
	public static final String DEFAULT_REST_URL = "https://discord.com/api/v10/";

	/** The original's cooldowns, per user and per channel, by command name. */
	public static final Map<String, Cooldown> DEFAULT_COOLDOWNS = defaults();

	@ConstructorBinding
	public DiscordProperties {
		token = (token != null && !token.isBlank()) ? token.strip() : null;
		guildId = (guildId != null && !guildId.isBlank()) ? guildId.strip() : null;
		if (guildId != null && !guildId.chars().allMatch(Character::isDigit)) {
			throw new InvalidConfigurationException("discord.guild-id", guildId,
					"allowed: a server id (digits only), such as 123456789012345678, or empty for global commands");
		}
		cooldowns = merge(cooldowns);
		restUrl = restUrl(restUrl);
	}

	/** With Discord's own REST API. */
	public DiscordProperties(String token, String guildId, Shards shards, Map<String, Cooldown> cooldowns) {
		this(token, guildId, shards, cooldowns, null);
	}

	private static String restUrl(String given) {
		if (given == null || given.isBlank()) {
			return DEFAULT_REST_URL;
		}
		String url = given.strip();
		String allowed = "allowed: an http or https URL ending in /, such as " + DEFAULT_REST_URL;
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !url.endsWith("/")
					|| uri.getQuery() != null || uri.getFragment() != null) {
				throw new InvalidConfigurationException("discord.rest-url", given, allowed);
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationException("discord.rest-url", given, allowed);
		}
		return url;
	}

	/** Whether Discord starts: a token is set. */
	public boolean enabled() {
		return this.token != null;
	}

	/** The cooldown of a command; commands without one (such as {@code precache}) have none. */
	public Cooldown cooldown(String command) {
		return this.cooldowns.getOrDefault(command, Cooldown.NONE);
	}

	/** Without the token, which must never reach a log. */
	@Override
	public String toString() {
		return "DiscordProperties[token=" + ((this.token != null) ? "(set)" : "(none)") + ", guildId=" + this.guildId
				+ ", shards=" + this.shards + ", cooldowns=" + this.cooldowns + ", restUrl=" + this.restUrl + "]";
	}

	private static Map<String, Cooldown> merge(Map<String, Cooldown> configured) {
		Map<String, Cooldown> merged = new LinkedHashMap<>(DEFAULT_COOLDOWNS);
		if (configured == null) {
			return Map.copyOf(merged);
		}
		for (Map.Entry<String, Cooldown> entry : configured.entrySet()) {
			String command = entry.getKey().toLowerCase(Locale.ROOT);
			String key = "discord.cooldowns." + entry.getKey();
			Cooldown defaults = DEFAULT_COOLDOWNS.get(command);
			if (defaults == null) {
				throw new InvalidConfigurationException(key, entry.getValue(),
						"allowed: a cooldown for one of " + String.join(", ", DEFAULT_COOLDOWNS.keySet()));
			}
			Cooldown given = (entry.getValue() != null) ? entry.getValue() : new Cooldown(null, null);
			Duration user = (given.user() != null) ? given.user() : defaults.user();
			Duration channel = (given.channel() != null) ? given.channel() : defaults.channel();
			if (user.isNegative() || channel.isNegative()) {
				throw new InvalidConfigurationException(key, new Cooldown(user, channel),
						"allowed: durations of 0 or more, such as user: 30s, channel: 5s");
			}
			merged.put(command, new Cooldown(user, channel));
		}
		return Map.copyOf(merged);
	}

	private static Map<String, Cooldown> defaults() {
		Map<String, Cooldown> defaults = new LinkedHashMap<>();
		defaults.put("namethatartist", Cooldown.of(30, 5));
		defaults.put("leaderboard", Cooldown.of(10, 0));
		defaults.put("alltime", Cooldown.of(10, 0));
		defaults.put("stats", Cooldown.of(5, 0));
		defaults.put("stopgame", Cooldown.of(3, 0));
		defaults.put("help", Cooldown.of(10, 0));
		defaults.put("ping", Cooldown.of(5, 0));
		return Collections.unmodifiableMap(defaults);
	}

	/**
	 * The shards this process runs. Several processes split a bot by running the same {@code total} with
	 * different {@code ids}.
	 *
	 * @param total how many shards the bot has in all; 0: as many as Discord recommends (one process)
	 * @param ids the shards this process runs, each from 0 to {@code total - 1}; empty: all of them
	 */
	public record Shards(
			@DefaultValue("0") @Min(value = 0,
					message = "allowed: 0 (as many as Discord recommends) or a whole number of shards") int total,
			@DefaultValue List<Integer> ids) {

		public Shards {
			ids = (ids != null) ? List.copyOf(ids) : List.of();
			if (!ids.isEmpty() && total < 1) {
				throw new InvalidConfigurationException("discord.shards.ids", ids,
						"allowed only with discord.shards.total set, since ids are numbered 0 to total - 1");
			}
			Set<Integer> seen = new HashSet<>();
			for (int id : ids) {
				if (id < 0 || id >= total) {
					throw new InvalidConfigurationException("discord.shards.ids", ids,
							"allowed: shard ids from 0 to " + (total - 1) + " (discord.shards.total is " + total + ")");
				}
				if (!seen.add(id)) {
					throw new InvalidConfigurationException("discord.shards.ids", ids, "allowed: each shard id once");
				}
			}
		}

	}

	/**
	 * @param user how long one user waits between two uses of the command
	 * @param channel how long a channel waits between two uses of the command by anybody; 0: no wait
	 */
	public record Cooldown(Duration user, Duration channel) {

		static final Cooldown NONE = new Cooldown(Duration.ZERO, Duration.ZERO);

		static Cooldown of(int userSeconds, int channelSeconds) {
			return new Cooldown(Duration.ofSeconds(userSeconds), Duration.ofSeconds(channelSeconds));
		}

		@Override
		public String toString() {
			return "user: " + format(this.user) + ", channel: " + format(this.channel);
		}

		private static String format(Duration duration) {
			if (duration == null) {
				return "(default)";
			}
			return Durations.format(duration);
		}

	}

}
