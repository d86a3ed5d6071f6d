package org.namethatartist.game;

import java.time.Instant;

/**
 * A game whose next round is held by a {@link RoundGate}.
 * @param gameId the game
 * @param channelId its channel
 * @param guildId its server
 * @param round the round waiting to open
 * @param reason why, as the gate said
 * @param since when the hold began
 */
public record HeldGame(String gameId, String channelId, String guildId, int round, String reason, Instant since) {
}
