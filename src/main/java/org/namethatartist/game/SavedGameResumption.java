package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.game.GameSnapshot.RoundSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link GameService#resumeSavedGames} does at start-up, on the service's own maps and timers: each
 * saved game is resumed when recent (an interrupted round is played again after {@code game.start-delay},
 * with its full time, its artwork, its choices and its answers), ended with its scores when older than
 * {@code game.resume-window} or caught while recording, and left alone when it belongs to another process
 * or to another version.
 */
final class SavedGameResumption {

	/** Logs as the service, whose work this is: operators find start-up's resumptions where they always were. */
	private static final Logger logger = LoggerFactory.getLogger(GameService.class);

	private final GameService games;

	SavedGameResumption(GameService games) {
		this.games = games;
	}

	void resumeAll(GameOwnership ownership) {
		Instant now = this.games.scheduler.now();
		int resumed = 0;
		int ended = 0;
		int others = 0;
		for (StoredGame stored : this.games.states.findAll()) {
			if (stored instanceof StoredGame.Unrecognised foreign) {
				this.games.foreignStates.add(foreign.channelId());
				logger.warn("Game state of channel {} left as it is: {}", foreign.channelId(), foreign.reason());
			}
			else if (stored instanceof StoredGame.Resumable saved && !this.games.byChannel.containsKey(saved.channelId())) {
				if (!ownership.owns(saved.snapshot())) {
					others++;
					continue;
				}
				switch (resume(saved.snapshot(), now)) {
					case RESUMED -> resumed++;
					case ENDED -> ended++;
					case SKIPPED -> {
						// A new game took the channel first; it has replaced the saved state.
					}
				}
			}
		}
		if (resumed + ended > 0) {
			logger.info("Games found from the previous run: {} resumed, {} ended with their scores so far", resumed,
					ended);
		}
		if (others > 0) {
			logger.info("{} saved games belong to other processes' shards; left to them", others);
		}
	}

	private enum Resumption {

		RESUMED, ENDED, SKIPPED

	}

	private Resumption resume(GameSnapshot saved, Instant now) {
		TokenCatalog catalog = this.games.artworks.current();
		ArtworkPools pools = this.games.pools;
		if (saved.pool() != null && pools != null) {
			// A game on a server's pool resumes on it, from the copy the bot has (the token cache after a restart).
			catalog = pools.catalog(saved.pool()).orElse(catalog);
		}
		Map<String, Token> tokens = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (String key : saved.tokenKeys()) {
			catalog.find(key).ifPresentOrElse((token) -> tokens.put(key, token), () -> missing.add(key));
		}
		if (!missing.isEmpty()) {
			logger.warn("Game {}: {} of its artworks are no longer in the catalogue; their rounds are skipped",
					saved.gameId(), missing.size());
		}
		Game game = new Game(saved, catalog, tokens);
		game.choices = (saved.currentRound() != null) ? saved.currentRound().choices().size() : this.games.properties.choices();
		Duration away = Duration.between(saved.lastUpdated(), now);
		boolean recent = away.compareTo(this.games.properties.resumeWindow()) <= 0;
		Phase phase = Phase.of(saved.phase());
		game.lock.lock();
		try {
			// Saved games may resume while new games start (after the adapters' gates): a new one wins.
			if (this.games.byChannel.putIfAbsent(saved.channelId(), game) != null) {
				return Resumption.SKIPPED;
			}
			this.games.byId.put(saved.gameId(), game);
			if (!recent || phase.recording() || phase == Phase.OVER) {
				// Memory only: if this run dies too, the next one finds the game as old as now, and ends it the same way.
				if (phase != Phase.STOPPING) {
					game.state = game.next(Phase.ENDING, saved.round(), now, saved.currentRound(), saved.scores(), now);
				}
				this.games.schedule(game, now);
				return Resumption.ENDED;
			}
			if ((phase == Phase.BETWEEN_ROUNDS) && saved.currentRound() != null
					&& tokens.containsKey(saved.currentRound().tokenKey())) {
				game.lastRound = game.result(saved.currentRound());
			}
			Instant resumeAt = now.plus(this.games.properties.startDelay());
			Phase next = (phase == Phase.ROUND) ? Phase.RESUMING : phase;
			this.games.prefetch(game, (phase == Phase.ROUND) ? saved.round() : saved.round() + 1);
			game.state = game.next(next, saved.round(), resumeAt, saved.currentRound(), saved.scores(), saved.lastUpdated());
			RoundSnapshot interrupted = saved.currentRound();
			GameEvent.GameResumed.ShownRound shown = ((phase == Phase.ROUND) && interrupted != null
					&& interrupted.messageId() != null)
							? new GameEvent.GameResumed.ShownRound(interrupted.number(), interrupted.messageId(),
									game.choices(interrupted))
							: null;
			this.games.emit(new GameEvent.GameResumed(game.view(), away, resumeAt, shown));
			this.games.schedule(game, resumeAt);
			return Resumption.RESUMED;
		}
		finally {
			game.lock.unlock();
		}
	}

}
