package org.namethatartist.artwork;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the artworks come from now and how their refresh goes: shown by the {@code artwork} health and
 * endpoint. Members that do not apply yet (no refresh so far, no error) are null.
 *
 * @param source the catalogue games draw from now: {@code objkt}, or {@code demo}
 * @param configuredSource {@code artwork.source}
 * @param playableTokens the artworks a round can show
 * @param artists the artists between them
 * @param cachedAt when the cached artworks were fetched ({@code lastUpdated} of {@code tokens.json})
 * @param cachedTokens how many artworks the cache holds
 * @param refresh how often the artworks are fetched again, or why they are not
 * @param refreshingSince when the refresh under way started
 * @param lastRefresh what the last refresh did, whatever its outcome
 * @param nextRefresh when the next refresh is due
 * @param lastError the last failed refresh's reason
 * @param note why the catalogue served is not the one configured
 * @param pools the servers' own pools in use: tokens, artists, last refresh and the servers using each
 */
public record ArtworkStatus(String source, String configuredSource, int playableTokens, int artists,
		@Nullable String cachedAt, @Nullable Integer cachedTokens, String refresh, @Nullable Instant refreshingSince,
		@Nullable RefreshResult lastRefresh, @Nullable Instant nextRefresh, @Nullable String lastError,
		@Nullable Instant lastErrorAt, @Nullable String note, List<ArtworkPools.PoolStatus> pools) {

	public ArtworkStatus {
		pools = List.copyOf(pools);
	}

	/** The same, with the pools in use. */
	public ArtworkStatus withPools(List<ArtworkPools.PoolStatus> inUse) {
		return new ArtworkStatus(this.source, this.configuredSource, this.playableTokens, this.artists, this.cachedAt,
				this.cachedTokens, this.refresh, this.refreshingSince, this.lastRefresh, this.nextRefresh,
				this.lastError, this.lastErrorAt, this.note, inUse);
	}
}
