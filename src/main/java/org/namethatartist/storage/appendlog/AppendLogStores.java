package org.namethatartist.storage.appendlog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.namethatartist.daily.DailyRepository;
import org.namethatartist.storage.DailyJson;
import org.namethatartist.storage.GameSnapshotJson;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.artwork.TokenCache;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.StorageBackend;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.DataDirLock;
import org.namethatartist.storage.log.LogOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stores of a data directory, opened together under its lock: {@code players},
 * {@code guild_players}, {@code game_state}, {@code tokens} and {@code guild_settings}. Closing forces the logs, writes the
 * pending JSON files and releases the lock.
 */
public final class AppendLogStores implements StorageBackend, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AppendLogStores.class);

	public static final String PLAYERS = "players";

	public static final String GUILD_PLAYERS = "guild_players";

	public static final String GAME_STATE = "game_state";

	public static final String TOKENS = "tokens";

	/** Week and month boards ({@code periods.json}); the original bot never reads it. */
	public static final String PERIODS = "periods";
	public static final String GUILD_SETTINGS = "guild_settings";

	/** Daily challenges and players' progress ({@code daily.json}); the original bot never reads it. */
	public static final String DAILY = "daily";

	private final Path dataDir;

	private final DataDirLock lock;

	private final List<AppendLog<?>> logs;

	private final AppendLogPlayerRepository players;

	private final AppendLogGameStateRepository gameStates;

	private final AppendLogTokenCache tokens;

	private AppendLogPeriodBoards periods;

	private PeriodTable periodTable;
	private AppendLogGuildSettingsRepository guildSettings;

	private AppendLogDailyRepository daily;

	private AppendLogStores(Path dataDir, DataDirLock lock, List<AppendLog<?>> logs, AppendLogPlayerRepository players,
			AppendLogGameStateRepository gameStates, AppendLogTokenCache tokens) {
		this.dataDir = dataDir;
		this.lock = lock;
		this.logs = List.copyOf(logs);
		this.players = players;
		this.gameStates = gameStates;
		this.tokens = tokens;
	}

	/**
	 * Locks {@code dataDir} and recovers every store in it.
	 * @throws org.namethatartist.StorageException when the directory is locked by another instance, or a
	 * store cannot be recovered (in {@code strict} mode: a bad record)
	 */
	public static AppendLogStores open(Path dataDir, LogOptions options) {
		Path dir = dataDir.toAbsolutePath().normalize();
		ObjectMapper mapper = JsonMapper.builder().build();
		DataDirLock lock = DataDirLock.acquire(dir);
		List<AppendLog<?>> opened = new ArrayList<>();
		try {
			PlayerTable playerTable = PlayerTable.global();
			AppendLog<PlayerStats> players = track(opened,
					AppendLog.open(PLAYERS, dir, mapper, new PlayerStatsCodec(), playerTable, options));
			PlayerTable guildTable = PlayerTable.perGuild();
			AppendLog<PlayerStats> guildPlayers = track(opened,
					AppendLog.open(GUILD_PLAYERS, dir, mapper, new PlayerStatsCodec(), guildTable, options));
			JsonTable gameTable = new JsonTable();
			AppendLog<JsonNode> games = track(opened,
					AppendLog.open(GAME_STATE, dir, mapper, new JsonNodeCodec(mapper), gameTable, options));
			JsonTable tokenTable = new JsonTable();
			AppendLog<JsonNode> tokens = track(opened,
					AppendLog.open(TOKENS, dir, mapper, new JsonNodeCodec(mapper), tokenTable, options));
			PeriodTable periodTable = new PeriodTable();
			AppendLog<PeriodRow> periods = track(opened,
					AppendLog.open(PERIODS, dir, mapper, new PeriodRowCodec(), periodTable, options));
			JsonTable settingsTable = new JsonTable();
			AppendLog<JsonNode> settings = track(opened,
					AppendLog.open(GUILD_SETTINGS, dir, mapper, new JsonNodeCodec(mapper), settingsTable, options));
			JsonTable dailyTable = new JsonTable();
			AppendLog<JsonNode> daily = track(opened,
					AppendLog.open(DAILY, dir, mapper, new JsonNodeCodec(mapper), dailyTable, options));
			AppendLogStores stores = new AppendLogStores(dir, lock, opened,
					new AppendLogPlayerRepository(players, playerTable, guildPlayers, guildTable),
					new AppendLogGameStateRepository(games, gameTable, new GameSnapshotJson(mapper)),
					new AppendLogTokenCache(tokens, tokenTable, mapper));
			stores.periods = new AppendLogPeriodBoards(periods, periodTable);
			stores.periodTable = periodTable;
			stores.guildSettings = new AppendLogGuildSettingsRepository(settings, settingsTable);
			stores.daily = new AppendLogDailyRepository(daily, dailyTable, new DailyJson(mapper));
			return stores;
		}
		catch (RuntimeException ex) {
			opened.forEach(AppendLog::close);
			lock.close();
			throw ex;
		}
	}

	private static <T extends AppendLog<?>> T track(List<AppendLog<?>> opened, T log) {
		opened.add(log);
		return log;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	@Override
	public PlayerRepository players() {
		return this.players;
	}

	@Override
	public GameStateRepository gameStates() {
		return this.gameStates;
	}

	@Override
	public TokenCache tokens() {
		return this.tokens;
	}

	@Override
	public PeriodBoards periods() {
		return this.periods;
	}

	@Override
	public GuildSettingsRepository guildSettings() {
		return this.guildSettings;
	}

	@Override
	public DailyRepository daily() {
		return this.daily;
	}

	/**
	 * Every player's stats, as (guild id, stats): first the global entries (guild id null), then the
	 * per-server ones; for an import into another backend.
	 */
	public void forEachPlayer(BiConsumer<String, PlayerStats> action) {
		this.players.forEach(action);
	}

	/** Every game state's JSON by channel id, recognised or not; for an import into another backend. */
	public void forEachGameState(BiConsumer<String, JsonNode> action) {
		this.gameStates.forEachJson(action);
	}

	/**
	 * Every server's stored settings, as (guild id, settings by name, canonical text); for an import into
	 * another backend. Servers with no setting stored are left out.
	 */
	public void forEachGuildSettings(BiConsumer<String, java.util.Map<String, String>> action) {
		this.guildSettings.forEachGuild(action);
	}

	/**
	 * Every week and month board entry, for an import into another backend: the period id
	 * ({@code 2026-W49}, {@code 2026-12}), the server (null for the global board), the numbers, and what they
	 * counted ({@code game:<id>} for the newest games of the entry, {@code day:<yyyy-mm-dd>} for dailies).
	 */
	public void forEachPeriodEntry(PeriodEntryVisitor visitor) {
		this.periodTable.forEach((periodId, guildId, row) -> {
			java.util.List<String> counted = new java.util.ArrayList<>();
			row.gameIds().forEach((id) -> counted.add("game:" + id));
			row.days().forEach((day) -> counted.add("day:" + day));
			visitor.visit(periodId, guildId, row.stats(), counted);
		});
	}

	/** One board entry, as {@link #forEachPeriodEntry} gives it. */
	@FunctionalInterface
	public interface PeriodEntryVisitor {

		void visit(String periodId, String guildId, org.namethatartist.player.PeriodStats stats,
				java.util.List<String> counted);

	}

	/** Every store's log, for health, compaction and the {@code storage} endpoint. */
	public List<AppendLog<?>> logs() {
		return this.logs;
	}

	@Override
	public void close() {
		try {
			for (AppendLog<?> log : this.logs) {
				log.close();
			}
		}
		finally {
			this.lock.close();
		}
		log.info("Stores in {} closed: logs forced, JSON files written, lock released", this.dataDir);
	}

}
