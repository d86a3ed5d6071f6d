package org.namethatartist.ops;

import java.util.Map;

import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.ArtworkRefreshService;
import org.namethatartist.artwork.ArtworkStatus;
import org.namethatartist.artwork.RefreshResult;
import org.namethatartist.artwork.image.ArtworkImages;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/artwork}: reading gives where the artworks come from and how their refresh goes;
 * writing fetches them now and answers, once it is over, what the refresh did. A refresh takes about a
 * second per request at the default rate, so minutes for a large wallet. When refreshing is off ({@code
 * artwork.source: demo}) or another refresh is running, the write is answered 409 with the reason.
 * {@code DELETE /actuator/artwork/image-failures} clears the image pipeline's negative cache.
 */
@Component
@Endpoint(id = "artwork")
class ArtworkEndpoint {

	private final ArtworkRefreshService refresher;

	private final ArtworkImages images;

	private final ArtworkPools pools;

	ArtworkEndpoint(ArtworkRefreshService refresher, ArtworkImages images, ArtworkPools pools) {
		this.refresher = refresher;
		this.images = images;
		this.pools = pools;
	}

	/** Where the artworks come from, how their refresh goes, and the servers' own pools in use. */
	@ReadOperation
	public ArtworkStatus status() {
		return this.refresher.status().withPools(this.pools.status());
	}

	/**
	 * {@code DELETE /actuator/artwork/image-failures}: forgets the images that failed (the negative cache), so
	 * that they are tried again at once; says how many there were. Anything else after the slash is 404.
	 */
	@DeleteOperation
	public WebEndpointResponse<Map<String, Object>> clear(@Selector String what) {
		if (!IMAGE_FAILURES.equals(what)) {
			return new WebEndpointResponse<>(Map.of("error", "Only " + IMAGE_FAILURES + " can be cleared here."),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(Map.of("clearedImageFailures", this.images.clearFailures()),
				WebEndpointResponse.STATUS_OK);
	}

	static final String IMAGE_FAILURES = "image-failures";

	@WriteOperation
	public WebEndpointResponse<RefreshResult> refresh() {
		RefreshResult result = this.refresher.refreshNow();
		boolean refused = result.outcome() == RefreshResult.Outcome.SKIPPED
				|| result.outcome() == RefreshResult.Outcome.DISABLED;
		return new WebEndpointResponse<>(result, refused ? 409 : WebEndpointResponse.STATUS_OK);
	}

}
