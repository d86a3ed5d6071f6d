package org.namethatartist.artwork.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a downloaded body into the image players see: told apart by its magic numbers, decoded within a
 * bound on pixels, scaled to at most {@value #LONG_SIDE} px on its long side and encoded again, as JPEG, or
 * as PNG when it really uses transparency. Re-encoding is what removes the metadata: the writers are given
 * pixels only, so EXIF (artist, copyright), XMP, ICC and PNG text chunks never reach the output. An
 * animated GIF small enough is kept moving: its blocks are copied without their comments and foreign
 * application extensions ({@link GifFile}); a larger one becomes its first frame.
 *
 * <p>
 * A decompression bomb (a small file that declares a huge image) is refused from its header, before a
 * pixel is decoded. Large images within the bound are read with subsampling, so memory stays near
 * 4 bytes × (2 × {@value #LONG_SIDE})² whatever the source.
 */
final class ImageProcessor {

	/** The long side of every image served, in pixels. */
	static final int LONG_SIDE = 1280;

	private static final float JPEG_QUALITY = 0.85f;

	private final long maxPixels;

	private final long animatedMaxBytes;

	/**
	 * @param maxPixels the most pixels (width × height) an image may declare
	 * @param animatedMaxBytes the largest animated GIF kept as it is
	 */
	ImageProcessor(long maxPixels, long animatedMaxBytes) {
		this.maxPixels = maxPixels;
		this.animatedMaxBytes = animatedMaxBytes;
	}

	/** @throws ImageException when the body is not a playable image */
	ArtworkImage process(byte[] body) {
		ImageFormat format = ImageFormat.sniff(Arrays.copyOf(body, Math.min(body.length, ImageFormat.SNIFF_BYTES)));
		if (format == ImageFormat.GIF) {
			GifFile gif = GifFile.read(body);
			checkPixels(gif.width, gif.height);
			if (gif.frames == 0) {
				throw new ImageException(ImageException.Kind.UNREADABLE, "the GIF has no frame");
			}
			if (gif.frames > 1 && gif.cleaned.length <= this.animatedMaxBytes) {
				return new ArtworkImage(gif.cleaned, ImageFormat.GIF);
			}
		}
		BufferedImage scaled = scale(decode(body, format), LONG_SIDE);
		try {
			if (usesTransparency(scaled)) {
				return new ArtworkImage(png(scaled), ImageFormat.PNG);
			}
			return new ArtworkImage(jpeg(scaled), ImageFormat.JPEG);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Encoding an image in memory failed", ex);
		}
	}

	private void checkPixels(long width, long height) {
		if (width <= 0 || height <= 0) {
			throw new ImageException(ImageException.Kind.UNREADABLE, "the image declares no pixels (" + width + " × "
					+ height + ")");
		}
		if (width * height > this.maxPixels) {
			throw new ImageException(ImageException.Kind.TOO_MANY_PIXELS, "the image declares " + width + " × " + height
					+ " pixels, more than the " + this.maxPixels + " the bot decodes");
		}
	}

	/** The first image of the body, subsampled when it is much larger than what is served. */
	private BufferedImage decode(byte[] body, ImageFormat format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format + " on the classpath");
		}
		ImageReader reader = readers.next();
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			checkPixels(width, height);
			ImageReadParam param = reader.getDefaultReadParam();
			int step = Math.max(width, height) / (2 * LONG_SIDE);
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			BufferedImage image = reader.read(0, param);
			if (!warnings.isEmpty()) {
				// The JPEG reader fills what a truncated file lacks with grey and only warns: that is damage.
				throw new ImageException(ImageException.Kind.UNREADABLE,
						"the " + format + " is damaged: " + warnings.get(0));
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImageException image) {
				throw image;
			}
			throw new ImageException(ImageException.Kind.UNREADABLE, "the " + format + " does not decode: " + ex.getMessage(),
					ex);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * The image at most {@code longSide} on its long side, halved step by step and then drawn to size with
	 * bilinear filtering, which keeps fine lines from aliasing; in 8-bit RGB, or ARGB when it has alpha.
	 */
	static BufferedImage scale(BufferedImage source, int longSide) {
		int width = source.getWidth();
		int height = source.getHeight();
		double ratio = Math.min(1.0, (double) longSide / Math.max(width, height));
		int targetWidth = Math.max(1, (int) Math.round(width * ratio));
		int targetHeight = Math.max(1, (int) Math.round(height * ratio));
		int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		BufferedImage current = source;
		do {
			int nextWidth = Math.max(targetWidth, current.getWidth() / 2);
			int nextHeight = Math.max(targetHeight, current.getHeight() / 2);
			if (current != source && nextWidth == current.getWidth() && nextHeight == current.getHeight()) {
				break;
			}
			BufferedImage next = new BufferedImage(nextWidth, nextHeight, type);
			Graphics2D g = next.createGraphics();
			try {
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				g.drawImage(current, 0, 0, nextWidth, nextHeight, null);
			}
			finally {
				g.dispose();
			}
			current = next;
		}
		while (current.getWidth() != targetWidth || current.getHeight() != targetHeight);
		return current;
	}

	/** Whether some pixel is not fully opaque. */
	static boolean usesTransparency(BufferedImage image) {
		if (!image.getColorModel().hasAlpha()) {
			return false;
		}
		int[] row = new int[image.getWidth()];
		for (int y = 0; y < image.getHeight(); y++) {
			image.getRGB(0, y, row.length, 1, row, 0, row.length);
			for (int argb : row) {
				if ((argb >>> 24) != 0xFF) {
					return true;
				}
			}
		}
		return false;
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", out)) {
			throw new IllegalStateException("No ImageIO writer for PNG");
		}
		return out.toByteArray();
	}

	/** Baseline JPEG of the RGB pixels, with no metadata given to the writer: it writes only a JFIF header. */
	private static byte[] jpeg(BufferedImage image) throws IOException {
		BufferedImage rgb = image;
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D g = rgb.createGraphics();
			try {
				g.drawImage(image, 0, 0, null);
			}
			finally {
				g.dispose();
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
