package org.namethatartist.daily;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The port in memory, for the rules' unit tests (the real backends run {@code DailyRepositoryContract}). */
final class InMemoryDailyRepository implements DailyRepository {

	private final TreeMap<LocalDate, DailyChallenge> challenges = new TreeMap<>();

	private final Map<String, TreeMap<LocalDate, DailyProgress>> progress = new TreeMap<>();

	final AtomicInteger progressWrites = new AtomicInteger();

	@Override
	public synchronized Optional<DailyChallenge> challenge(LocalDate day) {
		return Optional.ofNullable(this.challenges.get(day));
	}

	@Override
	public synchronized DailyChallenge saveChallenge(DailyChallenge challenge) {
		return this.challenges.computeIfAbsent(challenge.day(), (day) -> challenge);
	}

	@Override
	public synchronized List<DailyChallenge> challenges(LocalDate from, LocalDate to) {
		return new ArrayList<>(this.challenges.subMap(from, true, to, true).values());
	}

	@Override
	public synchronized Optional<DailyProgress> progress(LocalDate day, String userId) {
		return Optional.ofNullable(this.progress.getOrDefault(userId, new TreeMap<>()).get(day));
	}

	@Override
	public synchronized void saveProgress(DailyProgress progress) {
		this.progressWrites.incrementAndGet();
		this.progress.computeIfAbsent(progress.userId(), (id) -> new TreeMap<>()).put(progress.day(), progress);
	}

	@Override
	public synchronized boolean replaceProgress(DailyProgress expected, DailyProgress next) {
		if (!java.util.Objects.equals(progress(next.day(), next.userId()).orElse(null), expected)) {
			return false;
		}
		saveProgress(next);
		return true;
	}

	@Override
	public synchronized List<DailyProgress> progressOn(LocalDate day) {
		List<DailyProgress> found = new ArrayList<>();
		this.progress.values().forEach((days) -> {
			if (days.containsKey(day)) {
				found.add(days.get(day));
			}
		});
		return found;
	}

	@Override
	public synchronized List<DailyProgress> progressOf(String userId) {
		return new ArrayList<>(this.progress.getOrDefault(userId, new TreeMap<>()).values());
	}

}
