package org.namethatartist.artwork;

import java.util.function.Supplier;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code artwork} health: UP while the catalogue games draw from has playable artworks, whichever
 * it is. The bundled demo served in place of objkt.com's artworks (none cached yet, objkt.com out of
 * reach) is UP too, with a {@code note} saying so and the last error: the game is playable, and a DOWN
 * would have a supervisor restart a bot that a restart cannot help. Details that do not exist yet (no
 * refresh so far, no error) are left out.
 */
class ArtworkHealthIndicator extends AbstractHealthIndicator {

	private final ArtworkRefreshService refresher;

	private final Supplier<Object> images;

	private final Supplier<java.util.List<ArtworkPools.PoolStatus>> pools;

	ArtworkHealthIndicator(ArtworkRefreshService refresher) {
		this(refresher, () -> null, java.util.List::of);
	}

	/**
	 * @param images the image cache's figures ({@code images}: files, bytes, hit rate, last failures)
	 * @param pools the servers' own pools in use ({@code pools}: tokens, artists, last refresh, servers)
	 */
	ArtworkHealthIndicator(ArtworkRefreshService refresher, Supplier<Object> images,
			Supplier<java.util.List<ArtworkPools.PoolStatus>> pools) {
		super("Artwork health check failed");
		this.refresher = refresher;
		this.images = images;
		this.pools = pools;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ArtworkStatus status = this.refresher.status();
		if (status.playableTokens() > 0) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("source", status.source())
			.withDetail("configuredSource", status.configuredSource())
			.withDetail("playableTokens", status.playableTokens())
			.withDetail("artists", status.artists());
		detail(builder, "note", status.note());
		detail(builder, "cachedAt", status.cachedAt());
		detail(builder, "cachedTokens", status.cachedTokens());
		builder.withDetail("refresh", status.refresh());
		detail(builder, "refreshingSince", status.refreshingSince());
		detail(builder, "lastRefresh", status.lastRefresh());
		detail(builder, "nextRefresh", status.nextRefresh());
		detail(builder, "lastError", status.lastError());
		detail(builder, "lastErrorAt", status.lastErrorAt());
		detail(builder, "images", this.images.get());
		java.util.List<ArtworkPools.PoolStatus> inUse = this.pools.get();
		if (!inUse.isEmpty()) {
			builder.withDetail("pools", inUse);
		}
	}

	private static void detail(Health.Builder builder, String name, Object value) {
		if (value != null) {
			builder.withDetail(name, value);
		}
	}

}
