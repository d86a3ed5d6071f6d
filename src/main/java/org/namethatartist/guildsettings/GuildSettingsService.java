package org.namethatartist.guildsettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.namethatartist.artwork.ArtworkPool;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.DurationRange;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameProperties;
import org.namethatartist.game.TitleShown;
import org.namethatartist.game.IntRange;

/**
 * Reads, checks and changes a server's settings. A value is checked against what is allowed today
 * ({@code game.limits}) before it is stored, and stored in one canonical form; an import is checked whole
 * before anything changes. A stored value that today's limits no longer allow (the operator narrowed
 * them) is ignored and the default applies.
 */
public final class GuildSettingsService {

	/** Discord allows 25 channels in a select menu; more would be unreadable in {@code show} too. */
	static final int MAX_CHANNELS = 25;

	private static final Pattern CHANNEL = Pattern.compile("<#(\\d{1,20})>|(\\d{1,20})");

	private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>|(\\d{1,20})");

	private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|m)?");

	private final GuildSettingsRepository repository;

	private final GameProperties game;

	private final @Nullable ArtworkPools pools;

	public GuildSettingsService(GuildSettingsRepository repository, GameProperties game) {
		this(repository, game, null);
	}

	/**
	 * @param pools the servers' own artwork pools; null: the {@code pool} setting takes only {@code default}
	 */
	public GuildSettingsService(GuildSettingsRepository repository, GameProperties game, @Nullable ArtworkPools pools) {
		this.repository = repository;
		this.game = game;
		this.pools = pools;
	}

	/** The server's pool setting (the pools' canonical list), or null when it plays the default artworks. */
	public @Nullable String pool(@Nullable String guildId) {
		if (guildId == null) {
			return null;
		}
		String stored = valid(this.repository.find(guildId)).get(Setting.POOL.key());
		return (stored == null || stored.equals(ArtworkPool.DEFAULT.toString())) ? null : stored;
	}

	/** Every server's pool setting but {@code default}, by guild id: the pools in use. */
	public Map<String, String> poolsInUse() {
		Map<String, String> inUse = new LinkedHashMap<>();
		this.repository.findAll(Setting.POOL.key()).forEach((guildId, value) -> {
			if (parse(Setting.POOL, value).error() == null && !value.equals(ArtworkPool.DEFAULT.toString())) {
				inUse.put(guildId, value);
			}
		});
		return inUse;
	}

	/** The buttons per round of the server's games when the starter does not say. */
	public int choices(String guildId) {
		Integer set = settings(guildId).choices();
		return (set != null) ? set : this.game.choices();
	}

	/** The guild's settings as games use them. */
	public GuildSettings settings(String guildId) {
		Map<String, String> stored = valid(this.repository.find(guildId));
		return new GuildSettings(optional(stored, Setting.ROUNDS).map(Integer::valueOf).orElse(null),
				optional(stored, Setting.ROUND_TIME).map(GuildSettingsService::duration).orElse(null),
				optional(stored, Setting.PAUSE).map(GuildSettingsService::duration).orElse(null),
				optional(stored, Setting.CHOICES).map(Integer::valueOf).orElse(null),
				optional(stored, Setting.CHANNELS).map((ids) -> List.of(ids.split(","))).orElse(List.of()),
				stored.get(Setting.STOP_ROLE.key()), stored.get(Setting.ANNOUNCEMENT_CHANNEL.key()),
				optional(stored, Setting.DIFFICULTY).map(Difficulty::of).orElse(null),
				optional(stored, Setting.ANSWERS).map(AnswerMode::of).orElse(null),
				optional(stored, Setting.SHOW_TITLE).map(TitleShown::of).orElse(null));
	}

	/** When the server's rounds show the artwork's title: its setting, else {@code game.show-title}. */
	public TitleShown showTitle(String guildId) {
		TitleShown set = (guildId != null) ? settings(guildId).showTitle() : null;
		return (set != null) ? set : this.game.showTitle();
	}

	/**
	 * A new game's options: what the starter asked, else the server's setting, else {@code game.*}'s
	 * default (left null for the game to fill).
	 */
	public GameOptions optionsFor(String guildId, GameOptions asked) {
		GuildSettings settings = settings(guildId);
		return new GameOptions((asked.rounds() != null) ? asked.rounds() : settings.rounds(),
				(asked.roundTime() != null) ? asked.roundTime() : settings.roundTime(),
				(asked.betweenRoundTime() != null) ? asked.betweenRoundTime() : settings.pause(),
				(asked.choices() != null) ? asked.choices() : settings.choices(),
				(asked.difficulty() != null) ? asked.difficulty() : settings.difficulty(),
				(asked.answers() != null) ? asked.answers() : settings.answers());
	}

	/** Every setting, in order, with its value or the default. */
	public List<ShownSetting> show(String guildId) {
		Map<String, String> stored = valid(this.repository.find(guildId));
		List<ShownSetting> shown = new ArrayList<>();
		for (Setting setting : Setting.values()) {
			String value = stored.get(setting.key());
			shown.add((value != null) ? new ShownSetting(setting, value, false)
					: new ShownSetting(setting, defaultOf(setting), true));
		}
		return shown;
	}

	/** Checks and stores one setting; a bad value changes nothing. */
	public SettingChange set(String guildId, String key, String value) {
		Optional<Setting> setting = Setting.byKey(key);
		if (setting.isEmpty()) {
			return unknown(key);
		}
		Parsed parsed = parse(setting.get(), value);
		if (parsed.error() != null) {
			return new SettingChange.Rejected(parsed.error());
		}
		String checked = null;
		if (setting.get() == Setting.POOL) {
			ArtworkPools.Check check = checkPool(guildId, parsed.value(), null);
			if (!check.accepted()) {
				return new SettingChange.Rejected(check.message());
			}
			checked = check.message();
		}
		this.repository.put(guildId, key, parsed.value());
		return new SettingChange.Changed(setting.get(), parsed.value(), checked);
	}

	/**
	 * Fetches the pools named (when not fetched yet) and says whether they make a game with the server's
	 * buttons per round ({@code choices}, or the server's setting) and the fewest rounds allowed. May take
	 * as long as objkt.com's pacing does: a wallet of 5,000 tokens is 50 pages, and one request per hundred new artists.
	 */
	private ArtworkPools.Check checkPool(String guildId, String canonical, @Nullable String choicesSet) {
		List<ArtworkPool> list = ArtworkPool.parseList(canonical, Integer.MAX_VALUE);
		if (list.equals(List.of(ArtworkPool.DEFAULT))) {
			return new ArtworkPools.Check(true, "The default artworks.", 0, 0);
		}
		if (this.pools == null) {
			return new ArtworkPools.Check(false, "This bot plays only the default artworks: its storage keeps no "
					+ "pools.", 0, 0);
		}
		int choices = (choicesSet != null) ? Integer.parseInt(choicesSet) : choices(guildId);
		try {
			return this.pools.check(list, choices, this.game.limits().rounds().min());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new ArtworkPools.Check(false, "The bot is stopping; the pool was not checked.", 0, 0);
		}
	}

	/** Clears one setting: its default applies again from the next game on. */
	public SettingChange reset(String guildId, String key) {
		Optional<Setting> setting = Setting.byKey(key);
		if (setting.isEmpty()) {
			return unknown(key);
		}
		this.repository.remove(guildId, key);
		return new SettingChange.Changed(setting.get(), null);
	}

	/** The guild's settings that are set, by name, in the canonical form {@link #importAll} takes back. */
	public Map<String, String> export(String guildId) {
		Map<String, String> stored = valid(this.repository.find(guildId));
		Map<String, String> ordered = new LinkedHashMap<>();
		for (Setting setting : Setting.values()) {
			if (stored.containsKey(setting.key())) {
				ordered.put(setting.key(), stored.get(setting.key()));
			}
		}
		return ordered;
	}

	/**
	 * Replaces all of the guild's settings with these, once every one is checked; a setting absent is
	 * reset. Any bad name or value rejects the whole import, naming each problem, and changes nothing.
	 */
	public SettingChange importAll(String guildId, Map<String, String> values) {
		Map<String, String> canonical = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		for (Map.Entry<String, String> entry : values.entrySet()) {
			Optional<Setting> setting = Setting.byKey(entry.getKey());
			if (setting.isEmpty()) {
				errors.add(((SettingChange.Rejected) unknown(entry.getKey())).message());
				continue;
			}
			Parsed parsed = parse(setting.get(), entry.getValue());
			if (parsed.error() != null) {
				errors.add(parsed.error());
			}
			else {
				canonical.put(entry.getKey(), parsed.value());
			}
		}
		if (errors.isEmpty() && canonical.containsKey(Setting.POOL.key())) {
			ArtworkPools.Check check = checkPool(guildId, canonical.get(Setting.POOL.key()),
					canonical.get(Setting.CHOICES.key()));
			if (!check.accepted()) {
				errors.add(check.message());
			}
		}
		if (!errors.isEmpty()) {
			return new SettingChange.Rejected("Nothing imported: " + String.join("; ", errors));
		}
		int imported = canonical.size();
		// What the bot keeps beside the settings (the last podium announced) is not the import's to replace.
		this.repository.find(guildId).forEach((name, value) -> {
			if (name.startsWith(INTERNAL)) {
				canonical.putIfAbsent(name, value);
			}
		});
		this.repository.replace(guildId, canonical);
		return new SettingChange.Imported(imported);
	}

	/** Names of what the bot keeps with a server's settings for itself: never shown, exported or imported. */
	static final String INTERNAL = "_";

	/** The last week whose podium was announced in the server ({@code 2026-W49}), stored with its settings. */
	static final String PODIUM_ANNOUNCED = INTERNAL + "podium-announced";

	/** The last week ({@link org.namethatartist.player.Period#id()}) whose podium the server got, if any. */
	public Optional<String> podiumAnnounced(String guildId) {
		return Optional.ofNullable(this.repository.find(guildId).get(PODIUM_ANNOUNCED));
	}

	/** Records, durably, that the server got the podium of {@code weekId}. */
	public void podiumAnnounced(String guildId, String weekId) {
		this.repository.put(guildId, PODIUM_ANNOUNCED, weekId);
	}

	private static SettingChange unknown(String key) {
		return new SettingChange.Rejected("There is no setting `" + key + "`; the settings are: " + Setting.keys());
	}

	private Map<String, String> valid(Map<String, String> stored) {
		Map<String, String> valid = new LinkedHashMap<>();
		stored.forEach((key, value) -> Setting.byKey(key)
			.filter((setting) -> parse(setting, value).error() == null)
			.ifPresent((setting) -> valid.put(key, value)));
		return valid;
	}

	private static Optional<String> optional(Map<String, String> stored, Setting setting) {
		return Optional.ofNullable(stored.get(setting.key()));
	}

	private String defaultOf(Setting setting) {
		return switch (setting) {
			case ROUNDS -> String.valueOf(this.game.rounds());
			case POOL -> "default";
			case ROUND_TIME -> format(this.game.roundTime());
			case PAUSE -> format(this.game.betweenRoundTime());
			case CHOICES -> String.valueOf(this.game.choices());
			case CHANNELS -> "anywhere";
			case STOP_ROLE -> "none (members with Manage Messages only)";
			case ANNOUNCEMENT_CHANNEL -> "none";
			case DIFFICULTY -> this.game.difficulty().key();
			case ANSWERS -> this.game.answers().key();
			case SHOW_TITLE -> this.game.showTitle().key();
		};
	}

	/** A value's canonical form, or why it is not allowed. */
	Parsed parse(Setting setting, String raw) {
		String value = (raw != null) ? raw.trim() : "";
		GameProperties.Limits limits = this.game.limits();
		return switch (setting) {
			case ROUNDS -> whole(setting, value, limits.rounds());
			case POOL -> pools(value);
			case CHOICES -> whole(setting, value, GameOptions.CHOICES);
			case ROUND_TIME -> durationWithin(setting, value, limits.roundTime());
			case PAUSE -> durationWithin(setting, value, limits.betweenRoundTime());
			case CHANNELS -> ids(setting, value, CHANNEL, "channels such as #games or channel ids, separated by spaces",
					MAX_CHANNELS);
			case STOP_ROLE -> ids(setting, value, ROLE, "one role such as @Game Host or a role id", 1);
			case ANNOUNCEMENT_CHANNEL -> ids(setting, value, CHANNEL, "one channel such as #results or a channel id", 1);
			case DIFFICULTY -> oneOf(setting, value, "easy", "normal", "hard");
			case ANSWERS -> oneOf(setting, value, "buttons", "typed");
			case SHOW_TITLE -> oneOf(setting, value, "after-round", "during-round");
		};
	}

	private Parsed pools(String value) {
		int max = (this.pools != null) ? this.pools.properties().maxPerServer() : 1;
		try {
			return Parsed.ok(ArtworkPools.name(ArtworkPool.parseList(value, max)));
		}
		catch (IllegalArgumentException ex) {
			return Parsed.error("pool: " + ex.getMessage());
		}
	}

	private static Parsed oneOf(Setting setting, String value, String... allowed) {
		for (String one : allowed) {
			if (one.equalsIgnoreCase(value)) {
				return Parsed.ok(one);
			}
		}
		return Parsed.error(setting.key() + " must be one of " + String.join(", ", allowed) + ", not `" + value + "`");
	}

	private static Parsed whole(Setting setting, String value, IntRange range) {
		String allowed = setting.key() + " must be a whole number from " + range.min() + " to " + range.max();
		try {
			int number = Integer.parseInt(value);
			return range.contains(number) ? Parsed.ok(String.valueOf(number)) : Parsed.error(allowed + ", not " + number);
		}
		catch (NumberFormatException ex) {
			return Parsed.error(allowed + ", not `" + value + "`");
		}
	}

	private static Parsed durationWithin(Setting setting, String value, DurationRange range) {
		String allowed = setting.key() + " must be a time from " + format(range.min()) + " to "
				+ format(range.max()) + ", such as " + format(range.min());
		Matcher matcher = DURATION.matcher(value);
		if (!matcher.matches()) {
			return Parsed.error(allowed + ", not `" + value + "`");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		Duration duration = switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofSeconds(amount);
		};
		return range.contains(duration) ? Parsed.ok(format(duration)) : Parsed.error(allowed + ", not " + format(duration));
	}

	private static Parsed ids(Setting setting, String value, Pattern form, String allowed, int max) {
		LinkedHashSet<String> ids = new LinkedHashSet<>();
		for (String part : value.split("[\\s,]+")) {
			if (part.isEmpty()) {
				continue;
			}
			Matcher matcher = form.matcher(part);
			if (!matcher.matches()) {
				return Parsed.error(setting.key() + " takes " + allowed + ", not `" + part + "`");
			}
			ids.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		if (ids.isEmpty()) {
			return Parsed.error(setting.key() + " takes " + allowed + "; to clear it, reset it");
		}
		if (ids.size() > max) {
			return Parsed.error(setting.key() + " takes at most " + max + ", not " + ids.size());
		}
		return Parsed.ok(String.join(",", ids));
	}

	static Duration duration(String canonical) {
		if (canonical.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(canonical.substring(0, canonical.length() - 2)));
		}
		return Duration.ofSeconds(Long.parseLong(canonical.substring(0, canonical.length() - 1)));
	}

	/**
	 * Whole seconds as {@code 15s}, anything finer as {@code 1500ms}: the form stored and shown. Not
	 * {@link org.namethatartist.Durations#format}, which writes minutes past ten: this one is a storage format,
	 * read back by {@link #duration}, and must stay as it is for what servers have saved.
	 */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	record Parsed(String value, String error) {

		static Parsed ok(String value) {
			return new Parsed(value, null);
		}

		static Parsed error(String error) {
			return new Parsed(null, error);
		}

	}

	/** One setting as {@code show} lists it: its value, or its default when {@code isDefault}. */
	public record ShownSetting(Setting setting, String value, boolean isDefault) {
	}

}
