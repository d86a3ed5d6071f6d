package org.namethatartist.game;

import java.util.Optional;

import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.image.ArtworkImages;

/** The {@link RoundImages} port on the image pipeline: rounds' images come from its cache. */
public final class ArtworkRoundImages implements RoundImages {

	private final ArtworkImages images;

	public ArtworkRoundImages(ArtworkImages images) {
		this.images = images;
	}

	@Override
	public void prefetch(Token token) {
		this.images.prefetch(token);
	}

	@Override
	public Optional<String> notReady(Token token) {
		return this.images.notReady(token);
	}

	@Override
	public boolean pending(Token token) {
		return this.images.pending(token);
	}

	@Override
	public void replaced(Token dropped, Token instead, String reason) {
		this.images.replaced(dropped, instead, reason);
	}

}
