package org.namethatartist.artwork.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The image pipeline (fetch, check, decode, scale, encode) against a real HTTP server on loopback: every
 * kind of body a gateway may answer, and proof that what comes out carries no metadata.
 */
class ImagePipelineTests {

	private static final String ARTIST = "Leonardo da Vinci";

	private final ImageServer server = new ImageServer();

	private final ImageFetcher fetcher = new ImageFetcher(RestClient.builder(), Duration.ofSeconds(2),
			Duration.ofSeconds(2), 25_000_000);

	private final ImageProcessor processor = new ImageProcessor(50_000_000, 8_000_000);

	@AfterEach
	void close() {
		this.server.close();
	}

	private ArtworkImage pipeline(String path, byte[] body) {
		this.server.serve(path, body);
		return this.processor.process(this.fetcher.fetch(URI.create(this.server.url(path))));
	}

	private ImageException failure(String path) {
		return (ImageException) org.assertj.core.api.Assertions.catchThrowable(
				() -> this.processor.process(this.fetcher.fetch(URI.create(this.server.url(path)))));
	}

	@Test
	void aJpegWithExifAndXmpComesOutScaledAndWithoutAnyOfIt() throws IOException {
		byte[] source = TestImages.jpegWithMetadata(3000, 2000, ARTIST);
		assertThat(latin1(source)).contains("Exif", ARTIST, "http://ns.adobe.com/xap/1.0/");

		ArtworkImage image = pipeline("/ipfs/QmJpeg", source);
		assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
		assertThat(image.fileName()).isEqualTo("artwork.jpg");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
		assertThat(decoded.getWidth()).isEqualTo(1280);
		assertThat(decoded.getHeight()).isEqualTo(853);
		TestImages.assertNoMetadata(image.bytes(), ARTIST);
	}

	@Test
	void anOpaquePngWithTextChunksBecomesAJpegWithoutThem() throws IOException {
		byte[] source = TestImages.pngWithText(400, 300, false, ARTIST);
		assertThat(latin1(source)).contains("tEXt", "Author", ARTIST);
		ArtworkImage image = pipeline("/art.png", source);
		assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
		TestImages.assertNoMetadata(image.bytes(), ARTIST);
		assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(400);
	}

	@Test
	void aPngThatUsesTransparencyStaysAPngWithoutItsTextChunks() throws IOException {
		ArtworkImage image = pipeline("/alpha.png", TestImages.pngWithText(2560, 1000, true, ARTIST));
		assertThat(image.format()).isEqualTo(ImageFormat.PNG);
		assertThat(image.fileName()).isEqualTo("artwork.png");
		TestImages.assertNoMetadata(image.bytes(), ARTIST);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
		assertThat(decoded.getWidth()).isEqualTo(1280);
		assertThat(decoded.getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void aWebpIsDecodedThroughThePlugin() throws IOException {
		byte[] webp;
		try (InputStream in = getClass().getResourceAsStream("/images/python.webp")) {
			webp = in.readAllBytes();
		}
		ArtworkImage image = pipeline("/art.webp", webp);
		assertThat(image.format()).as("the sample uses its alpha channel").isEqualTo(ImageFormat.PNG);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
		assertThat(decoded.getWidth()).isEqualTo(16);
		assertThat(decoded.getHeight()).isEqualTo(16);
	}

	@Test
	void aSmallAnimatedGifKeepsMovingWithoutItsCommentOrXmp() throws IOException {
		byte[] source = TestImages.animatedGif(64, 48, 4, ARTIST);
		assertThat(latin1(source)).contains(ARTIST, "XMP DataXMP", "NETSCAPE2.0");
		ArtworkImage image = pipeline("/anim.gif", source);
		assertThat(image.format()).isEqualTo(ImageFormat.GIF);
		assertThat(latin1(image.bytes())).doesNotContain(ARTIST, "XMP").contains("NETSCAPE2.0");
		assertThat(GifFile.read(image.bytes()).frames).isEqualTo(4);
		assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(64);
	}

	@Test
	void anAnimatedGifOverTheLimitShowsItsFirstFrame() {
		ImageProcessor small = new ImageProcessor(50_000_000, 100);
		ArtworkImage image = small.process(TestImages.animatedGif(64, 48, 4, ARTIST));
		assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
		TestImages.assertNoMetadata(image.bytes(), ARTIST);
	}

	@Test
	void aBodyOverTheLimitIsRefusedWithoutReadingIt() {
		byte[] huge = new byte[30_000_000];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;
		this.server.serve("/huge.jpg", huge);
		assertThat(failure("/huge.jpg").kind()).isEqualTo(ImageException.Kind.TOO_LARGE);
		// Without a Content-Length, the reading stops at the limit too.
		this.server.route("/chunked.jpg", () -> new MockResponse.Builder().code(200)
			.chunkedBody(new Buffer().write(huge), 1 << 20)
			.build());
		ImageException chunked = failure("/chunked.jpg");
		assertThat(chunked.kind()).isEqualTo(ImageException.Kind.TOO_LARGE);
		assertThat(chunked.getMessage()).contains("25000000");
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeader() {
		this.server.serve("/bomb.png", TestImages.pngDeclaring(20_000, 20_000));
		ImageException bomb = failure("/bomb.png");
		assertThat(bomb.kind()).isEqualTo(ImageException.Kind.TOO_MANY_PIXELS);
		assertThat(bomb.getMessage()).contains("20000 × 20000");
	}

	@Test
	void anHtmlPageAVideoOrSvgIsNoPlayableImageWhateverItsContentType() {
		this.server.route("/page", () -> new MockResponse.Builder().code(200).addHeader("Content-Type", "image/jpeg")
			.body("<!DOCTYPE html><html><body>Gateway timeout</body></html>").build());
		ImageException page = failure("/page");
		assertThat(page.kind()).isEqualTo(ImageException.Kind.NOT_AN_IMAGE);
		assertThat(page.getMessage()).contains("an HTML page");

		this.server.serve("/video", concat(new byte[] { 0, 0, 0, 0x20 }, "ftypisom0000".getBytes(StandardCharsets.US_ASCII)));
		assertThat(failure("/video").getMessage()).contains("a video");
		this.server.serve("/svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
		assertThat(failure("/svg").getMessage()).contains("SVG");
	}

	@Test
	void aTruncatedJpegIsDamagedNotHalfGrey() {
		byte[] whole = TestImages.jpeg(800, 600);
		this.server.serve("/cut.jpg", Arrays.copyOf(whole, whole.length / 2));
		assertThat(failure("/cut.jpg").kind()).isEqualTo(ImageException.Kind.UNREADABLE);
	}

	@Test
	void aSlowServerTimesOut() {
		this.server.route("/slow.jpg", () -> new MockResponse.Builder().code(200)
			.body(new Buffer().write(TestImages.jpeg(200, 100)))
			.throttleBody(64, 200, TimeUnit.MILLISECONDS)
			.build());
		this.server.route("/silent.jpg", () -> new MockResponse.Builder().code(200)
			.body(new Buffer().write(TestImages.jpeg(200, 100)))
			.headersDelay(5, TimeUnit.SECONDS)
			.build());
		assertThat(failure("/slow.jpg").kind()).as("trickling past the deadline").isEqualTo(ImageException.Kind.TIMEOUT);
		assertThat(failure("/silent.jpg").kind()).as("silent").isEqualTo(ImageException.Kind.TIMEOUT);
	}

	@Test
	void errorStatusesAndARefusedConnectionAreFailures() {
		this.server.route("/gone", () -> new MockResponse.Builder().code(404).body("no").build());
		this.server.route("/broken", () -> new MockResponse.Builder().code(500).body("oops").build());
		ImageException gone = failure("/gone");
		assertThat(gone.kind()).isEqualTo(ImageException.Kind.HTTP_STATUS);
		assertThat(gone.getMessage()).contains("404");
		assertThat(failure("/broken").getMessage()).contains("500");
		String closed = this.server.url("/x");
		this.server.close();
		assertThatThrownBy(() -> this.fetcher.fetch(URI.create(closed))).isInstanceOf(ImageException.class)
			.extracting((ex) -> ((ImageException) ex).kind())
			.isEqualTo(ImageException.Kind.CONNECTION);
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
