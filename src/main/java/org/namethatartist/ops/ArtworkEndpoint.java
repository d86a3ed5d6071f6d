package org.namethatartist.ops;

import org.namethatartist.artwork.ArtworkRefreshService;
import org.namethatartist.artwork.ArtworkStatus;
import org.namethatartist.artwork.RefreshResult;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/artwork}: reading gives where the artworks come from and how their refresh goes;
 * writing fetches them now and answers, once it is over, what the refresh did. A refresh takes about a
 * second per request at the default rate, so minutes for a large wallet. When refreshing is off ({@code
 * artwork.source: demo}) or another refresh is running, the write is answered 409 with the reason.
 */
@Component
@Endpoint(id = "artwork")
class ArtworkEndpoint {

	private final ArtworkRefreshService refresher;

	ArtworkEndpoint(ArtworkRefreshService refresher) {
		this.refresher = refresher;
	}

	@ReadOperation
	public ArtworkStatus status() {
		return this.refresher.status();
	}

	@WriteOperation
	public WebEndpointResponse<RefreshResult> refresh() {
		RefreshResult result = this.refresher.refreshNow();
		boolean refused = result.outcome() == RefreshResult.Outcome.SKIPPED
				|| result.outcome() == RefreshResult.Outcome.DISABLED;
		return new WebEndpointResponse<>(result, refused ? 409 : WebEndpointResponse.STATUS_OK);
	}

}
