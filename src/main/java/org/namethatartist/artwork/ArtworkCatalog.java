package org.namethatartist.artwork;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The catalogue games draw from now. A refresh swaps in a new {@link TokenCatalog}; games already
 * running keep the tokens they drew.
 */
public final class ArtworkCatalog {

	private volatile TokenCatalog current;

	private final List<Consumer<TokenCatalog>> listeners = new CopyOnWriteArrayList<>();

	public ArtworkCatalog(TokenCatalog initial) {
		this.current = Objects.requireNonNull(initial, "initial");
	}

	public TokenCatalog current() {
		return this.current;
	}

	public void replace(TokenCatalog catalog) {
		this.current = Objects.requireNonNull(catalog, "catalog");
		for (Consumer<TokenCatalog> listener : this.listeners) {
			listener.accept(catalog);
		}
	}

	/** Told of every catalogue swapped in after this call, on the thread that swaps it. */
	public void onReplace(Consumer<TokenCatalog> listener) {
		this.listeners.add(listener);
	}

}
