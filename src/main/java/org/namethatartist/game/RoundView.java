package org.namethatartist.game;

import java.time.Instant;
import java.util.List;

import org.namethatartist.artwork.Token;

/**
 * A round as players see it while it is open: the artwork and the choices, never the right one.
 */
public record RoundView(int number, int totalRounds, Token token, List<Choice> choices, Instant startedAt,
		Instant endsAt) {

	public RoundView {
		choices = List.copyOf(choices);
	}

}
