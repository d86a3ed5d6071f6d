package org.namethatartist.artwork.image;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.MeterRegistry;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkPools;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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

	/**
	 * With {@code prefetch-all}: the whole catalogue and the servers' pools in use once the application is
	 * ready, and again after each refresh and each pool fetched (a fill skips what is cached already).
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> imageCacheFill(ImageProperties properties, ArtworkCatalog catalog,
			ImageCacheFiller filler, ObjectProvider<ArtworkPools> pools) {
		return (ready) -> {
			if (!properties.prefetchAll()) {
				return;
			}
			ArtworkPools servers = pools.getIfAvailable();
			java.util.function.Function<TokenCatalog, List<Token>> everything = (current) -> {
				List<Token> tokens = new java.util.ArrayList<>(current.playable());
				if (servers != null) {
					tokens.addAll(servers.tokensInUse());
				}
				return tokens;
			};
			filler.fill(everything.apply(catalog.current()), "start-up", (progress) -> {
			});
			catalog.onReplace((replaced) -> filler.fill(everything.apply(replaced), "catalogue refresh", (progress) -> {
			}));
			if (servers != null) {
				servers.onFetched(() -> filler.fill(everything.apply(catalog.current()), "artwork pool fetched",
						(progress) -> {
						}));
			}
		};
	}

}
