package org.namethatartist.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.namethatartist.artwork.ArtistInfo;
import org.namethatartist.artwork.ArtistProfile;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.artwork.image.ArtworkImages;
import org.namethatartist.artwork.image.ImagePipelines;
import org.namethatartist.artwork.image.ImageServer;
import org.namethatartist.game.ArtworkRoundImages;
import org.namethatartist.game.DurationRange;
import org.namethatartist.game.ExecutorGameScheduler;
import org.namethatartist.game.GameEvent;
import org.namethatartist.game.GameOptions;
import org.namethatartist.game.GameProperties;
import org.namethatartist.game.GameService;
import org.namethatartist.game.IntRange;
import org.namethatartist.game.Player;
import org.namethatartist.game.RoundImages;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.FsyncPolicy;
import org.namethatartist.storage.log.LogOptions;

/**
 * The {@code images} part: the image pipeline (fair play), three runs of each figure.
 * <ul>
 * <li>{@code image_fetch_resize_p50_ms}: one 4 MB JPEG (2,800 × 2,100 px of noise, quality 0.95) fetched
 * from a local HTTP server, decoded, scaled to 1,280 px, encoded and written to the cache; p50 of
 * {@value #FETCHES} images, each at a new address;</li>
 * <li>{@code image_round_hit_rate}: over a 20-round game (start delay, rounds and pauses of 1 s) whose
 * images come from a server answering after {@value #GATEWAY_MS} ms, the share of rounds whose own image
 * was in the cache when the round opened (what Discord's renderer reads); with no fill beforehand, so it
 * measures the game's own prefetch. {@code image_round_replaced} counts the rounds whose artwork was drawn
 * again for want of its image.</li>
 * </ul>
 * Run alone with {@code ./mvnw -B -Pbench verify -Dbench.only=images}.
 */
final class ImagesBench {

	static final int FETCHES = 20;

	static final int GATEWAY_MS = 300;

	private static final int ROUNDS = 20;

	private final Path work;

	ImagesBench(Path work) {
		this.work = work;
	}

	void run(Results results) throws Exception {
		byte[] jpeg = noiseJpeg(2800, 2100, 0.95f, 11);
		System.out.printf("  source JPEG: %,d bytes%n", jpeg.length);
		double[] p50 = new double[Results.RUNS];
		double[] hitRate = new double[Results.RUNS];
		double[] replaced = new double[Results.RUNS];
		ExecutorService fetchers = Executors.newFixedThreadPool(4);
		try (ImageServer server = new ImageServer()) {
			for (int run = 0; run < Results.RUNS; run++) {
				p50[run] = fetchAndResize(server, jpeg, run);
				double[] game = game(server, jpeg, run, fetchers);
				hitRate[run] = game[0];
				replaced[run] = game[1];
			}
		}
		finally {
			fetchers.shutdownNow();
		}
		put(results, "image_fetch_resize_p50_ms", p50);
		put(results, "image_round_hit_rate", hitRate);
		put(results, "image_round_replaced", replaced);
		results.note("`image_fetch_resize_p50_ms`: a " + jpeg.length + "-byte JPEG (2,800 × 2,100 px of noise) from a "
				+ "local HTTP server, decoded, scaled to 1,280 px, encoded, cached; p50 of " + FETCHES + " new addresses. "
				+ "`image_round_hit_rate`: rounds of a 20-round game (1 s start delay, rounds and pauses) whose own image "
				+ "was cached when they opened, the images served after " + GATEWAY_MS + " ms; `image_round_replaced`: "
				+ "rounds drawn again for want of an image.");
	}

	private double fetchAndResize(ImageServer server, byte[] jpeg, int run) throws Exception {
		Path dir = Files.createDirectories(this.work.resolve("images-" + run));
		ExecutorService fetchers = Executors.newFixedThreadPool(1);
		try {
			ArtworkImages images = ImagePipelines.open(dir, 1L << 30, fetchers, new SimpleMeterRegistry());
			Samples samples = new Samples(FETCHES);
			for (int i = -3; i < FETCHES; i++) {
				String path = "/bench/" + run + "/" + i + ".jpg";
				server.serve(path, jpeg);
				Token token = token(server, path, 0);
				long start = System.nanoTime();
				images.image(token).get(60, TimeUnit.SECONDS);
				if (i >= 0) {
					samples.add(System.nanoTime() - start);
				}
			}
			return samples.percentileMicros(50) / 1000.0;
		}
		finally {
			fetchers.shutdownNow();
			Bench.deleteTree(dir);
		}
	}

	/** {hit rate, rounds replaced} of one 20-round game. */
	private double[] game(ImageServer server, byte[] jpeg, int run, ExecutorService fetchers) throws Exception {
		Path dir = Files.createDirectories(this.work.resolve("image-game-" + run));
		List<Token> tokens = new ArrayList<>();
		Map<String, ArtistInfo> artists = new LinkedHashMap<>();
		for (int a = 0; a < 6; a++) {
			artists.put(artist(a), new ArtistInfo("Artist " + a, true, new ArtistProfile(null, "Artist " + a, null, null),
					null, null));
		}
		for (int t = 0; t < 60; t++) {
			String path = "/game/" + run + "/" + t + ".jpg";
			server.route(path, () -> new MockResponse.Builder().code(200)
				.body(new Buffer().write(jpeg))
				.headersDelay(GATEWAY_MS, TimeUnit.MILLISECONDS)
				.build());
			tokens.add(token(server, path, t));
		}
		ArtworkCatalog catalog = new ArtworkCatalog(
				TokenCatalog.of("bench", new TokenDocument("2026-12-05T00:00:00.000Z", tokens.size(), tokens, artists), true));
		ArtworkImages images = ImagePipelines.open(dir.resolve("images"), 1L << 30, fetchers, new SimpleMeterRegistry());
		GameProperties properties = new GameProperties(ROUNDS, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 4, 100, Duration.ofMinutes(10), 10, 0, new GameProperties.Limits(new IntRange(1, 50),
						DurationRange.valueOf("1s..60s"), DurationRange.valueOf("1s..60s")));
		AtomicInteger hits = new AtomicInteger();
		AtomicInteger rounds = new AtomicInteger();
		AtomicInteger replaced = new AtomicInteger();
		CountDownLatch over = new CountDownLatch(1);
		try (AppendLogStores stores = AppendLogStores.open(dir.resolve("data"), LogOptions.defaults().withFsync(FsyncPolicy.NEVER));
				ExecutorGameScheduler scheduler = new ExecutorGameScheduler(Clock.systemUTC(), 2)) {
			GameService games = new GameService(properties, catalog, stores.players(), stores.periods(),
					stores.gameStates(), scheduler, new Random(70 + run));
			RoundImages port = new ArtworkRoundImages(images);
			games.useImages(new RoundImages() {

				@Override
				public void prefetch(Token token) {
					port.prefetch(token);
				}

				@Override
				public Optional<String> notReady(Token token) {
					return port.notReady(token);
				}

				@Override
				public boolean pending(Token token) {
					return port.pending(token);
				}

				@Override
				public void replaced(Token dropped, Token instead, String reason) {
					replaced.incrementAndGet();
					port.replaced(dropped, instead, reason);
				}

			});
			games.addListener((event) -> {
				if (event instanceof GameEvent.RoundStarted started) {
					rounds.incrementAndGet();
					if (images.cached(started.round().token()).isPresent()) {
						hits.incrementAndGet();
					}
				}
				else if (event instanceof GameEvent.GameEnded) {
					over.countDown();
				}
			});
			games.start("bench-" + run, null, new Player("bench", "Bench"), new GameOptions(ROUNDS, null, null));
			if (!over.await(2, TimeUnit.MINUTES)) {
				throw new IllegalStateException("the 20-round game did not end");
			}
		}
		finally {
			Bench.deleteTree(dir);
		}
		System.out.printf("  image game run %d: %d rounds, %d with their image cached, %d replaced%n", run, rounds.get(),
				hits.get(), replaced.get());
		return new double[] { (double) hits.get() / rounds.get(), replaced.get() };
	}

	private static String artist(int a) {
		return "tz1Artist" + a + "xxxxxxxxxxxxxxxxxxxxxxxxxxxx";
	}

	private static Token token(ImageServer server, String path, int t) {
		String artist = artist(t % 6);
		return new Token(path, "Work " + t, "", null, server.url(path), List.of(artist), artist, "KT1BenchContract");
	}

	static byte[] noiseJpeg(int width, int height, float quality, long seed) throws Exception {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				// Smooth gradients plus noise: a photograph's worth of detail.
				int r = (x * 255 / width + random.nextInt(40)) & 0xFF;
				int g = (y * 255 / height + random.nextInt(40)) & 0xFF;
				int b = ((x + y) * 255 / (width + height) + random.nextInt(40)) & 0xFF;
				image.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		writer.dispose();
		return out.toByteArray();
	}

	private static void put(Results results, String key, double[] values) {
		results.put(key, values);
		System.out.printf("  %-40s %12s   runs %s%n", key, Report.format(results.get(key)), Report.formatRuns(values));
	}

}
