package org.namethatartist.artwork.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A real HTTP server on the loopback address that serves images, as an IPFS gateway or Wikimedia Commons
 * would: given bodies at given paths, and under {@code /commons/} a JPEG for any file name (a mirror of the
 * demo's images for {@code artwork.images.demo-mirror}). It counts the requests for each path.
 */
public final class ImageServer implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final Map<String, Supplier<MockResponse>> routes = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	public ImageServer() {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				String path = request.getUrl().encodedPath();
				ImageServer.this.requests.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
				Supplier<MockResponse> route = ImageServer.this.routes.get(path);
				if (route != null) {
					return route.get();
				}
				if (path.startsWith("/commons/")) {
					return image(TestImages.jpeg(320 + Math.floorMod(path.hashCode(), 200), 240));
				}
				return new MockResponse.Builder().code(404).body("not found").build();
			}

		});
		try {
			this.server.start(InetAddress.getLoopbackAddress(), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Serves {@code body} at {@code path}, as {@code application/octet-stream} (gateways often do). */
	public ImageServer serve(String path, byte[] body) {
		return route(path, () -> image(body));
	}

	public ImageServer route(String path, Supplier<MockResponse> response) {
		this.routes.put(path, response);
		return this;
	}

	public static MockResponse image(byte[] body) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/octet-stream")
			.body(new Buffer().write(body))
			.build();
	}

	/** The address of {@code path} on this server. */
	public String url(String path) {
		return this.server.url(path).toString();
	}

	/** The address to give {@code artwork.images.demo-mirror}. */
	public String demoMirror() {
		return url("/commons/");
	}

	public int requests(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	public int requests() {
		return this.requests.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
