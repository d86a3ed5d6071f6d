package org.namethatartist.artwork;

import java.util.Objects;

/**
 * The catalogue games draw from now. A refresh swaps in a new {@link TokenCatalog}; games already
 * running keep the tokens they drew.
 */
public final class ArtworkCatalog {

	private volatile TokenCatalog current;

	public ArtworkCatalog(TokenCatalog initial) {
		this.current = Objects.requireNonNull(initial, "initial");
	}

	public TokenCatalog current() {
		return this.current;
	}

	public void replace(TokenCatalog catalog) {
		this.current = Objects.requireNonNull(catalog, "catalog");
	}

}
