package org.namethatartist.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.namethatartist.StorageException;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.game.Choice;
import org.namethatartist.game.DurationRange;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameProperties;
import org.namethatartist.game.GameService;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.GameView;
import org.namethatartist.game.IntRange;
import org.namethatartist.game.ManualScheduler;
import org.namethatartist.game.Player;
import org.namethatartist.game.RoundView;
import org.namethatartist.game.StartOutcome;
import org.namethatartist.game.StoredGame;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.FsyncPolicy;
import org.namethatartist.storage.log.LogOptions;

/**
 * A real {@link GameService} for the adapter's tests: append-log stores in a temporary folder, time moved
 * by hand, and a catalogue of {@value #ARTISTS} artists and {@value #TOKENS} artworks whose names hold
 * markdown and a mass mention, to show that nothing of them reaches Discord unescaped.
 */
final class TestGames implements AutoCloseable {

	static final int ARTISTS = 6;

	static final int TOKENS = 12;

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	/** application.yml's game settings, with limits wide enough for short games. */
	static final GameProperties PROPERTIES = new GameProperties(5, Duration.ofSeconds(15), Duration.ofSeconds(5),
			Duration.ofSeconds(3), 4, 100, Duration.ofMinutes(10), 1000, 3,
			new GameProperties.Limits(new IntRange(1, 50), DurationRange.valueOf("10s..60s"),
					DurationRange.valueOf("5s..60s")));

	final ManualScheduler scheduler = new ManualScheduler(T0);

	final ArtworkCatalog artworks = new ArtworkCatalog(catalog());

	final List<GameEvent> events = new CopyOnWriteArrayList<>();

	final AppendLogStores stores;

	final BreakableStates states;

	final GameService service;

	TestGames(Path dataDir) {
		this.stores = AppendLogStores.open(dataDir, LogOptions.defaults().withFsync(FsyncPolicy.NEVER));
		this.states = new BreakableStates(this.stores.gameStates());
		this.service = new GameService(PROPERTIES, this.artworks, this.stores.players(), this.states, this.scheduler,
				new Random(11));
		this.service.addListener(this.events::add);
	}

	GameView start(String channelId, Player starter, int rounds) {
		StartOutcome outcome = this.service.start(channelId, DiscordTester.GUILD, starter,
				new GameOptions(rounds, null, null));
		if (!(outcome instanceof StartOutcome.Started started)) {
			throw new AssertionError("not started: " + outcome);
		}
		return started.game();
	}

	/** Moves to the next open round. */
	RoundView nextRound(String gameId) {
		GameView game = this.service.find(gameId).orElseThrow();
		this.scheduler.advance(Duration.between(this.scheduler.now(), game.phaseEndsAt()));
		RoundView round = this.service.find(gameId).orElseThrow().round();
		if (round == null) {
			throw new AssertionError("no round open: " + this.service.find(gameId));
		}
		return round;
	}

	/** Moves to the end of the open round. */
	void endRound(String gameId) {
		GameView game = this.service.find(gameId).orElseThrow();
		this.scheduler.advance(Duration.between(this.scheduler.now(), game.phaseEndsAt()));
	}

	/** The right button: the choice naming the artwork's own artist. */
	static int rightChoice(RoundView round) {
		return round.choices().stream().filter((c) -> c.artistId().equals(round.token().primaryArtist()))
			.mapToInt(Choice::number).findFirst().orElseThrow();
	}

	static int wrongChoice(RoundView round) {
		return (rightChoice(round) % round.choices().size()) + 1;
	}

	<E extends GameEvent> List<E> events(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	static String artist(int index) {
		return "tz1Artist" + index + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
	}

	static TokenCatalog catalog() {
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (int a = 0; a < ARTISTS; a++) {
			// Artist 0 is called "@everyone": a name is text, never a ping.
			String alias = (a == 0) ? "@everyone" : "Artist_" + a + "*";
			artists.put(artist(a), new ArtistInfo(alias, true, new ArtistProfile(null, alias, null, null)));
		}
		List<Token> tokens = new ArrayList<>();
		for (int t = 0; t < TOKENS; t++) {
			String artist = artist(t % ARTISTS);
			tokens.add(new Token(String.valueOf(t), "**Work** _" + t + "_ @here", "", "https://img.test/" + t + ".png",
					"https://img.test/full/" + t + ".png", List.of(artist), artist, "KT1TestContract"));
		}
		return TokenCatalog.of("test", new TokenDocument("2026-11-27T00:00:00.000Z", TOKENS, tokens, artists), true);
	}

	@Override
	public void close() {
		this.stores.close();
	}

	/** The game states' store, which a test can break as a full disk would. */
	static final class BreakableStates implements GameStateRepository {

		private final GameStateRepository states;

		volatile boolean broken;

		BreakableStates(GameStateRepository states) {
			this.states = states;
		}

		@Override
		public void save(GameSnapshot snapshot) {
			if (this.broken) {
				throw new StorageException("No space left on device");
			}
			this.states.save(snapshot);
		}

		@Override
		public Optional<StoredGame> find(String channelId) {
			return this.states.find(channelId);
		}

		@Override
		public void delete(String channelId) {
			this.states.delete(channelId);
		}

		@Override
		public List<StoredGame> findAll() {
			return this.states.findAll();
		}

	}

}
