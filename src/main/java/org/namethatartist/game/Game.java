package org.namethatartist.game;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.game.GameSnapshot.RoundSnapshot;

/**
 * One running game: its last durable state and what is derived from it. Every change happens under
 * {@link #lock}, is saved, and only then replaces {@link #state}, so memory never runs ahead of the disk.
 */
final class Game {



	final ReentrantLock lock = new ReentrantLock();

	/** The catalogue the game's tokens and artist names come from, fixed for the game's life. */
	final TokenCatalog catalog;

	/** Every round's token, by {@link TokenCatalog#key}; a round's may be drawn again for want of its image. */
	final Map<String, Token> tokens;

	GameSnapshot state;

	RoundResult lastRound;

	List<Standing> winners = List.of();

	boolean stopped;

	/** Rounds in a row that closed with no answer; not saved (a restart gives a game a fresh chance). */
	int idleRounds;

	boolean abandoned;

	/**
	 * Buttons per round, fixed when the game starts. Not in the saved state: a resumed game takes it from
	 * its last round's choices (the default when it had no round yet).
	 */
	int choices;

	/** Results already durable in this process; the repository's idempotence covers a crash. */
	final Set<String> recorded = new LinkedHashSet<>();

	GameScheduler.Cancellable timer;

	/** Matches typed answers against the catalogue's artists; built at the first typed answer. */
	AnswerMatcher matcher;

	/** Consecutive failed transitions, for the retry back-off. */
	int failures;

	/** Since when the next round waits for its image, still on its way; null otherwise. */
	java.time.Instant imageWaitSince;

	/** When a {@link RoundGate} first held the next round, while it holds it; null otherwise. */
	java.time.Instant heldSince;

	Game(GameSnapshot state, TokenCatalog catalog, Map<String, Token> tokens) {
		this.state = state;
		this.catalog = catalog;
		this.tokens = new java.util.concurrent.ConcurrentHashMap<>(tokens);
		this.recorded.addAll(state.recorded());
	}

	String gameId() {
		return this.state.gameId();
	}

	String channelId() {
		return this.state.channelId();
	}

	boolean isOver() {
		return GameStatus.OVER.name().equals(this.state.phase());
	}

	GameStatus status() {
		return switch (Phase.of(this.state.phase())) {
			case STARTING, RESUMING -> GameStatus.STARTING;
			case ROUND -> GameStatus.ROUND;
			case BETWEEN_ROUNDS -> GameStatus.BETWEEN_ROUNDS;
			case ENDING, STOPPING -> GameStatus.ENDING;
			case OVER -> GameStatus.OVER;
		};
	}

	/** The state after a change, stamped {@code now}; the caller saves it before adopting it. */
	GameSnapshot next(Phase phase, int round, Instant phaseEndsAt, RoundSnapshot currentRound,
			Map<String, Standing> scores, Instant now) {
		return next(this.state.tokenKeys(), phase, round, phaseEndsAt, currentRound, scores, now);
	}

	/** As {@link #next(Phase, int, Instant, RoundSnapshot, Map, Instant)}, with the rounds' tokens given. */
	GameSnapshot next(List<String> tokenKeys, Phase phase, int round, Instant phaseEndsAt, RoundSnapshot currentRound,
			Map<String, Standing> scores, Instant now) {
		GameSnapshot s = this.state;
		return new GameSnapshot(GameSnapshot.SCHEMA, s.gameId(), s.channelId(), s.guildId(), s.startedBy(),
				s.startedAt(), s.rounds(), s.roundTime(), s.betweenRoundTime(), tokenKeys, phase.name(), round,
				phaseEndsAt, currentRound, scores, this.recorded, now, s.difficulty(), s.answers(), s.pool());
	}

	List<Choice> choices(RoundSnapshot round) {
		List<Choice> choices = new ArrayList<>(round.choices().size());
		for (int i = 0; i < round.choices().size(); i++) {
			String artist = round.choices().get(i);
			choices.add(new Choice(i + 1, artist, this.catalog.displayName(artist)));
		}
		return choices;
	}

	RoundView roundView(RoundSnapshot round) {
		return new RoundView(round.number(), this.state.rounds(), this.tokens.get(round.tokenKey()), choices(round),
				round.startedAt(), round.endsAt(), !round.noImage());
	}

	RoundResult result(RoundSnapshot round) {
		Token token = this.tokens.get(round.tokenKey());
		Choice answer = choices(round).get(round.correctChoice() - 1);
		int correct = (int) round.answers().values().stream().filter((c) -> c == round.correctChoice()).count();
		return new RoundResult(round.number(), token, answer, TokenCatalog.link(token), round.answers().size(), correct);
	}

	GameView view() {
		GameSnapshot s = this.state;
		GameStatus status = status();
		RoundView round = (status == GameStatus.ROUND && s.currentRound() != null) ? roundView(s.currentRound()) : null;
		return new GameView(s.gameId(), s.channelId(), s.guildId(), s.startedBy(), status, s.round(), s.rounds(),
				s.roundTime(), s.betweenRoundTime(), round, this.lastRound, isOver() ? null : s.phaseEndsAt(),
				Scoring.ranked(s.scores().values()), this.winners, this.stopped, this.abandoned);
	}

}
