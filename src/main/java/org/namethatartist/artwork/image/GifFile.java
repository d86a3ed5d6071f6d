package org.namethatartist.artwork.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A GIF read block by block, as the GIF89a specification lays it out, without decoding a pixel: its
 * size, its number of frames, and a copy with every block that could carry words removed. Kept are the
 * header, the colour tables, the frames, their graphic control extensions (delays, transparency) and the
 * looping extension ({@code NETSCAPE2.0} or {@code ANIMEXTS1.0}). Dropped are comment extensions,
 * plain-text extensions and every other application extension (XMP is one, {@code XMP DataXMP}; ICC
 * profiles another). A body that ends before the trailer, or whose blocks run past its end, is
 * damaged.
 */
final class GifFile {

	final int width;

	final int height;

	final int frames;

	/** The file without its comments, texts and foreign application blocks. */
	final byte[] cleaned;

	private GifFile(int width, int height, int frames, byte[] cleaned) {
		this.width = width;
		this.height = height;
		this.frames = frames;
		this.cleaned = cleaned;
	}

	private static final int EXTENSION = 0x21;

	private static final int IMAGE = 0x2C;

	private static final int TRAILER = 0x3B;

	private static final int GRAPHIC_CONTROL = 0xF9;

	private static final int APPLICATION = 0xFF;

	/** @throws ImageException ({@link ImageException.Kind#UNREADABLE}) when the blocks do not add up */
	static GifFile read(byte[] gif) {
		Reader in = new Reader(gif);
		ByteArrayOutputStream out = new ByteArrayOutputStream(gif.length);
		in.copy(out, 6); // GIF87a or GIF89a
		int width = in.byteAt(0) | (in.byteAt(1) << 8);
		int height = in.byteAt(2) | (in.byteAt(3) << 8);
		int screen = in.byteAt(4);
		in.copy(out, 7);
		if ((screen & 0x80) != 0) {
			in.copy(out, 3 * (1 << ((screen & 0x07) + 1)));
		}
		int frames = 0;
		while (true) {
			int block = in.next();
			if (block == TRAILER) {
				out.write(TRAILER);
				return new GifFile(width, height, frames, out.toByteArray());
			}
			if (block == IMAGE) {
				out.write(IMAGE);
				int descriptor = in.byteAt(8);
				in.copy(out, 9);
				if ((descriptor & 0x80) != 0) {
					in.copy(out, 3 * (1 << ((descriptor & 0x07) + 1)));
				}
				in.copy(out, 1); // LZW minimum code size
				in.subBlocks(out);
				frames++;
			}
			else if (block == EXTENSION) {
				int label = in.next();
				if (label == GRAPHIC_CONTROL || (label == APPLICATION && isLooping(in))) {
					out.write(EXTENSION);
					out.write(label);
					in.subBlocks(out);
				}
				else {
					in.subBlocks(null);
				}
			}
			else {
				throw damaged("an unknown block 0x" + Integer.toHexString(block) + " at byte " + (in.position - 1));
			}
		}
	}

	/** Whether the application extension starting here is the looping one every browser knows. */
	private static boolean isLooping(Reader in) {
		if (in.byteAt(0) != 11 || !in.has(12)) {
			return false;
		}
		String id = new String(in.bytes, in.position + 1, 11, StandardCharsets.US_ASCII);
		return id.equals("NETSCAPE2.0") || id.equals("ANIMEXTS1.0");
	}

	private static ImageException damaged(String what) {
		return new ImageException(ImageException.Kind.UNREADABLE, "the GIF is damaged: " + what);
	}

	private static final class Reader {

		final byte[] bytes;

		int position;

		Reader(byte[] bytes) {
			this.bytes = bytes;
		}

		boolean has(int count) {
			return this.position + count <= this.bytes.length;
		}

		int byteAt(int offset) {
			if (!has(offset + 1)) {
				throw damaged("it ends early, at byte " + this.bytes.length);
			}
			return this.bytes[this.position + offset] & 0xFF;
		}

		int next() {
			int value = byteAt(0);
			this.position++;
			return value;
		}

		void copy(ByteArrayOutputStream out, int count) {
			if (!has(count)) {
				throw damaged("it ends early, at byte " + this.bytes.length);
			}
			out.write(this.bytes, this.position, count);
			this.position += count;
		}

		/** Data sub-blocks up to their terminator, copied to {@code out}, or skipped when it is null. */
		void subBlocks(ByteArrayOutputStream out) {
			while (true) {
				int size = next();
				if (!has(size)) {
					throw damaged("a block runs past the end, at byte " + this.position);
				}
				if (out != null) {
					out.write(size);
					out.write(this.bytes, this.position, size);
				}
				this.position += size;
				if (size == 0) {
					return;
				}
			}
		}

	}

}
