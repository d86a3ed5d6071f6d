package org.namethatartist.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.namethatartist.player.LeaderboardSort;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Players' stats and the leaderboards, global or of one Discord server. Query parameters are taken as
 * text and checked here, so a bad one is answered with what is allowed.
 */
@RestController
@RequestMapping("/api")
class PlayerController {

	static final int MAX_LIMIT = 100;

	private static final int DEFAULT_LIMIT = 10;

	/** A Discord snowflake; anything else cannot name a server. */
	private static final Pattern GUILD_ID = Pattern.compile("[0-9]{1,20}");

	/** Longer than any Discord id or {@code web:} plus a name of 32 characters. */
	private static final int MAX_USER_ID_LENGTH = 100;

	private static final String SORT_KEYS = Arrays.stream(LeaderboardSort.values())
		.map(LeaderboardSort::key)
		.collect(Collectors.joining(", "));

	private final PlayerRepository players;

	private final PeriodQueries periods;

	PlayerController(PlayerRepository players, PeriodQueries periods) {
		this.players = players;
		this.periods = periods;
	}

	/** A player's global stats, or with {@code guild} their stats in that Discord server. */
	@GetMapping("/players/{userId}")
	PlayerJson player(@PathVariable String userId, @RequestParam(required = false) @Nullable String guild) {
		String guildId = guild(guild);
		if (userId.length() > MAX_USER_ID_LENGTH) {
			throw ApiException.notFound("No player has an id that long.");
		}
		PlayerStats stats = ((guildId != null) ? this.players.find(guildId, userId) : this.players.find(userId))
			.orElseThrow(() -> ApiException.notFound((guildId != null)
					? "No stats for this player in this server: they have not finished a game there."
					: "No stats for this player: they have not finished a game."));
		return PlayerJson.of(stats, this.periods.periods(userId, guildId, stats.username()));
	}

	/**
	 * The top players by one of the seven {@code /alltime} keys; empty parameters take their defaults.
	 * With {@code period} or {@code at}, the answer is a board object ({@link PeriodJson.Board}) instead of
	 * the bare array.
	 */
	@GetMapping("/leaderboard")
	Object leaderboard(@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String guild,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String at) {
		if (!isEmpty(period) || !isEmpty(at)) {
			String guildId = guild(guild);
			return this.periods.board(isEmpty(period) ? "all" : period, at, sort,
					isEmpty(limit) ? DEFAULT_LIMIT : limit(limit), guildId,
					(order, top) -> this.players.leaderboard(order, top, guildId));
		}
		LeaderboardSort order = isEmpty(sort) ? LeaderboardSort.TOTAL_SCORE : LeaderboardSort.fromKey(sort)
			.orElseThrow(() -> ApiException
				.badRequest("sort must be one of " + SORT_KEYS + ", not '" + Texts.shown(sort, 40) + "'."));
		int top = isEmpty(limit) ? DEFAULT_LIMIT : limit(limit);
		return this.players.leaderboard(order, top, guild(guild)).stream().map(PlayerJson.LeaderboardRow::of).toList();
	}

	private static int limit(String text) {
		if (!text.matches("-?[0-9]{1,30}")) {
			throw ApiException.badRequest(
					"limit must be a whole number within 1.." + MAX_LIMIT + ", not '" + Texts.shown(text, 40) + "'.");
		}
		int digits = text.startsWith("-") ? text.length() - 1 : text.length();
		int value = (digits <= 9) ? Integer.parseInt(text) : -1;
		if (value < 1 || value > MAX_LIMIT) {
			throw ApiException.badRequest("limit must be within 1.." + MAX_LIMIT + ", not " + text + ".");
		}
		return value;
	}

	/** The server asked for, or null (also for an empty parameter) for the global figures. */
	private static @Nullable String guild(@Nullable String guild) {
		if (isEmpty(guild)) {
			return null;
		}
		if (!GUILD_ID.matcher(guild).matches()) {
			throw ApiException.badRequest("guild must be a Discord server id (up to 20 digits), not '"
					+ Texts.shown(guild, 40) + "'.");
		}
		return guild;
	}

	private static boolean isEmpty(@Nullable String parameter) {
		return parameter == null || parameter.isEmpty();
	}

}
