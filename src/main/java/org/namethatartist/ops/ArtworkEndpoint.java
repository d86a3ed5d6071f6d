package org.namethatartist.ops;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.namethatartist.artwork.ArtworkRefreshService;
import org.namethatartist.artwork.ArtworkStatus;
import org.namethatartist.artwork.RefreshResult;
import org.namethatartist.artwork.image.ArtworkImages;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/artwork}: reading gives where the artworks come from and how their refresh goes;
 * writing fetches them now and answers, once it is over, what the refresh did. A refresh takes about a
 * second per request at the default rate, so minutes for a large wallet. When refreshing is off ({@code
 * artwork.source: demo}) or another refresh is running, the write is answered 409 with the reason. A write
 * of {@code {"clearImageFailures": true}} only clears the image pipeline's negative cache.
 */
@Component
@Endpoint(id = "artwork")
class ArtworkEndpoint {

	private final ArtworkRefreshService refresher;

	private final ArtworkImages images;

	ArtworkEndpoint(ArtworkRefreshService refresher, ArtworkImages images) {
		this.refresher = refresher;
		this.images = images;
	}

	@ReadOperation
	public ArtworkStatus status() {
		return this.refresher.status();
	}

	/**
	 * Fetches the artworks now; or, with {@code {"clearImageFailures": true}}, only forgets the images that
	 * failed (the negative cache), so that they are tried again at once, and says how many there were.
	 */
	@WriteOperation
	public WebEndpointResponse<?> refresh(@Nullable Boolean clearImageFailures) {
		if (Boolean.TRUE.equals(clearImageFailures)) {
			return new WebEndpointResponse<>(Map.of("clearedImageFailures", this.images.clearFailures()),
					WebEndpointResponse.STATUS_OK);
		}
		RefreshResult result = this.refresher.refreshNow();
		boolean refused = result.outcome() == RefreshResult.Outcome.SKIPPED
				|| result.outcome() == RefreshResult.Outcome.DISABLED;
		return new WebEndpointResponse<>(result, refused ? 409 : WebEndpointResponse.STATUS_OK);
	}

}
