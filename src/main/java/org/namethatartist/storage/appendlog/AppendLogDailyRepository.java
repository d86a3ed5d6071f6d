package org.namethatartist.storage.appendlog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.namethatartist.StorageException;
import org.namethatartist.daily.DailyChallenge;
import org.namethatartist.daily.DailyProgress;
import org.namethatartist.daily.DailyRepository;
import org.namethatartist.storage.DailyJson;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.Mutation;
import tools.jackson.databind.JsonNode;

/**
 * Daily challenges and players' progress on the {@code daily} store ({@code daily.json}, which the original
 * bot never reads): {@code challenge:<day>} and {@code progress:<day>:<userId>}, each written through the
 * log (durable before the call returns). A day's challenge is written once: the first save wins.
 */
final class AppendLogDailyRepository implements DailyRepository {

	private final AppendLog<JsonNode> log;

	private final JsonTable table;

	private final DailyJson json;

	private final Object challengeLock = new Object();

	private final Object[] progressLocks = new Object[64];

	AppendLogDailyRepository(AppendLog<JsonNode> log, JsonTable table, DailyJson json) {
		this.log = log;
		this.table = table;
		this.json = json;
		for (int i = 0; i < this.progressLocks.length; i++) {
			this.progressLocks[i] = new Object();
		}
	}

	@Override
	public Optional<DailyChallenge> challenge(LocalDate day) {
		JsonNode stored = this.table.get(challengeKey(day));
		return (stored != null) ? Optional.of(read(stored, this.json::challenge)) : Optional.empty();
	}

	@Override
	public DailyChallenge saveChallenge(DailyChallenge challenge) {
		synchronized (this.challengeLock) {
			Optional<DailyChallenge> saved = challenge(challenge.day());
			if (saved.isPresent()) {
				return saved.get();
			}
			String key = challengeKey(challenge.day());
			JsonNode node = this.json.toJson(challenge);
			this.log.append(new Mutation.Put<>(key, node), () -> this.table.replayPut(key, node));
			return challenge;
		}
	}

	@Override
	public List<DailyChallenge> challenges(LocalDate from, LocalDate to) {
		List<DailyChallenge> found = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			challenge(day).ifPresent(found::add);
		}
		return found;
	}

	@Override
	public Optional<DailyProgress> progress(LocalDate day, String userId) {
		JsonNode stored = this.table.get(progressKey(day, userId));
		return (stored != null) ? Optional.of(read(stored, this.json::progress)) : Optional.empty();
	}

	@Override
	public void saveProgress(DailyProgress progress) {
		String key = progressKey(progress.day(), progress.userId());
		JsonNode node = this.json.toJson(progress);
		this.log.append(new Mutation.Put<>(key, node), () -> this.table.replayPut(key, node));
	}

	/**
	 * Compares and writes under one lock per (day, player) stripe: one process owns the data directory, so
	 * its threads are the only other writers. The stripes keep players apart, so that their writes still
	 * share one fsync (group commit).
	 */
	@Override
	public boolean replaceProgress(DailyProgress expected, DailyProgress next) {
		String key = progressKey(next.day(), next.userId());
		synchronized (this.progressLocks[Math.floorMod(key.hashCode(), this.progressLocks.length)]) {
			if (!Objects.equals(progress(next.day(), next.userId()).orElse(null), expected)) {
				return false;
			}
			saveProgress(next);
			return true;
		}
	}

	/** A scan of the store's entries: linear in the number of (day, player) entries kept. */
	@Override
	public List<DailyProgress> progressOn(LocalDate day) {
		String prefix = "progress:" + day + ":";
		List<DailyProgress> found = new ArrayList<>();
		this.table.forEachEntry((key, value) -> {
			if (key.startsWith(prefix)) {
				found.add(read(value, this.json::progress));
			}
		});
		return found;
	}

	/** A scan of the store's entries: linear in the number of (day, player) entries kept. */
	@Override
	public List<DailyProgress> progressOf(String userId) {
		List<DailyProgress> found = new ArrayList<>();
		this.table.forEachEntry((key, value) -> {
			if (key.startsWith("progress:") && key.endsWith(":" + userId)
					&& key.length() == "progress:".length() + 10 + 1 + userId.length()) {
				found.add(read(value, this.json::progress));
			}
		});
		found.sort(Comparator.comparing(DailyProgress::day));
		return found;
	}

	private static String challengeKey(LocalDate day) {
		return "challenge:" + day;
	}

	private static String progressKey(LocalDate day, String userId) {
		return "progress:" + day + ":" + userId;
	}

	private static <T> T read(JsonNode node, java.util.function.Function<JsonNode, T> reader) {
		try {
			return reader.apply(node);
		}
		catch (IllegalArgumentException ex) {
			throw new StorageException("The daily store holds an entry this version cannot read: " + ex.getMessage(),
					ex);
		}
	}

}
