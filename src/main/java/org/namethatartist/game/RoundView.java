package org.namethatartist.game;

import java.time.Instant;
import java.util.List;

import org.namethatartist.artwork.Token;

/**
 * A round as players see it while it is open: the artwork and the choices, never the right one.
 *
 * @param scored false for a round that opened without its image (none could be had): answers are taken but
 * score nothing, and players are told so
 */
public record RoundView(int number, int totalRounds, Token token, List<Choice> choices, Instant startedAt,
		Instant endsAt, boolean scored) {

	public RoundView {
		choices = List.copyOf(choices);
	}

	/** A round that counts. */
	public RoundView(int number, int totalRounds, Token token, List<Choice> choices, Instant startedAt,
			Instant endsAt) {
		this(number, totalRounds, token, choices, startedAt, endsAt, true);
	}

}
