package org.namethatartist.artwork.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served images on disk, one file each, named by the SHA-256 of the source address and the format:
 * {@code 3f2a….jpg}. The name reveals nothing (not the content id, not the title), and the same address
 * always finds the same file.
 *
 * <ul>
 * <li>Bounded by size: past {@code maxBytes}, the least recently used files go first. Use is kept in
 * memory and in each file's modification time, so the order survives a restart.</li>
 * <li>Written atomically: to a temporary file in the same directory, forced to disk, then renamed; a
 * crash leaves the old file or the new one, and stray temporary files are removed at start-up.</li>
 * <li>A damaged file (truncated, or not decoding) is deleted when it is first read, and counts as a
 * miss, so the image is fetched again.</li>
 * </ul>
 */
final class ImageCache {

	private static final Logger logger = LoggerFactory.getLogger(ImageCache.class);

	private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})\\.(jpg|png|gif)");

	private static final String TEMPORARY = ".tmp";

	private final Path dir;

	private final long maxBytes;

	/** Cached files by key, least recently used first. */
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

	private long bytes;

	private record Entry(String key, ImageFormat format, long size, boolean checked) {

		String fileName() {
			return this.key + "." + this.format.extension();
		}

	}

	/** Opens (creating it if needed) the cache in {@code dir}, and evicts down to {@code maxBytes}. */
	ImageCache(Path dir, long maxBytes) {
		this.dir = dir;
		this.maxBytes = maxBytes;
		try {
			Files.createDirectories(dir);
			List<Path> files = new ArrayList<>();
			try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
				listing.forEach(files::add);
			}
			List<Map.Entry<FileTime, Entry>> found = new ArrayList<>();
			for (Path file : files) {
				String name = file.getFileName().toString();
				if (name.endsWith(TEMPORARY)) {
					Files.deleteIfExists(file);
					continue;
				}
				Matcher matcher = NAME.matcher(name);
				if (matcher.matches() && Files.isRegularFile(file)) {
					ImageFormat format = formatOf(matcher.group(2));
					found.add(Map.entry(Files.getLastModifiedTime(file),
							new Entry(matcher.group(1), format, Files.size(file), false)));
				}
			}
			found.sort(Map.Entry.comparingByKey());
			for (Map.Entry<FileTime, Entry> entry : found) {
				Entry previous = this.entries.put(entry.getValue().key(), entry.getValue());
				if (previous != null) {
					// The same source in two formats (a crash between writing one and deleting the other).
					this.bytes -= previous.size();
					delete(previous);
				}
				this.bytes += entry.getValue().size();
			}
			evict();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The image cache " + dir + " could not be opened: " + ex.getMessage(), ex);
		}
	}

	/** The file name's stem for a source address: the SHA-256 of its UTF-8 bytes, in hex. */
	static String key(String source) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	synchronized boolean contains(String source) {
		return this.entries.containsKey(key(source));
	}

	/** The cached image of a source, if there is one and it reads whole; a damaged file is deleted. */
	Optional<ArtworkImage> get(String source) {
		String key = key(source);
		Entry entry;
		synchronized (this) {
			entry = this.entries.get(key);
		}
		if (entry == null) {
			return Optional.empty();
		}
		Path file = this.dir.resolve(entry.fileName());
		byte[] content;
		try {
			content = Files.readAllBytes(file);
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		}
		catch (NoSuchFileException ex) {
			forget(entry);
			return Optional.empty();
		}
		catch (IOException ex) {
			logger.warn("Image cache: {} could not be read ({}); fetching the image again", file, ex.toString());
			forget(entry);
			return Optional.empty();
		}
		String damage = entry.checked() ? endDamage(content, entry.format()) : damage(content, entry.format());
		if (damage != null) {
			logger.warn("Image cache: {} is damaged ({}); deleted, the image is fetched again", file, damage);
			forget(entry);
			return Optional.empty();
		}
		if (!entry.checked()) {
			synchronized (this) {
				this.entries.replace(key, entry, new Entry(key, entry.format(), entry.size(), true));
			}
		}
		return Optional.of(new ArtworkImage(content, entry.format()));
	}

	/** Writes the image of a source, replacing what was there, then evicts down to the bound. */
	void put(String source, ArtworkImage image) {
		String key = key(source);
		Entry entry = new Entry(key, image.format(), image.bytes().length, true);
		Path temporary = this.dir.resolve(entry.fileName() + TEMPORARY);
		Path file = this.dir.resolve(entry.fileName());
		try {
			try (var channel = java.nio.channels.FileChannel.open(temporary, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
				java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(image.bytes());
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ignored) {
				// Removed at the next start-up.
			}
			throw new UncheckedIOException("The image cache could not write " + file + ": " + ex.getMessage(), ex);
		}
		synchronized (this) {
			Entry previous = this.entries.put(key, entry);
			if (previous != null) {
				this.bytes -= previous.size();
				if (previous.format() != entry.format()) {
					delete(previous);
				}
			}
			this.bytes += entry.size();
			evict();
		}
	}

	synchronized int files() {
		return this.entries.size();
	}

	synchronized long bytes() {
		return this.bytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	Path dir() {
		return this.dir;
	}

	private synchronized void forget(Entry entry) {
		if (this.entries.remove(entry.key(), entry)) {
			this.bytes -= entry.size();
		}
		delete(entry);
	}

	/** Least recently used first, down to the bound; one image larger than the bound is not kept at all. */
	private void evict() {
		Iterator<Entry> oldest = this.entries.values().iterator();
		while (this.bytes > this.maxBytes && oldest.hasNext()) {
			Entry entry = oldest.next();
			oldest.remove();
			this.bytes -= entry.size();
			delete(entry);
		}
	}

	private void delete(Entry entry) {
		try {
			Files.deleteIfExists(this.dir.resolve(entry.fileName()));
		}
		catch (IOException ex) {
			logger.warn("Image cache: {} could not be deleted: {}", entry.fileName(), ex.toString());
		}
	}

	private static ImageFormat formatOf(String extension) {
		for (ImageFormat format : ImageFormat.values()) {
			if (format.extension().equals(extension)) {
				return format;
			}
		}
		throw new IllegalArgumentException(extension);
	}

	/** Why a file's bytes are not a whole image of its format: cut short, or not decoding; null when whole. */
	static String damage(byte[] content, ImageFormat format) {
		String end = endDamage(content, format);
		if (end != null) {
			return end;
		}
		try {
			if (format == ImageFormat.GIF) {
				GifFile.read(content);
				return null;
			}
			return (ImageIO.read(new java.io.ByteArrayInputStream(content)) != null) ? null : "it does not decode";
		}
		catch (IOException | RuntimeException ex) {
			return "it does not decode: " + ex.getMessage();
		}
	}

	/** The cheap check, on every read: the right first bytes, and the format's last bytes at the end. */
	private static String endDamage(byte[] content, ImageFormat format) {
		try {
			if (ImageFormat.sniff(java.util.Arrays.copyOf(content, Math.min(content.length, ImageFormat.SNIFF_BYTES))) != format) {
				return "its first bytes are not a " + format;
			}
		}
		catch (ImageException ex) {
			return "its first bytes are not an image";
		}
		boolean whole = switch (format) {
			case JPEG -> endsWith(content, 0xFF, 0xD9);
			case PNG -> endsWith(content, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82);
			case GIF -> endsWith(content, 0x3B);
			case WEBP -> false;
		};
		return whole ? null : "it is cut short";
	}

	private static boolean endsWith(byte[] content, int... tail) {
		if (content.length < tail.length) {
			return false;
		}
		for (int i = 0; i < tail.length; i++) {
			if ((content[content.length - tail.length + i] & 0xFF) != tail[i]) {
				return false;
			}
		}
		return true;
	}

}
