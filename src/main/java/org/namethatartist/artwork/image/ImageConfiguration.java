package org.namethatartist.artwork.image;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.MeterRegistry;
import org.namethatartist.artwork.ArtworkCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The image pipeline: the cache under {@code <storage.data-dir>/images}, the fetchers' threads, and the
 * background fill after each catalogue refresh ({@code artwork.images.prefetch-all}).
 */
@Configuration(proxyBeanMethods = false)
class ImageConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ImageConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService artworkImageFetchers(ImageProperties properties) {
		AtomicInteger number = new AtomicInteger();
		return Executors.newFixedThreadPool(properties.fetchers(), (task) -> {
			Thread thread = new Thread(task, "artwork-image-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	ArtworkImages artworkImages(ImageProperties properties, ExecutorService artworkImageFetchers,
			MeterRegistry registry, @Value("${storage.data-dir:./data}") Path dataDir) {
		// The plugins (WebP, TwelveMonkeys' JPEG) are found through the context class loader, which in the
		// packaged jar is the one that sees them.
		ImageIO.scanForPlugins();
		ImageIO.setUseCache(false);
		ImageCache cache = new ImageCache(dataDir.resolve("images"), properties.cacheSize().toBytes());
		logger.info("Artwork images: cache {} ({} images, {} MB of {} MB)", cache.dir(), cache.files(),
				cache.bytes() / 1_000_000, properties.cacheSize().toMegabytes());
		return new ArtworkImages(
				new ImageFetcher(RestClient.builder(), properties.connectTimeout(), properties.readTimeout(),
						properties.maxSize().toBytes()),
				new ImageProcessor(properties.maxPixels(), properties.animatedMaxSize().toBytes()), cache,
				artworkImageFetchers, Clock.systemUTC(), properties.failureTtl(), properties.demoMirror(), registry);
	}

	@Bean(destroyMethod = "close")
	ImageCacheFiller imageCacheFiller(ArtworkImages images, ImageProperties properties) {
		return new ImageCacheFiller(images, properties.requestsPerSecond());
	}

	/** With {@code prefetch-all}: the whole catalogue once the application is ready, and after each refresh. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> imageCacheFill(ImageProperties properties, ArtworkCatalog catalog,
			ImageCacheFiller filler) {
		return (ready) -> {
			if (!properties.prefetchAll()) {
				return;
			}
			filler.fill(catalog.current().playable(), "start-up", (progress) -> {
			});
			catalog.onReplace((replaced) -> filler.fill(replaced.playable(), "catalogue refresh", (progress) -> {
			}));
		};
	}

}
