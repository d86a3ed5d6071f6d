package org.namethatartist.game;

import java.util.Optional;

import org.namethatartist.artwork.Token;

/**
 * Where rounds' images come from, as the game sees it: a round opens only on an artwork whose image is
 * ready to show, so that no player ever sees a broken image. The game asks for the next round's image
 * ahead of time, and draws another artwork in place of one whose image is not ready when its round opens.
 */
public interface RoundImages {

	/** Starts getting the token's image ready, in the background; returns at once. */
	void prefetch(Token token);

	/** Why the token's image cannot be shown now (still on its way, or failed); empty when it can. */
	Optional<String> notReady(Token token);

	/** Whether the token's image is on its way now (asked for, neither ready nor failed). */
	default boolean pending(Token token) {
		return false;
	}

	/** Told that a round's artwork was drawn again for want of its image, for the operators' figures. */
	default void replaced(Token dropped, Token instead, String reason) {
	}

	/** Every image ready at once: for games whose adapters show no image of their own (some tests). */
	RoundImages ALWAYS_READY = new RoundImages() {

		@Override
		public void prefetch(Token token) {
		}

		@Override
		public Optional<String> notReady(Token token) {
			return Optional.empty();
		}

	};

}
