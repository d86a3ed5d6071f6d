package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A game as anyone may see it at one moment; adapters render it.
 *
 * @param guildId the Discord server, or null for web play
 * @param round the open round, or null outside {@link GameStatus#ROUND}
 * @param lastRound the round that ended last, or null before the first ends
 * @param phaseEndsAt when the current status ends (null once over)
 * @param scores every player who answered, best first
 * @param winners the players tied on the top score when it is above 0; filled once the game is over
 * @param stopped whether the game was stopped before its last round
 * @param abandoned whether it ended early because nobody answered {@code game.end-after-idle-rounds}
 * rounds in a row
 */
public record GameView(String gameId, String channelId, String guildId, String startedBy, GameStatus status,
		int roundNumber, int totalRounds, Duration roundTime, Duration betweenRoundTime, RoundView round,
		RoundResult lastRound, Instant phaseEndsAt, List<Standing> scores, List<Standing> winners,
		boolean stopped, boolean abandoned) {

	public GameView {
		scores = List.copyOf(scores);
		winners = List.copyOf(winners);
	}

}
