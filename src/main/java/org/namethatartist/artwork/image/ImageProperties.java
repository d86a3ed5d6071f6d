package org.namethatartist.artwork.image;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.namethatartist.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code artwork.images.*} settings: how the bot fetches, makes anonymous and keeps the images rounds
 * show ({@link ArtworkImages}). A bad value stops start-up with one line naming the key.
 *
 * @param cacheSize the most the image cache under {@code <storage.data-dir>/images} holds; the least
 * recently used images go first
 * @param connectTimeout how long connecting to an image's server may take
 * @param readTimeout how long the whole body may take, and the most a server may stay silent
 * @param maxSize the largest body read; a larger one is not an image the bot plays
 * @param maxPixels the most pixels (width × height) an image may declare; more is refused before decoding
 * (a decompression bomb)
 * @param animatedMaxSize the largest animated GIF kept moving; a larger one shows its first frame
 * @param failureTtl how long a source that failed is kept aside before it is tried again
 * @param prefetchAll fetch every playable artwork's image in the background after each catalogue refresh
 * @param requestsPerSecond the pace of that background fetching and of {@code /precache}
 * @param fetchers how many images are fetched at once for games
 * @param demoMirror where the demo catalogue's images are fetched from instead of Wikimedia Commons: an
 * http(s) address ending in {@code /}, to which each Commons file name is added (for a machine without
 * the internet, or a mirror of your own); unset, Commons
 */
@Validated
@ConfigurationProperties("artwork.images")
public record ImageProperties(
		@DefaultValue("1GB") @NotNull DataSize cacheSize,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100, message = "allowed: a duration from 100ms to 60s, such as 5s")
		@DurationMax(seconds = 60, message = "allowed: a duration from 100ms to 60s, such as 5s") Duration connectTimeout,
		@DefaultValue("20s") @NotNull @DurationMin(millis = 100, message = "allowed: a duration from 100ms to 5m, such as 20s")
		@DurationMax(minutes = 5, message = "allowed: a duration from 100ms to 5m, such as 20s") Duration readTimeout,
		@DefaultValue("25MB") @NotNull DataSize maxSize,
		@DefaultValue("50000000") @Min(value = 1_000_000, message = "allowed: a whole number from 1000000 to 200000000")
		@Max(value = 200_000_000, message = "allowed: a whole number from 1000000 to 200000000") long maxPixels,
		@DefaultValue("8MB") @NotNull DataSize animatedMaxSize,
		@DefaultValue("10m") @NotNull @DurationMin(seconds = 1, message = "allowed: a duration of 1s or more, such as 10m") Duration failureTtl,
		@DefaultValue("true") boolean prefetchAll,
		@DefaultValue("2") @DecimalMin(value = "0.1", message = "allowed: a number from 0.1 to 50")
		@DecimalMax(value = "50", message = "allowed: a number from 0.1 to 50") double requestsPerSecond,
		@DefaultValue("4") @Min(value = 1, message = "allowed: a whole number from 1 to 32")
		@Max(value = 32, message = "allowed: a whole number from 1 to 32") int fetchers,
		@Nullable URI demoMirror) {

	public ImageProperties {
		requireAtLeast("artwork.images.cache-size", cacheSize, DataSize.ofMegabytes(10), "10MB");
		requireAtLeast("artwork.images.max-size", maxSize, DataSize.ofKilobytes(64), "64KB");
		requireAtLeast("artwork.images.animated-max-size", animatedMaxSize, DataSize.ofBytes(0), "0B");
		if (demoMirror != null && (!demoMirror.isAbsolute() || demoMirror.getHost() == null
				|| !("https".equals(demoMirror.getScheme()) || "http".equals(demoMirror.getScheme()))
				|| !demoMirror.getPath().endsWith("/"))) {
			throw new InvalidConfigurationException("artwork.images.demo-mirror", demoMirror,
					"allowed: an http or https address ending in /, such as http://127.0.0.1:8099/commons/");
		}
	}

	private static void requireAtLeast(String key, DataSize size, DataSize least, String shown) {
		if (size != null && size.compareTo(least) < 0) {
			throw new InvalidConfigurationException(key, size, "allowed: " + shown + " or more");
		}
	}

}
