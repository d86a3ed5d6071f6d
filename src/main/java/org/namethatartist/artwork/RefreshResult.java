package org.namethatartist.artwork;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What one refresh of the artworks did, for the log, the health and the {@code artwork} endpoint.
 *
 * @param outcome what became of the fetched artworks
 * @param message the reason, in one sentence
 * @param fetchedTokens tokens the source returned, or null when it returned none (failed, skipped)
 */
public record RefreshResult(Outcome outcome, String message, Instant startedAt, Instant finishedAt,
		@Nullable Integer fetchedTokens) {

	/** What became of a refresh. */
	public enum Outcome {

		/** The fetched artworks were saved to the cache and games now draw from them. */
		REPLACED,

		/** The source answered, but the cache was kept: too few artworks, or none that make a game. */
		KEPT,

		/** The source or the cache failed; the cache and the catalogue are as they were. */
		FAILED,

		/** Another refresh was running; this one did nothing. */
		SKIPPED,

		/** Refreshing is off ({@code artwork.source: demo}, or no token cache). */
		DISABLED

	}

}
