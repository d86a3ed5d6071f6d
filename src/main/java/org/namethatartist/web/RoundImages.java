package org.namethatartist.web;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.image.ArtworkImage;
import org.namethatartist.artwork.image.ArtworkImages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A round's image as both the game and the daily API serve it: the bot's anonymous copy, its type, kept
 * privately by the browser for an hour (a round's image never changes), named {@code artwork.<ext>}; a 503
 * when it could not be had in time, which the pages show as "image unavailable".
 */
final class RoundImages {

	static final String UNAVAILABLE = "The artwork's image is unavailable for this round.";

	/** How long a request waits for an image still being fetched (rare: rounds are prefetched). */
	static final Duration WAIT = Duration.ofSeconds(10);

	static final Duration MAX_AGE = Duration.ofHours(1);

	private RoundImages() {
	}

	/** The image of {@code token}, waiting up to {@link #WAIT} for it; {@link ApiException} 503 without it. */
	static ResponseEntity<byte[]> serve(ArtworkImages images, Token token) {
		ArtworkImage image;
		try {
			image = images.image(token).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiException.unavailable(UNAVAILABLE);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw ApiException.unavailable(UNAVAILABLE);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + image.fileName() + "\"")
			.body(image.bytes());
	}

}
