package org.namethatartist.game;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.FsyncPolicy;
import org.namethatartist.storage.log.LogOptions;

/**
 * A game service on real append-log stores in a temporary folder, driven by a {@link ManualScheduler},
 * with a catalogue of {@value #ARTISTS} artists and {@value #TOKENS} tokens, recording every event.
 */
final class GameTestSupport implements AutoCloseable {

	static final int ARTISTS = 6;

	static final int TOKENS = 30;

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	/** The defaults of application.yml, with limits wide enough for short test games. */
	static final GameProperties PROPERTIES = new GameProperties(5, Duration.ofSeconds(15), Duration.ofSeconds(5),
			Duration.ofSeconds(3), 4, 100, Duration.ofMinutes(10), 10_000, 0, new GameProperties.Limits(new IntRange(1, 50),
					DurationRange.valueOf("1s..60s"), DurationRange.valueOf("1s..60s")));

	final Path dataDir;

	ManualScheduler scheduler;

	final ArtworkCatalog artworks = new ArtworkCatalog(catalog());

	final List<GameEvent> events = new CopyOnWriteArrayList<>();

	AppendLogStores stores;

	GameService service;

	/** Applied to every service made here, restarts included (such as giving it the servers' pools). */
	java.util.function.Consumer<GameService> setUp = (service) -> {
	};

	GameTestSupport(Path dataDir, FsyncPolicy fsync) {
		this(dataDir, fsync, new ManualScheduler(T0));
	}

	GameTestSupport(Path dataDir, FsyncPolicy fsync, ManualScheduler scheduler) {
		this.dataDir = dataDir;
		this.scheduler = scheduler;
		this.stores = AppendLogStores.open(dataDir, LogOptions.defaults().withFsync(fsync));
		this.service = newService(this.stores.players(), this.stores.gameStates());
	}

	GameService newService(PlayerRepository players, GameStateRepository states) {
		return newService(PROPERTIES, players, states);
	}

	GameService newService(GameProperties properties, PlayerRepository players, GameStateRepository states) {
		return newService(properties, players, this.stores.periods(), states);
	}

	GameService newService(GameProperties properties, PlayerRepository players, PeriodBoards periods,
			GameStateRepository states) {
		GameService service = new GameService(properties, this.artworks, players, periods, states, this.scheduler,
				new Random(7));
		service.addListener(this.events::add);
		this.setUp.accept(service);
		return service;
	}

	/**
	 * A restart {@code away} after the process died: the old service's timers are gone with it, the stores
	 * are opened again and a fresh service resumes what they hold.
	 */
	void restart(Duration away) {
		restart(away, GameOwnership.EVERY_GAME);
	}

	/** As {@link #restart(Duration)}, for a process that owns only some of the saved games. */
	void restart(Duration away, GameOwnership ownership) {
		this.scheduler = new ManualScheduler(this.scheduler.now().plus(away));
		this.stores.close();
		this.stores = AppendLogStores.open(this.dataDir, LogOptions.defaults().withFsync(FsyncPolicy.ALWAYS));
		this.service = newService(this.stores.players(), this.stores.gameStates());
		this.service.resumeSavedGames(ownership);
	}

	GameView start(String channel, Player starter, Integer rounds, Duration roundTime) {
		StartOutcome outcome = this.service.start(channel, "guild-1", starter,
				new GameOptions(rounds, roundTime, Duration.ofSeconds(5)));
		if (!(outcome instanceof StartOutcome.Started started)) {
			throw new AssertionError("game did not start: " + outcome);
		}
		return started.game();
	}

	/** Moves to the moment the game's next round is open (after the start delay or the pause). */
	RoundView nextRound(String gameId) {
		int before = this.service.find(gameId).orElseThrow().roundNumber();
		for (int step = 0; step < 3; step++) {
			GameView view = this.service.find(gameId).orElseThrow();
			if (view.round() != null && view.round().number() > before) {
				return view.round();
			}
			if (view.phaseEndsAt() == null) {
				break;
			}
			this.scheduler.advance(Duration.between(this.scheduler.now(), view.phaseEndsAt()));
		}
		throw new AssertionError("no round after " + before + " opened: " + this.service.find(gameId).orElseThrow());
	}

	/** The number of the right button of the open round, read as the stores have it. */
	int correctChoice(String channel) {
		StoredGame stored = this.stores.gameStates().find(channel).orElseThrow();
		return ((StoredGame.Resumable) stored).snapshot().currentRound().correctChoice();
	}

	int wrongChoice(String channel) {
		return (correctChoice(channel) % 4) + 1;
	}

	<E extends GameEvent> List<E> events(Class<E> type) {
		List<E> found = new ArrayList<>();
		for (GameEvent event : this.events) {
			if (type.isInstance(event)) {
				found.add(type.cast(event));
			}
		}
		return found;
	}

	static TokenCatalog catalog() {
		List<Token> tokens = new ArrayList<>();
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (int a = 0; a < ARTISTS; a++) {
			String address = "tz1Artist" + a + "xxxxxxxxxxxxxxxxxxxxxxxxxxxx";
			artists.put(address, new ArtistInfo("Artist " + a, true, new ArtistProfile(null, "Artist " + a, null, null)));
		}
		List<String> addresses = new ArrayList<>(artists.keySet());
		for (int t = 0; t < TOKENS; t++) {
			String artist = addresses.get(t % ARTISTS);
			tokens.add(new Token(String.valueOf(t), "Work " + t, "", "https://img.test/" + t + ".png",
					"https://img.test/full/" + t + ".png", List.of(artist), artist, "KT1TestContract"));
		}
		return TokenCatalog.of("test", new TokenDocument("2026-11-27T00:00:00.000Z", TOKENS, tokens, artists), true);
	}

	@Override
	public void close() {
		this.stores.close();
	}

}
