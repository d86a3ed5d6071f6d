package org.namethatartist.game;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.namethatartist.StorageException;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.game.GameSnapshot.RoundSnapshot;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every game: one per channel, rounds driven by one {@link GameScheduler}, each accepted answer and
 * each transition saved through {@link GameStateRepository} before it is acknowledged, and each player's
 * result recorded through {@link PlayerRepository} exactly once when the game ends. Knows nothing of
 * Discord or HTTP: adapters call it and listen to its {@link GameEvent}s.
 *
 * <p>
 * A restart resumes a game saved less than {@code game.resume-window} ago: after {@code game.start-delay}
 * an interrupted round is played again with its full time, the same artwork and the same choices, and
 * the answers already accepted in it stand (those players cannot answer it twice). An older game ends
 * with the scores it had.
 */
public class GameService {

	private static final Logger logger = LoggerFactory.getLogger(GameService.class);






	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LAST_RETRY = Duration.ofSeconds(30);

	private static final String ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom ID_RANDOM = new SecureRandom();

	/** Finished games stay visible (web players look at the final scores) up to this many. */
	private static final int FINISHED_KEPT = 1000;

	final GameProperties properties;

	final ArtworkCatalog artworks;

	/** Servers' own pools, or null: every game plays {@link #artworks}. */
	volatile ArtworkPools pools;

	private final PlayerRepository players;

	private final PeriodBoards periods;

	final GameStateRepository states;

	final GameScheduler scheduler;

	private final RandomGenerator random;

	/** Extra names typed answers accept, by artist address. */
	private volatile Map<String, List<String>> aliases = Map.of();

	private final List<GameListener> listeners = new CopyOnWriteArrayList<>();

	private final List<RoundGate> gates = new CopyOnWriteArrayList<>();

	/** Where rounds' images come from; every image counts as ready until an adapter says otherwise. */
	private volatile RoundImages images = RoundImages.ALWAYS_READY;

	/** Games whose next round a gate holds, by game id. */
	private final ConcurrentMap<String, HeldGame> held = new ConcurrentHashMap<>();

	/** How often a held game asks its gates again. */
	static final Duration HOLD_CHECK = Duration.ofSeconds(2);

	final ConcurrentMap<String, Game> byChannel = new ConcurrentHashMap<>();

	final ConcurrentMap<String, Game> byId = new ConcurrentHashMap<>();

	private final Map<String, GameView> finished = Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, GameView> eldest) {
			return size() > FINISHED_KEPT;
		}

	});

	/** Channels holding a state this version does not read: it is replaced only by a new game there. */
	final Set<String> foreignStates = ConcurrentHashMap.newKeySet();

	public GameService(GameProperties properties, ArtworkCatalog artworks, PlayerRepository players,
			GameStateRepository states, GameScheduler scheduler, RandomGenerator random) {
		this(properties, artworks, players, null, states, scheduler, random);
	}

	/**
	 * @param periods the week and month boards each result is also counted in, or null for a game
	 * service that keeps only all-time stats
	 */
	public GameService(GameProperties properties, ArtworkCatalog artworks, PlayerRepository players,
			PeriodBoards periods, GameStateRepository states, GameScheduler scheduler, RandomGenerator random) {
		this.properties = properties;
		this.artworks = artworks;
		this.players = players;
		this.periods = periods;
		this.states = states;
		this.scheduler = scheduler;
		this.random = random;
	}

	public void addListener(GameListener listener) {
		this.listeners.add(listener);
	}

	/** Asked before each round opens; a gate that holds a game delays its round (see {@link RoundGate}). */
	public void addRoundGate(RoundGate gate) {
		this.gates.add(gate);
	}

	/** The games whose next round is held now, oldest hold first. */
	/**
	 * Rounds open only on artworks whose image {@code images} has ready: the next round's image is asked
	 * for ahead of time, and an artwork whose image is not ready when its round opens is replaced.
	 */
	public void useImages(RoundImages images) {
		this.images = Objects.requireNonNull(images, "images");
	}

	/** Servers' own artwork pools: games started with a pool setting draw from them (see {@link #start}). */
	public void usePools(ArtworkPools pools) {
		this.pools = Objects.requireNonNull(pools, "pools");
	}

	public List<HeldGame> held() {
		return this.held.values().stream().sorted(Comparator.comparing(HeldGame::since)).toList();
	}

	public GameProperties properties() {
		return this.properties;
	}

	/**
	 * Starts a game in a channel; its first round opens after {@code game.start-delay}.
	 * @param guildId the Discord server, or null for web play
	 */
	public StartOutcome start(String channelId, String guildId, Player starter, GameOptions options) {
		return start(channelId, guildId, starter, options, null);
	}

	/**
	 * Starts a game in a channel on a server's own artwork pools; its first round opens after
	 * {@code game.start-delay}. When the pools cannot make this game, it plays the default artworks and
	 * {@link StartOutcome.Started#notice()} says why.
	 * @param guildId the Discord server, or null for web play
	 * @param pool the server's pool setting (a canonical list, see {@link ArtworkPools}), or null for the
	 * default artworks
	 */
	public StartOutcome start(String channelId, String guildId, Player starter, GameOptions options, String pool) {
		StartOutcome.OutOfBounds bad = this.properties.check(options);
		if (bad != null) {
			return bad;
		}
		Game running = this.byChannel.get(channelId);
		if (running != null) {
			return new StartOutcome.AlreadyRunning(view(running));
		}
		if (this.byChannel.size() >= this.properties.maxRunning()) {
			return new StartOutcome.Unavailable("Too many games are running (" + this.properties.maxRunning()
					+ "); try again when one has ended.");
		}
		int rounds = (options.rounds() != null) ? options.rounds() : this.properties.rounds();
		Duration roundTime = (options.roundTime() != null) ? options.roundTime() : this.properties.roundTime();
		Duration between = (options.betweenRoundTime() != null) ? options.betweenRoundTime()
				: this.properties.betweenRoundTime();
		TokenCatalog catalog = this.artworks.current();
		String poolName = null;
		String notice = null;
		if (pool != null && guildId != null && this.pools != null) {
			int choices = (options.choices() != null) ? options.choices() : this.properties.choices();
			ArtworkPools.Selection selection = this.pools.select(pool, choices, rounds);
			catalog = selection.catalog();
			poolName = selection.pool();
			notice = selection.fallback();
		}
		int available = catalog.playable().size();
		if (available < rounds) {
			return new StartOutcome.NotEnoughArtworks(rounds, available);
		}
		Map<String, Token> tokens = new LinkedHashMap<>();
		for (Token token : catalog.draw(rounds, this.random)) {
			tokens.put(TokenCatalog.key(token), token);
		}
		Instant now = this.scheduler.now();
		GameSnapshot snapshot = new GameSnapshot(GameSnapshot.SCHEMA, newGameId(), channelId, guildId, starter.id(),
				now, rounds, roundTime, between, List.copyOf(tokens.keySet()), Phase.STARTING.name(), 0,
				now.plus(this.properties.startDelay()), null, Map.of(), Set.of(), now,
				(options.difficulty() != null) ? options.difficulty() : this.properties.difficulty(),
				(options.answers() != null) ? options.answers() : this.properties.answers(), poolName);
		Game game = new Game(snapshot, catalog, tokens);
		game.choices = (options.choices() != null) ? options.choices() : this.properties.choices();
		game.lock.lock();
		try {
			Game raced = this.byChannel.putIfAbsent(channelId, game);
			if (raced != null) {
				return new StartOutcome.AlreadyRunning(view(raced));
			}
			if (this.foreignStates.contains(channelId)) {
				logger.warn("Channel {} held a game state this version does not read; a new game replaces it "
						+ "(the previous state is still in logs/game_state.log and its backups)", channelId);
			}
			try {
				this.states.save(snapshot);
			}
			catch (StorageException ex) {
				this.byChannel.remove(channelId, game);
				logger.warn("Could not start a game in channel {}: {}", channelId, ex.getMessage());
				return new StartOutcome.Unavailable("The game could not be saved, so it did not start (a storage "
						+ "error, logged for the bot's admins). Try again in a minute.");
			}
			this.foreignStates.remove(channelId);
			this.byId.put(game.gameId(), game);
			prefetch(game, 1);
			schedule(game, snapshot.phaseEndsAt());
			return new StartOutcome.Started(game.view(), notice);
		}
		finally {
			game.lock.unlock();
		}
	}

	/**
	 * Takes one player's answer to a round.
	 * @param round the round the player answers (from a button), or null for the round open now
	 * @param choice the button, 1-based
	 */
	public AnswerOutcome answer(String gameId, Integer round, Player player, int choice) {
		return answer(gameId, round, player, choice, null);
	}

	/**
	 * Takes one player's answer to a round, scored by when the player answered rather than by when the
	 * answer is processed (a click may wait behind others, or a slow store).
	 * @param answeredAt when the player answered (Discord: the interaction's creation time), or null for now;
	 * clamped to the round, and never later than now
	 */
	public AnswerOutcome answer(String gameId, Integer round, Player player, int choice, Instant answeredAt) {
		Game game = this.byId.get(gameId);
		if (game == null) {
			return new AnswerOutcome.NoGame();
		}
		game.lock.lock();
		try {
			if (game.isOver()) {
				return new AnswerOutcome.NoGame();
			}
			GameSnapshot state = game.state;
			RoundSnapshot open = state.currentRound();
			Instant now = this.scheduler.now();
			int asked = (round != null) ? round : state.round();
			if (choice < 1 || choice > ((open != null) ? open.choices().size() : this.properties.choices())) {
				return new AnswerOutcome.InvalidChoice(choice, (open != null) ? open.choices().size()
						: this.properties.choices());
			}
			if (Phase.of(state.phase()) != Phase.ROUND || open == null || open.number() != asked) {
				return new AnswerOutcome.RoundOver(asked);
			}
			Instant at = answeredAt(answeredAt, open, now);
			if (!at.isBefore(open.endsAt())) {
				return new AnswerOutcome.RoundOver(asked);
			}
			Integer previous = open.answers().get(player.id());
			if (previous != null) {
				return new AnswerOutcome.AlreadyAnswered(asked, previous);
			}
			boolean correct = choice == open.correctChoice();
			int points = (correct && !open.noImage()) ? Scoring.points(this.properties.baseScore(),
					Duration.between(at, open.endsAt()), state.roundTime()) : 0;
			Standing after = standing(state.scores().get(player.id()), player, open, correct, points);
			Map<String, Standing> scores = new LinkedHashMap<>(state.scores());
			scores.put(player.id(), after);
			RoundSnapshot answered = open.withAnswer(player.id(), choice);
			GameSnapshot next = game.next(Phase.of(state.phase()), state.round(), state.phaseEndsAt(), answered, scores, now);
			try {
				this.states.save(next);
			}
			catch (StorageException ex) {
				logger.warn("An answer in game {} could not be saved: {}", gameId, ex.getMessage());
				return new AnswerOutcome.Unavailable("Your answer could not be saved, so it does not count (a "
						+ "storage error, logged for the bot's admins).");
			}
			game.state = next;
			return correct ? new AnswerOutcome.Correct(asked, points, after.score())
					: new AnswerOutcome.Wrong(asked, after.score());
		}
		finally {
			game.lock.unlock();
		}
	}

	/**
	 * A player's standing after an answer; a round without its image changes nothing (the player joins the
	 * game with what they had, or with nothing).
	 */
	private static Standing standing(Standing before, Player player, RoundSnapshot open, boolean correct, int points) {
		if (open.noImage()) {
			return (before != null) ? before : new Standing(player.id(), player.name(), 0, 0, 0);
		}
		return new Standing(player.id(), player.name(), points + ((before != null) ? before.score() : 0),
				((before != null) ? before.correctAnswers() : 0) + (correct ? 1 : 0),
				((before != null) ? before.incorrectAnswers() : 0) + (correct ? 0 : 1));
	}

	/** When an answer counts as given: as told, but not before the round opened nor after now. */
	private static Instant answeredAt(Instant told, RoundSnapshot open, Instant now) {
		if (told == null || told.isAfter(now)) {
			return now;
		}
		return told.isBefore(open.startedAt()) ? open.startedAt() : told;
	}

	/**
	 * Where an adapter showed a round (Discord: its message), saved with the game so that a restart can turn
	 * the interrupted round's buttons off. A round no longer open is left as it is; a failed save is only
	 * logged (the round plays on, its buttons may stay live after a restart).
	 */
	public void roundShown(String gameId, int round, String messageId) {
		Game game = this.byId.get(gameId);
		if (game == null) {
			return;
		}
		game.lock.lock();
		try {
			GameSnapshot state = game.state;
			RoundSnapshot open = state.currentRound();
			if (game.isOver() || Phase.of(state.phase()) != Phase.ROUND || open == null || open.number() != round) {
				return;
			}
			GameSnapshot next = game.next(Phase.of(state.phase()), state.round(), state.phaseEndsAt(), open.withMessageId(messageId),
					state.scores(), state.lastUpdated());
			try {
				this.states.save(next);
				game.state = next;
			}
			catch (StorageException ex) {
				logger.warn("Game {}: where round {} is shown could not be saved: {}", gameId, round, ex.getMessage());
			}
		}
		finally {
			game.lock.unlock();
		}
	}

	/**
	 * Takes one player's typed answer to a round of a {@link AnswerMode#TYPED} game. The text is matched
	 * against the round's artist by {@link AnswerMatcher} (the catalogue's names and the aliases given to
	 * {@link #useAliases}); a right answer scores {@code game.typed-multiplier} times a button's points,
	 * rounded. Each player answers once per round, as with buttons. A game played with buttons answers
	 * {@link AnswerOutcome.InvalidChoice} with no match.
	 * @param round the round the player answers, or null for the round open now
	 */
	public TypedAnswer answerText(String gameId, Integer round, Player player, String text) {
		return answerText(gameId, round, player, text, null);
	}

	/**
	 * As {@link #answerText(String, Integer, Player, String)}, scored by when the player sent the text
	 * ({@code answeredAt}, clamped to the round and to now; null: now), not by when it was processed.
	 */
	public TypedAnswer answerText(String gameId, Integer round, Player player, String text, Instant answeredAt) {
		Game game = this.byId.get(gameId);
		if (game == null) {
			return new TypedAnswer(new AnswerOutcome.NoGame(), null);
		}
		game.lock.lock();
		try {
			if (game.isOver()) {
				return new TypedAnswer(new AnswerOutcome.NoGame(), null);
			}
			GameSnapshot state = game.state;
			if (state.answers() != AnswerMode.TYPED) {
				return new TypedAnswer(new AnswerOutcome.InvalidChoice(0, 0), null);
			}
			RoundSnapshot open = state.currentRound();
			Instant now = this.scheduler.now();
			int asked = (round != null) ? round : state.round();
			if (Phase.of(state.phase()) != Phase.ROUND || open == null || open.number() != asked || !now.isBefore(open.endsAt())) {
				return new TypedAnswer(new AnswerOutcome.RoundOver(asked), null);
			}
			Integer previous = open.answers().get(player.id());
			if (previous != null) {
				return new TypedAnswer(new AnswerOutcome.AlreadyAnswered(asked, previous), null);
			}
			String artist = open.choices().get(open.correctChoice() - 1);
			AnswerMatcher.Match match = matcher(game).match(text, artist);
			boolean correct = match.accepted();
			Instant at = answeredAt(answeredAt, open, now);
			int points = (correct && !open.noImage()) ? (int) Math.round(this.properties.typedMultiplier()
					* Scoring.points(this.properties.baseScore(), Duration.between(at, open.endsAt()), state.roundTime()))
					: 0;
			Standing after = standing(state.scores().get(player.id()), player, open, correct, points);
			Map<String, Standing> scores = new LinkedHashMap<>(state.scores());
			scores.put(player.id(), after);
			// A typed answer is kept as the right button when it was taken, and as 0 when not; the round keeps
			// where it is shown (a restart turns its button off).
			RoundSnapshot answered = open.withAnswer(player.id(), correct ? open.correctChoice() : 0);
			GameSnapshot next = game.next(Phase.of(state.phase()), state.round(), state.phaseEndsAt(), answered, scores, now);
			try {
				this.states.save(next);
			}
			catch (StorageException ex) {
				logger.warn("A typed answer in game {} could not be saved: {}", gameId, ex.getMessage());
				return new TypedAnswer(new AnswerOutcome.Unavailable("Your answer could not be saved, so it does not "
						+ "count (a storage error, logged for the bot's admins)."), match);
			}
			game.state = next;
			return new TypedAnswer(correct ? new AnswerOutcome.Correct(asked, points, after.score())
					: new AnswerOutcome.Wrong(asked, after.score()), match);
		}
		finally {
			game.lock.unlock();
		}
	}

	/**
	 * The aliases typed answers accept beside the catalogue's names, by artist address (an aliases file,
	 * read by an adapter). Replaces the previous ones; games already matching keep theirs.
	 */
	public void useAliases(Map<String, List<String>> aliases) {
		this.aliases = Map.copyOf(aliases);
	}

	/** The options a game runs with, each the starter's or the default. */
	public Optional<GameOptions> settings(String gameId) {
		Game game = this.byId.get(gameId);
		if (game == null) {
			return Optional.empty();
		}
		GameSnapshot s = game.state;
		return Optional.of(new GameOptions(s.rounds(), s.roundTime(), s.betweenRoundTime(), game.choices, s.difficulty(),
				s.answers()));
	}

	private AnswerMatcher matcher(Game game) {
		if (game.matcher == null) {
			List<AnswerMatcher.ArtistNames> names = new ArrayList<>();
			Map<String, List<String>> extra = this.aliases;
			for (String address : game.catalog.artists()) {
				List<String> all = new ArrayList<>();
				all.add(game.catalog.displayName(address));
				ArtistInfo info = game.catalog.artistInfo(address);
				if (info != null && info.info() != null) {
					all.add(info.info().alias());
					all.add(info.info().tzdomain());
				}
				all.addAll(extra.getOrDefault(address, List.of()));
				names.add(new AnswerMatcher.ArtistNames(address, all));
			}
			game.matcher = new AnswerMatcher(names);
		}
		return game.matcher;
	}

	/**
	 * Stops the channel's game; returns once the results of what was played are durable. Nobody wins a
	 * stopped game: its scores and answers count, its win does not.
	 * @param moderator whether {@code by} may stop anybody's game (Discord: Manage Messages)
	 */
	public StopOutcome stop(String channelId, Player by, boolean moderator) {
		Game game = this.byChannel.get(channelId);
		if (game == null) {
			return new StopOutcome.NoGame();
		}
		game.lock.lock();
		try {
			if (game.isOver()) {
				return new StopOutcome.NoGame();
			}
			if (!moderator && !by.id().equals(game.state.startedBy())) {
				return new StopOutcome.NotAllowed(game.state.startedBy());
			}
			cancelTimer(game);
			Instant now = this.scheduler.now();
			Phase phase = Phase.of(game.state.phase());
			try {
				if (!phase.recording()) {
					GameSnapshot stopping = game.next(Phase.STOPPING, game.state.round(), now, game.state.currentRound(),
							game.state.scores(), now);
					this.states.save(stopping);
					game.state = stopping;
				}
				finish(game, by);
				return new StopOutcome.Stopped(game.view());
			}
			catch (RuntimeException ex) {
				logger.warn("Stopping game {} in channel {} failed: {}", game.gameId(), channelId, ex.getMessage());
				retryLater(game, now);
				return new StopOutcome.Unavailable("The game could not be stopped now (a storage error, logged for "
						+ "the bot's admins). It stops once storage works again.");
			}
		}
		finally {
			game.lock.unlock();
		}
	}

	/** A running game, or one that ended recently. */
	public Optional<GameView> find(String gameId) {
		Game game = this.byId.get(gameId);
		if (game != null) {
			return Optional.of(view(game));
		}
		return Optional.ofNullable(this.finished.get(gameId));
	}

	/** The game running in a channel. */
	public Optional<GameView> findByChannel(String channelId) {
		Game game = this.byChannel.get(channelId);
		return (game != null) ? Optional.of(view(game)).filter((view) -> view.status() != GameStatus.OVER)
				: Optional.empty();
	}

	/** How many games are running. */
	public int running() {
		return this.byId.size();
	}

	/**
	 * Picks up the games saved by the previous run: resumes the recent ones, ends the old ones with their
	 * scores so far, and leaves states of other versions alone. Called once at start-up, after the
	 * adapters have subscribed.
	 */
	public void resumeSavedGames() {
		resumeSavedGames(GameOwnership.EVERY_GAME);
	}

	/**
	 * As {@link #resumeSavedGames()}, for the saved games this process owns only; the others (games of
	 * another process's shards on a shared database) are left as they are.
	 */
	public void resumeSavedGames(GameOwnership ownership) {
		new SavedGameResumption(this).resumeAll(ownership);
	}

	void schedule(Game game, Instant at) {
		cancelTimer(game);
		String phase = game.state.phase();
		int round = game.state.round();
		game.timer = this.scheduler.schedule(at, () -> onTimer(game, phase, round));
	}

	private static void cancelTimer(Game game) {
		if (game.timer != null) {
			game.timer.cancel();
			game.timer = null;
		}
	}

	private void onTimer(Game game, String phase, int round) {
		game.lock.lock();
		try {
			// A stop, or a newer timer, may have moved the game on since this one was set.
			if (game.isOver() || !phase.equals(game.state.phase()) || round != game.state.round()) {
				return;
			}
			game.timer = null;
			Instant now = this.scheduler.now();
			try {
				advance(game, now);
				game.failures = 0;
			}
			catch (RuntimeException ex) {
				logger.warn("Game {} in channel {} could not move on from {} (round {}): {}", game.gameId(),
						game.channelId(), phase, round, ex.getMessage());
				retryLater(game, now);
			}
		}
		finally {
			game.lock.unlock();
		}
	}

	private void retryLater(Game game, Instant now) {
		long seconds = Math.min(LAST_RETRY.toSeconds(), FIRST_RETRY.toSeconds() << Math.min(game.failures, 5));
		game.failures++;
		schedule(game, now.plusSeconds(seconds));
	}

	private void advance(Game game, Instant now) {
		GameSnapshot state = game.state;
		switch (Phase.of(state.phase())) {
			case STARTING, BETWEEN_ROUNDS -> {
				if (!held(game, now)) {
					openRound(game, state.round() + 1, now);
				}
			}
			case RESUMING -> {
				if (!held(game, now)) {
					reopenRound(game, now);
				}
			}
			case ROUND -> closeRound(game, now);
			case ENDING, STOPPING -> finish(game, null);
			case OVER -> throw new IllegalStateException("game " + game.gameId() + " is over");
		}
	}

	/**
	 * Whether a gate holds the game's next round now. A held game asks again every {@link #HOLD_CHECK};
	 * one held longer than the gate's {@link RoundGate#maxHold()} is stopped with its scores recorded.
	 */
	private boolean held(Game game, Instant now) {
		if (this.gates.isEmpty()) {
			return false;
		}
		GameView view = game.view();
		int round = (Phase.of(game.state.phase()) == Phase.RESUMING) && game.state.currentRound() != null
				? game.state.currentRound().number() : game.state.round() + 1;
		for (RoundGate gate : this.gates) {
			Optional<String> reason;
			try {
				reason = gate.hold(view);
			}
			catch (RuntimeException ex) {
				logger.warn("A round gate failed on game {}; the round opens: {}", game.gameId(), ex.toString());
				continue;
			}
			if (reason.isEmpty()) {
				continue;
			}
			if (game.heldSince == null) {
				game.heldSince = now;
				logger.warn("Game {} in channel {}: round {} held: {}", game.gameId(), game.channelId(), round,
						reason.get());
			}
			if (Duration.between(game.heldSince, now).compareTo(gate.maxHold()) >= 0) {
				logger.warn("Game {} in channel {} stops with its scores recorded: held {} s ({})", game.gameId(),
						game.channelId(), Duration.between(game.heldSince, now).toSeconds(), reason.get());
				release(game);
				GameSnapshot stopping = game.next(Phase.STOPPING, game.state.round(), now, game.state.currentRound(),
						game.state.scores(), now);
				this.states.save(stopping);
				game.state = stopping;
				finish(game, null);
				return true;
			}
			this.held.put(game.gameId(), new HeldGame(game.gameId(), game.channelId(), game.state.guildId(), round,
					reason.get(), game.heldSince));
			schedule(game, now.plus(HOLD_CHECK));
			return true;
		}
		if (game.heldSince != null) {
			logger.info("Game {} in channel {}: round {} opens after a hold of {} s", game.gameId(), game.channelId(),
					round, Duration.between(game.heldSince, now).toSeconds());
			release(game);
		}
		return false;
	}

	private void release(Game game) {
		game.heldSince = null;
		this.held.remove(game.gameId());
	}

	private void openRound(Game game, int number, Instant now) {
		GameSnapshot state = game.state;
		// Rounds whose artwork left the catalogue while the bot was down are skipped.
		while (number <= state.rounds() && !game.tokens.containsKey(state.tokenKeys().get(number - 1))) {
			number++;
		}
		if (number > state.rounds()) {
			GameSnapshot ending = game.next(Phase.ENDING, state.round(), now, state.currentRound(), state.scores(), now);
			this.states.save(ending);
			game.state = ending;
			finish(game, null);
			return;
		}
		String key = state.tokenKeys().get(number - 1);
		Token token = game.tokens.get(key);
		List<String> tokenKeys = state.tokenKeys();
		Optional<String> notReady = notReady(token);
		boolean noImage = false;
		if (notReady.isPresent()) {
			Token instead = replacement(game, notReady.get(), number);
			if (instead != null) {
				this.images.replaced(token, instead, notReady.get());
				token = instead;
				key = TokenCatalog.key(instead);
				List<String> replaced = new ArrayList<>(tokenKeys);
				replaced.set(number - 1, key);
				tokenKeys = replaced;
			}
			else if (waitsForImage(game, token, number, now)) {
				return;
			}
			else {
				noImage = true;
				logger.warn("Game {} in channel {}: round {} opens without its image ({}), so it does not count: no "
						+ "other artwork has one ready", game.gameId(), game.channelId(), number, notReady.get());
			}
		}
		game.imageWaitSince = null;
		List<String> choices = game.catalog.choices(token, game.choices, state.difficulty(), this.random);
		Instant endsAt = now.plus(state.roundTime());
		RoundSnapshot round = new RoundSnapshot(number, key, choices, choices.indexOf(token.primaryArtist()) + 1, now,
				endsAt, Map.of());
		if (noImage) {
			round = round.withoutImage();
		}
		boolean added = game.tokens.putIfAbsent(key, token) == null;
		try {
			startRound(game, tokenKeys, round);
		}
		catch (RuntimeException ex) {
			if (added) {
				game.tokens.remove(key);
			}
			throw ex;
		}
	}

	private Optional<String> notReady(Token token) {
		try {
			return this.images.notReady(token);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not tell whether an artwork's image is ready; the round opens: {}", ex.toString());
			return Optional.empty();
		}
	}

	/**
	 * Another artwork for round {@code number}, whose image is ready, not played in this game: looked for from
	 * a random place in the catalogue. Null, logged, when there is none: the round then opens on its own
	 * artwork, which its adapters show as an unavailable image.
	 */
	private Token replacement(Game game, String reason, int number) {
		List<Token> playable = game.catalog.playable();
		Set<String> used = new java.util.HashSet<>(game.state.tokenKeys());
		int start = playable.isEmpty() ? 0 : this.random.nextInt(playable.size());
		for (int i = 0; i < playable.size(); i++) {
			Token candidate = playable.get((start + i) % playable.size());
			if (!used.contains(TokenCatalog.key(candidate)) && notReady(candidate).isEmpty()) {
				logger.info("Game {} in channel {}: round {} draws another artwork, {}, in place of {}: {}",
						game.gameId(), game.channelId(), number, TokenCatalog.key(candidate),
						game.state.tokenKeys().get(number - 1), reason);
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Whether the round waits a moment for its own image, still on its way, when no other artwork has one
	 * ready: up to {@link #IMAGE_WAIT}, asking again every {@link #IMAGE_CHECK}. A round then opens without an
	 * image (and does not count) only when none could be had at all.
	 */
	private boolean waitsForImage(Game game, Token token, int number, Instant now) {
		if (game.imageWaitSince == null) {
			if (!pending(token)) {
				return false;
			}
			game.imageWaitSince = now;
			logger.info("Game {} in channel {}: round {} waits for its image, still on its way", game.gameId(),
					game.channelId(), number);
		}
		if (Duration.between(game.imageWaitSince, now).compareTo(IMAGE_WAIT) >= 0 || !pending(token)) {
			game.imageWaitSince = null;
			return false;
		}
		schedule(game, now.plus(IMAGE_CHECK));
		return true;
	}

	private boolean pending(Token token) {
		try {
			return this.images.pending(token);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The longest a round waits for its own image when no other artwork has one ready. */
	static final Duration IMAGE_WAIT = Duration.ofSeconds(5);

	static final Duration IMAGE_CHECK = Duration.ofMillis(100);

	/** Asks for round {@code number}'s image ahead of time, when the game has such a round. */
	void prefetch(Game game, int number) {
		List<String> keys = game.state.tokenKeys();
		if (number < 1 || number > keys.size()) {
			return;
		}
		Token token = game.tokens.get(keys.get(number - 1));
		if (token == null) {
			return;
		}
		try {
			this.images.prefetch(token);
		}
		catch (RuntimeException ex) {
			logger.warn("Game {}: round {}'s image could not be asked for: {}", game.gameId(), number, ex.toString());
		}
	}

	/** The interrupted round again, with its full time, its artwork, its choices and its answers. */
	private void reopenRound(Game game, Instant now) {
		RoundSnapshot interrupted = game.state.currentRound();
		if (interrupted == null || !game.tokens.containsKey(interrupted.tokenKey())) {
			openRound(game, game.state.round() + 1, now);
			return;
		}
		startRound(game, interrupted.reopened(now, now.plus(game.state.roundTime())));
	}

	private void startRound(Game game, RoundSnapshot round) {
		startRound(game, game.state.tokenKeys(), round);
	}

	private void startRound(Game game, List<String> tokenKeys, RoundSnapshot round) {
		GameSnapshot next = game.next(tokenKeys, Phase.ROUND, round.number(), round.endsAt(), round,
				game.state.scores(), round.startedAt());
		this.states.save(next);
		game.state = next;
		GameView view = game.view();
		emit(new GameEvent.RoundStarted(view, view.round()));
		schedule(game, round.endsAt());
		prefetch(game, round.number() + 1);
	}

	private void closeRound(Game game, Instant now) {
		GameSnapshot state = game.state;
		RoundSnapshot round = state.currentRound();
		game.idleRounds = round.answers().isEmpty() ? game.idleRounds + 1 : 0;
		int idleLimit = this.properties.endAfterIdleRounds();
		boolean abandoned = idleLimit > 0 && game.idleRounds >= idleLimit && round.number() < state.rounds();
		boolean last = round.number() >= state.rounds() || abandoned;
		GameSnapshot next = game.next(last ? Phase.ENDING : Phase.BETWEEN_ROUNDS, round.number(),
				last ? now : now.plus(state.betweenRoundTime()), round, state.scores(), now);
		this.states.save(next);
		game.state = next;
		game.lastRound = game.result(round);
		GameView view = game.view();
		emit(new GameEvent.RoundEnded(view, game.lastRound, view.scores()));
		if (last) {
			if (abandoned) {
				logger.info("Game {} in channel {} ends after {} rounds in a row without an answer", game.gameId(),
						game.channelId(), game.idleRounds);
				game.abandoned = true;
			}
			finish(game, null);
		}
		else {
			schedule(game, next.phaseEndsAt());
		}
	}

	/**
	 * Records each player's result, one durable write per player, then forgets the game's state. A result
	 * already recorded (before a crash) is not counted twice: the repository is idempotent per game.
	 * @param by who stopped the game, or null when it ended by itself or was stopped before a restart
	 */
	private void finish(Game game, Player by) {
		GameSnapshot state = game.state;
		boolean stopped = Phase.of(state.phase()) == Phase.STOPPING;
		List<Standing> winners = stopped ? List.of() : Scoring.winners(state.scores().values());
		Set<String> winnerIds = winners.stream().map(Standing::userId).collect(Collectors.toSet());
		Instant now = this.scheduler.now();
		for (Standing player : state.scores().values()) {
			if (game.recorded.contains(player.userId())) {
				continue;
			}
			GameResult result = new GameResult(state.gameId(), player.userId(), player.username(), state.guildId(),
					player.score(), winnerIds.contains(player.userId()), player.correctAnswers(),
					player.incorrectAnswers(), now, (state.guildId() != null) ? state.pool() : null);
			this.players.recordResult(result);
			if (this.periods != null) {
				this.periods.recordResult(result);
			}
			game.recorded.add(player.userId());
		}
		this.states.delete(state.channelId());
		game.winners = winners;
		game.stopped = stopped;
		game.state = game.next(Phase.OVER, state.round(), null, state.currentRound(), state.scores(), now);
		GameView view = game.view();
		this.finished.put(view.gameId(), view);
		release(game);
		this.byId.remove(view.gameId(), game);
		this.byChannel.remove(view.channelId(), game);
		emit(stopped ? new GameEvent.GameStopped(view, by, view.scores())
				: new GameEvent.GameEnded(view, view.scores(), winners));
	}

	private GameView view(Game game) {
		game.lock.lock();
		try {
			return game.view();
		}
		finally {
			game.lock.unlock();
		}
	}

	void emit(GameEvent event) {
		for (GameListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException ex) {
				logger.error("A game listener failed on {} of game {}", event.getClass().getSimpleName(),
						event.game().gameId(), ex);
			}
		}
	}

	/**
	 * 16 characters of a 33-character alphabet (over 80 bits) from a {@link SecureRandom}: for web play the id is
	 * all a client needs to answer or stop a game, so it must not be guessable.
	 */
	private static String newGameId() {
		StringBuilder id = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			id.append(ID_ALPHABET.charAt(ID_RANDOM.nextInt(ID_ALPHABET.length())));
		}
		return id.toString();
	}

}
