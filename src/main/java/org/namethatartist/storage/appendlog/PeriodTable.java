package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.namethatartist.player.PeriodEntry;
import org.namethatartist.player.PeriodSort;
import org.namethatartist.storage.log.StoreState;

/**
 * The {@code periods} store in memory, grouped by board: key {@code <period>/<scope>/<userId>} where the
 * scope is {@code *} (global) or a guild id. Only players who did something in a period have an entry
 * in it.
 */
final class PeriodTable implements StoreState<PeriodRow> {

	static final String GLOBAL = "*";

	private final Map<String, Map<String, PeriodRow>> boards = new ConcurrentHashMap<>();

	static String key(String periodId, String guildId, String userId) {
		return board(periodId, guildId) + "/" + userId;
	}

	static String board(String periodId, String guildId) {
		return periodId + "/" + ((guildId != null) ? guildId : GLOBAL);
	}

	private static int boardEnd(String key) {
		int first = key.indexOf('/');
		int second = (first < 0) ? -1 : key.indexOf('/', first + 1);
		if (second < 0) {
			throw new IllegalArgumentException("a period key is <period>/<scope>/<userId>, not " + key);
		}
		return second;
	}

	@Override
	public void replayPut(String key, PeriodRow value) {
		int end = boardEnd(key);
		this.boards.computeIfAbsent(key.substring(0, end), (b) -> new ConcurrentHashMap<>())
			.put(key.substring(end + 1), value);
	}

	@Override
	public void replayRemove(String key) {
		int end = boardEnd(key);
		Map<String, PeriodRow> board = this.boards.get(key.substring(0, end));
		if (board != null) {
			board.remove(key.substring(end + 1));
		}
	}

	PeriodRow get(String board, String userId) {
		Map<String, PeriodRow> rows = this.boards.get(board);
		return (rows != null) ? rows.get(userId) : null;
	}

	/** The whole board, ranked: value first, then user id for a stable order among ties. */
	List<PeriodEntry> ranked(String board, PeriodSort sort) {
		Map<String, PeriodRow> rows = this.boards.get(board);
		if (rows == null) {
			return List.of();
		}
		List<PeriodRow> list = new ArrayList<>(rows.values());
		list.sort(Comparator.comparingLong((PeriodRow r) -> sort.valueOf(r.stats())).reversed()
			.thenComparing((PeriodRow r) -> r.stats().userId()));
		List<PeriodEntry> entries = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			entries.add(new PeriodEntry(i + 1, list.get(i).stats(), sort.valueOf(list.get(i).stats())));
		}
		return entries;
	}

	/** Every entry: its period id, its server (null for the global board) and its row. */
	void forEach(EntryVisitor visitor) {
		this.boards.forEach((board, rows) -> {
			int slash = board.indexOf('/');
			String scope = board.substring(slash + 1);
			String guildId = GLOBAL.equals(scope) ? null : scope;
			rows.values().forEach((row) -> visitor.visit(board.substring(0, slash), guildId, row));
		});
	}

	@FunctionalInterface
	interface EntryVisitor {

		void visit(String periodId, String guildId, PeriodRow row);

	}

	long size() {
		return this.boards.values().stream().mapToLong(Map::size).sum();
	}

	@Override
	public void forEachEntry(BiConsumer<String, PeriodRow> action) {
		this.boards.forEach((board, rows) -> rows.forEach((userId, row) -> action.accept(board + "/" + userId, row)));
	}

}
