package org.namethatartist.artwork.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Downloads an image's bytes through Spring's {@link RestClient}, within bounds: a connect timeout, a
 * deadline for the whole body (a gateway trickling a byte a second is cut off, as is one that stops), and a
 * most bytes read (the rest is never read). Any status but 2xx is a failure; what the server says the body
 * is, is ignored ({@link ImageFormat#sniff} decides).
 */
final class ImageFetcher {

	private final RestClient client;

	private final Duration readTimeout;

	private final long maxBytes;

	ImageFetcher(RestClient.Builder builder, Duration connectTimeout, Duration readTimeout, long maxBytes) {
		// HttpURLConnection's read timeout applies to every read, so a server that stops sending is cut off
		// even mid-body; the whole-body deadline is checked between reads.
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(connectTimeout);
		factory.setReadTimeout(readTimeout);
		this.client = builder.requestFactory(factory)
			.defaultHeader("User-Agent", "NameThatArtist (Discord game bot)")
			.defaultHeader("Accept", "image/*")
			.build();
		this.readTimeout = readTimeout;
		this.maxBytes = maxBytes;
	}

	/** @throws ImageException when the body cannot be had, whole, in time */
	byte[] fetch(URI source) {
		long deadline = System.nanoTime() + this.readTimeout.toNanos();
		try {
			return this.client.get().uri(source).exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (!status.is2xxSuccessful()) {
					throw new ImageException(ImageException.Kind.HTTP_STATUS, "the server answered " + status.value());
				}
				long declared = response.getHeaders().getContentLength();
				if (declared > this.maxBytes) {
					throw tooLarge();
				}
				return read(response.getBody(), deadline);
			});
		}
		catch (ImageException ex) {
			throw ex;
		}
		catch (ResourceAccessException ex) {
			if (ex.getCause() instanceof SocketTimeoutException) {
				throw new ImageException(ImageException.Kind.TIMEOUT, "no answer in time: " + ex.getCause().getMessage(), ex);
			}
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new ImageException(ImageException.Kind.CONNECTION, "could not be fetched: " + cause, ex);
		}
		catch (RuntimeException ex) {
			throw new ImageException(ImageException.Kind.CONNECTION, "could not be fetched: " + ex, ex);
		}
	}

	private byte[] read(InputStream body, long deadline) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = body.read(buffer)) != -1) {
			total += n;
			if (total > this.maxBytes) {
				throw tooLarge();
			}
			out.write(buffer, 0, n);
			if (System.nanoTime() - deadline > 0) {
				throw new ImageException(ImageException.Kind.TIMEOUT, "the body took longer than "
						+ this.readTimeout.toSeconds() + " s (" + total + " bytes read)");
			}
		}
		return out.toByteArray();
	}

	private ImageException tooLarge() {
		return new ImageException(ImageException.Kind.TOO_LARGE, "the body is larger than " + this.maxBytes + " bytes");
	}

}
