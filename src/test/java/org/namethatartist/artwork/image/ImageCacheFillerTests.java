package org.namethatartist.artwork.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.Token;

import static org.assertj.core.api.Assertions.assertThat;

/** The fill of the image cache: what it counts, what it asks the servers for, and when it paces. */
class ImageCacheFillerTests {

	@TempDir
	Path dir;

	private final ImageServer server = new ImageServer();

	private final ExecutorService fetchers = Executors.newFixedThreadPool(2);

	@AfterEach
	void close() {
		this.fetchers.shutdownNow();
		this.server.close();
	}

	private Token token(String path) {
		return new Token(path, "Work", "", null, this.server.url(path), List.of("tz1a"), "tz1a", "KT1test");
	}

	@Test
	void aFillCountsWhatWasCachedFetchedAndFailedAndAsksAgainForNothingKeptAside() throws Exception {
		this.server.serve("/cached.jpg", TestImages.jpeg(100, 80));
		this.server.serve("/new.jpg", TestImages.jpeg(120, 80));
		this.server.route("/broken.jpg", () -> new MockResponse.Builder().code(500).body("no").build());
		ArtworkImages images = ImagePipelines.open(this.dir, 10_000_000, this.fetchers, new SimpleMeterRegistry());
		images.ensure(token("/cached.jpg")).get(5, TimeUnit.SECONDS);
		List<Token> tokens = List.of(token("/cached.jpg"), token("/new.jpg"), token("/broken.jpg"));
		List<ImageCacheFiller.Progress> progress = new CopyOnWriteArrayList<>();
		try (ImageCacheFiller filler = new ImageCacheFiller(images, 50)) {
			filler.fill(tokens, "test", progress::add).get(10, TimeUnit.SECONDS);
			ImageCacheFiller.Progress last = progress.get(progress.size() - 1);
			assertThat(last).isEqualTo(new ImageCacheFiller.Progress(3, 3, 1, 1,
					Map.of(ImageException.Kind.HTTP_STATUS, 1), true));
			assertThat(progress).extracting(ImageCacheFiller.Progress::done).containsExactly(1, 2, 3, 3);

			progress.clear();
			filler.fill(tokens, "again", progress::add).get(10, TimeUnit.SECONDS);
			assertThat(progress.get(progress.size() - 1)).isEqualTo(new ImageCacheFiller.Progress(3, 3, 2, 0,
					Map.of(ImageException.Kind.HTTP_STATUS, 1), true));
		}
		assertThat(this.server.requests("/cached.jpg")).isEqualTo(1);
		assertThat(this.server.requests("/new.jpg")).isEqualTo(1);
		assertThat(this.server.requests("/broken.jpg")).as("kept aside the second time").isEqualTo(1);
	}

}
