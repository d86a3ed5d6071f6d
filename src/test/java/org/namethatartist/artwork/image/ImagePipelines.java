package org.namethatartist.artwork.image;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.client.RestClient;

/** The image pipeline with application.yml's defaults, for tests and the benchmark outside this package. */
public final class ImagePipelines {

	private ImagePipelines() {
	}

	public static ArtworkImages open(Path cacheDir, long cacheBytes, ExecutorService fetchers, MeterRegistry registry) {
		return new ArtworkImages(
				new ImageFetcher(RestClient.builder(), Duration.ofSeconds(5), Duration.ofSeconds(20), 25_000_000),
				new ImageProcessor(50_000_000, 8_000_000), new ImageCache(cacheDir, cacheBytes), fetchers,
				Clock.systemUTC(), Duration.ofMinutes(10), null, registry);
	}

}
