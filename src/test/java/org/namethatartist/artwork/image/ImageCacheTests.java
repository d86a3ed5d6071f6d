package org.namethatartist.artwork.image;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.DemoTokens;
import org.namethatartist.artwork.Token;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The disk cache and the service in front of it: names, bounds, restarts, damage, one fetch per image. */
class ImageCacheTests {

	@TempDir
	Path dir;

	private final ImageServer server = new ImageServer();

	private final ExecutorService fetchers = Executors.newFixedThreadPool(4);

	@AfterEach
	void close() {
		this.fetchers.shutdownNow();
		this.server.close();
	}

	private ArtworkImages images(long cacheBytes) {
		return images(cacheBytes, null);
	}

	private ArtworkImages images(long cacheBytes, URI demoMirror) {
		return new ArtworkImages(
				new ImageFetcher(RestClient.builder(), Duration.ofSeconds(2), Duration.ofSeconds(5), 25_000_000),
				new ImageProcessor(50_000_000, 8_000_000), new ImageCache(this.dir, cacheBytes), this.fetchers,
				Clock.systemUTC(), Duration.ofMinutes(10), demoMirror, new SimpleMeterRegistry());
	}

	private Token token(String path) {
		return new Token(path, "Self-portrait with Bandaged Ear", "", null, this.server.url(path), List.of("tz1a"), "tz1a",
				"KT1test");
	}

	@Test
	void filesAreNamedByAHashOfTheAddressAndRevealNothing() throws Exception {
		this.server.serve("/ipfs/QmSecretCid", TestImages.jpeg(300, 200));
		ArtworkImages images = images(10_000_000);
		Token token = token("/ipfs/QmSecretCid");
		ArtworkImage image = images.image(token).get(5, TimeUnit.SECONDS);
		List<String> names = names();
		assertThat(names).containsExactly(ImageCache.key(this.server.url("/ipfs/QmSecretCid")) + ".jpg");
		assertThat(names.get(0)).matches("[0-9a-f]{64}\\.jpg").doesNotContain("Qm", "Bandaged");
		assertThat(images.notReady(token)).isEmpty();
		assertThat(images.cached(token).orElseThrow().bytes()).isEqualTo(image.bytes());
		assertThat(images.status().hits()).isEqualTo(1);
		assertThat(images.status().misses()).isEqualTo(1);
	}

	@Test
	void ensuringAnImageAlreadyCachedReadsNothingWhileShowingItReadsAndChecksIt() throws Exception {
		this.server.serve("/a.jpg", TestImages.jpeg(300, 200));
		ArtworkImages images = images(10_000_000);
		Token token = token("/a.jpg");
		images.ensure(token).get(5, TimeUnit.SECONDS);
		Path file = this.dir.resolve(ImageCache.key(this.server.url("/a.jpg")) + ".jpg");
		byte[] whole = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(whole, 10));
		// The cut is not seen: ensuring does not open the file (a fill of the whole cache costs no reads).
		images.ensure(token).get(5, TimeUnit.SECONDS);
		assertThat(this.server.requests("/a.jpg")).isEqualTo(1);
		assertThat(images.status().hits()).isZero();
		// Showing it reads it, finds the damage, and fetches it again.
		assertThat(images.cached(token)).isEmpty();
		assertThat(images.image(token).get(5, TimeUnit.SECONDS).bytes()).isEqualTo(whole);
		assertThat(this.server.requests("/a.jpg")).isEqualTo(2);
	}

	@Test
	void concurrentRequestsForOneImageMakeOneFetch() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.server.route("/slow.jpg", () -> {
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return ImageServer.image(TestImages.jpeg(200, 100));
		});
		ArtworkImages images = images(10_000_000);
		Token token = token("/slow.jpg");
		List<CompletableFuture<ArtworkImage>> waiting = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			waiting.add(images.image(token));
		}
		assertThat(images.notReady(token)).contains("its image is still being fetched");
		release.countDown();
		for (CompletableFuture<ArtworkImage> each : waiting) {
			assertThat(each.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(waiting.get(0).get().bytes());
		}
		assertThat(this.server.requests("/slow.jpg")).isEqualTo(1);
	}

	@Test
	void theLeastRecentlyUsedGoFirstWhenTheCacheIsFull() throws Exception {
		List<Token> tokens = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			this.server.serve("/" + i + ".png", TestImages.png(300, 300, true));
			tokens.add(token("/" + i + ".png"));
		}
		long size = images(100_000_000).image(tokens.get(0)).get(5, TimeUnit.SECONDS).bytes().length;
		Files.list(this.dir).forEach((file) -> file.toFile().delete());
		// Room for three images of this size.
		ArtworkImages images = images(size * 3 + size / 2);
		for (int i = 0; i < 3; i++) {
			images.image(tokens.get(i)).get(5, TimeUnit.SECONDS);
		}
		images.image(tokens.get(0)).get(5, TimeUnit.SECONDS); // used again: 1 is now the oldest
		images.image(tokens.get(3)).get(5, TimeUnit.SECONDS);
		assertThat(images.notReady(tokens.get(1))).isPresent();
		assertThat(images.notReady(tokens.get(0))).isEmpty();
		assertThat(images.notReady(tokens.get(2))).isEmpty();
		assertThat(images.notReady(tokens.get(3))).isEmpty();
		assertThat(names()).hasSize(3);
		assertThat(images.status().bytes()).isLessThanOrEqualTo(size * 3 + size / 2);
	}

	@Test
	void theCacheSurvivesARestartAndADamagedFileIsFetchedAgain() throws Exception {
		this.server.serve("/a.jpg", TestImages.jpeg(300, 200));
		this.server.serve("/b.jpg", TestImages.jpeg(320, 200));
		ArtworkImages first = images(10_000_000);
		first.image(token("/a.jpg")).get(5, TimeUnit.SECONDS);
		first.image(token("/b.jpg")).get(5, TimeUnit.SECONDS);
		// A crash mid-write leaves a temporary file; a disk error cuts another short.
		Files.write(this.dir.resolve("0".repeat(64) + ".jpg.tmp"), new byte[] { 1, 2, 3 });
		Path b = this.dir.resolve(ImageCache.key(this.server.url("/b.jpg")) + ".jpg");
		byte[] whole = Files.readAllBytes(b);
		Files.write(b, Arrays.copyOf(whole, whole.length - 100));

		ArtworkImages again = images(10_000_000);
		assertThat(again.status().files()).isEqualTo(2);
		assertThat(names()).noneMatch((name) -> name.endsWith(".tmp"));
		assertThat(again.image(token("/a.jpg")).get(5, TimeUnit.SECONDS)).isNotNull();
		assertThat(this.server.requests("/a.jpg")).as("served from the disk").isEqualTo(1);
		assertThat(again.image(token("/b.jpg")).get(5, TimeUnit.SECONDS).bytes()).isEqualTo(whole);
		assertThat(this.server.requests("/b.jpg")).as("the damaged file fetched again").isEqualTo(2);
		assertThat(ImageCache.damage(Files.readAllBytes(b), ImageFormat.JPEG)).isNull();
	}

	@Test
	void aFailedSourceIsKeptAsideUntilTheFailuresAreCleared() throws Exception {
		this.server.route("/flaky.jpg", () -> new MockResponse.Builder().code(502).body("bad gateway").build());
		ArtworkImages images = images(10_000_000);
		Token token = token("/flaky.jpg");
		assertThatThrownBy(() -> images.image(token).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ImageException.class);
		assertThat(images.notReady(token)).contains("the server answered 502");
		assertThatThrownBy(() -> images.image(token).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ImageException.class);
		assertThat(this.server.requests("/flaky.jpg")).as("not asked again").isEqualTo(1);
		assertThat(images.status().failing()).isEqualTo(1);
		assertThat(images.status().lastFailures()).extracting(ArtworkImages.Failure::kind)
			.containsExactly(ImageException.Kind.HTTP_STATUS);

		assertThat(images.status().warning()).as("one failure is no trend").isNull();
		for (int i = 0; i < ArtworkImages.WARN_AFTER_FAILURES; i++) {
			String path = "/gone-" + i + ".jpg";
			this.server.route(path, () -> new MockResponse.Builder().code(404).body("gone").build());
			assertThatThrownBy(() -> images.image(token(path)).get(5, TimeUnit.SECONDS))
				.hasCauseInstanceOf(ImageException.class);
		}
		assertThat(images.status().warning()).startsWith("the last 11 images could not be fetched (the server answered 404)");

		this.server.serve("/flaky.jpg", TestImages.jpeg(100, 100));
		assertThat(images.clearFailures()).isEqualTo(11);
		assertThat(images.image(token).get(5, TimeUnit.SECONDS).format()).isEqualTo(ImageFormat.JPEG);
		assertThat(this.server.requests("/flaky.jpg")).isEqualTo(2);
		assertThat(images.status().warning()).as("a fetch that works ends the streak").isNull();
	}

	@Test
	void aTokenWithoutAnImageOrWithOnlyThePlaceholderHasNone() {
		ArtworkImages images = images(10_000_000);
		Token none = new Token("1", "x", "", null, null, List.of("tz1a"), "tz1a", "KT1test");
		Token placeholder = new Token("2", "x", "", "https://ipfs.io/ipfs/" + Token.PLACEHOLDER_CID, null,
				List.of("tz1a"), "tz1a", "KT1test");
		assertThat(images.source(none)).isNull();
		assertThat(images.source(placeholder)).isNull();
		assertThatThrownBy(() -> images.image(none).join()).hasCauseInstanceOf(ImageException.class);
		assertThat(this.server.requests()).isZero();
	}

	@Test
	void theDemoMirrorServesTheCommonsFileByItsName() throws Exception {
		ArtworkImages images = images(10_000_000, URI.create(this.server.demoMirror()));
		Token demo = new Token("Mona_Lisa,_by_Leonardo.jpg", "Mona Lisa", "", "https://commons.wikimedia.org/x",
				"https://commons.wikimedia.org/y", List.of("demo:leonardo"), "demo:leonardo", DemoTokens.CONTRACT);
		assertThat(images.source(demo)).isEqualTo(this.server.demoMirror() + "Mona_Lisa%2C_by_Leonardo.jpg");
		assertThat(images.image(demo).get(5, TimeUnit.SECONDS).format()).isEqualTo(ImageFormat.JPEG);
		assertThat(this.server.requests("/commons/Mona_Lisa%2C_by_Leonardo.jpg")).isEqualTo(1);
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
