package org.namethatartist.artwork.image;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images for the pipeline's tests, made here rather than stored: plain ones, and ones that carry the
 * artist's name in their metadata the way real files do (EXIF Artist and Copyright, XMP, PNG tEXt, GIF
 * comments and XMP application blocks).
 */
public final class TestImages {

	private TestImages() {
	}

	/** A gradient, so that encoders have something to encode. */
	public static BufferedImage picture(int width, int height, boolean alpha) {
		BufferedImage image = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(200, 40, 40, alpha ? 90 : 255), width, height,
				new Color(30, 60, 220)));
		g.fillRect(0, 0, width, height);
		g.dispose();
		return image;
	}

	public static byte[] jpeg(int width, int height) {
		return encode(picture(width, height, false), "jpeg");
	}

	public static byte[] png(int width, int height, boolean alpha) {
		return encode(picture(width, height, alpha), "png");
	}

	/** A JPEG whose EXIF names {@code artist} as Artist and in Copyright, with an XMP packet naming it too. */
	public static byte[] jpegWithMetadata(int width, int height, String artist) {
		byte[] plain = jpeg(width, height);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2); // SOI
		writeSegment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(artist)));
		String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
				+ "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>" + artist
				+ "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";
		writeSegment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
				xmp.getBytes(StandardCharsets.UTF_8)));
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A PNG with {@code tEXt} chunks naming the artist (Author, Copyright) right after its header. */
	public static byte[] pngWithText(int width, int height, boolean alpha, String artist) {
		byte[] plain = png(width, height, alpha);
		int afterHeader = 8 + 4 + 4 + 13 + 4;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, afterHeader);
		writeChunk(out, "tEXt", ("Author\0" + artist).getBytes(StandardCharsets.ISO_8859_1));
		writeChunk(out, "tEXt", ("Copyright\0(c) " + artist).getBytes(StandardCharsets.ISO_8859_1));
		out.write(plain, afterHeader, plain.length - afterHeader);
		return out.toByteArray();
	}

	/** A PNG that declares {@code width × height} pixels in its header: the size of a decompression bomb. */
	public static byte[] pngDeclaring(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		writeChunk(out, "IHDR", header.array());
		writeChunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		writeChunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/**
	 * An animated GIF of {@code frames} frames that loops, with a comment naming the artist and an XMP
	 * application block naming them again.
	 */
	public static byte[] animatedGif(int width, int height, int frames, String artist) {
		try {
			ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
				writer.setOutput(stream);
				writer.prepareWriteSequence(null);
				for (int i = 0; i < frames; i++) {
					BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
					Graphics2D g = frame.createGraphics();
					g.setColor(new Color(40 * i % 255, 120, 200));
					g.fillRect(0, 0, width, height);
					g.setColor(Color.WHITE);
					g.fillRect(i * 3 % width, 2, 4, 4);
					g.dispose();
					IIOMetadata metadata = writer.getDefaultImageMetadata(
							ImageTypeSpecifier.createFromRenderedImage(frame), null);
					String format = metadata.getNativeMetadataFormatName();
					IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
					IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
					control.setAttribute("disposalMethod", "none");
					control.setAttribute("userInputFlag", "FALSE");
					control.setAttribute("transparentColorFlag", "FALSE");
					control.setAttribute("delayTime", "10");
					control.setAttribute("transparentColorIndex", "0");
					root.appendChild(control);
					if (i == 0) {
						IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
						IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
						loop.setAttribute("applicationID", "NETSCAPE");
						loop.setAttribute("authenticationCode", "2.0");
						loop.setUserObject(new byte[] { 1, 0, 0 });
						applications.appendChild(loop);
						root.appendChild(applications);
					}
					metadata.setFromTree(format, root);
					writer.writeToSequence(new IIOImage(frame, null, metadata), null);
				}
				writer.endWriteSequence();
			}
			writer.dispose();
			byte[] gif = bytes.toByteArray();
			// Before the trailer: a comment, and an XMP application block ("XMP DataXMP").
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(gif, 0, gif.length - 1);
			byte[] comment = ("Artist: " + artist).getBytes(StandardCharsets.ISO_8859_1);
			out.write(0x21);
			out.write(0xFE);
			out.write(comment.length);
			out.writeBytes(comment);
			out.write(0);
			out.write(0x21);
			out.write(0xFF);
			out.write(11);
			out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
			byte[] xmp = ("<dc:creator>" + artist + "</dc:creator>").getBytes(StandardCharsets.ISO_8859_1);
			out.write(xmp.length);
			out.writeBytes(xmp);
			out.write(0);
			out.write(0x3B);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** No EXIF, XMP, ICC, comment or text chunk, and no trace of the artist's name. */
	public static void assertNoMetadata(byte[] image, String... names) {
		String text = new String(image, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("Exif", "http://ns.adobe.com", "tEXt", "iTXt", "zTXt", "ICC_PROFILE",
				"Artist", "Author", "Copyright");
		for (String name : names) {
			assertThat(text).doesNotContain(name);
		}
		if (image[0] == (byte) 0xFF) {
			// JPEG: besides the JFIF header, no APPn segment and no comment before the first frame.
			for (int i = 2; i + 1 < image.length;) {
				int marker = image[i + 1] & 0xFF;
				if (marker == 0xDA || marker == 0xC0 || marker == 0xC2) {
					break;
				}
				assertThat(marker == 0xE0 || marker < 0xE1 || marker > 0xEF).as("APP%d segment", marker - 0xE0).isTrue();
				assertThat(marker).as("comment segment").isNotEqualTo(0xFE);
				i += 2 + (((image[i + 2] & 0xFF) << 8) | (image[i + 3] & 0xFF));
			}
		}
	}

	static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A little-endian TIFF block with IFD0 holding Artist (0x013B) and Copyright (0x8298). */
	private static byte[] tiff(String artist) {
		byte[] name = (artist + "\0").getBytes(StandardCharsets.ISO_8859_1);
		byte[] copyright = ("(c) " + artist + "\0").getBytes(StandardCharsets.ISO_8859_1);
		int ifd = 8;
		int values = ifd + 2 + 2 * 12 + 4;
		ByteBuffer tiff = ByteBuffer.allocate(values + name.length + copyright.length).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x013B).putShort((short) 2).putInt(name.length).putInt(values);
		tiff.putShort((short) 0x8298).putShort((short) 2).putInt(copyright.length).putInt(values + name.length);
		tiff.putInt(0);
		tiff.put(name).put(copyright);
		return tiff.array();
	}

	private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] data) {
		out.write(0xFF);
		out.write(marker);
		int length = data.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(data);
	}

	private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
