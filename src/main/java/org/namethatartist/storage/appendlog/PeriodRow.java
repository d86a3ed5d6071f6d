package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.List;

import org.namethatartist.player.PeriodStats;

/**
 * A {@code periods} store entry: one player's numbers in one period and scope, with what was counted
 * (the newest {@value #GAME_IDS} game ids and every daily day), so a repeated write is recognised.
 */
record PeriodRow(PeriodStats stats, List<String> gameIds, List<String> days) {

	/** Game ids kept per entry: a repeated game end comes right after a restart, never 32 games later. */
	static final int GAME_IDS = 32;

	PeriodRow {
		gameIds = List.copyOf(gameIds);
		days = List.copyOf(days);
	}

	boolean counted(String gameId) {
		return this.gameIds.contains(gameId);
	}

	boolean countedDay(String day) {
		return this.days.contains(day);
	}

	PeriodRow withGame(PeriodStats next, String gameId) {
		List<String> ids = new ArrayList<>(this.gameIds.size() + 1);
		ids.addAll(this.gameIds.subList(Math.max(0, this.gameIds.size() + 1 - GAME_IDS), this.gameIds.size()));
		ids.add(gameId);
		return new PeriodRow(next, ids, this.days);
	}

	PeriodRow withDay(PeriodStats next, String day) {
		List<String> list = new ArrayList<>(this.days);
		list.add(day);
		return new PeriodRow(next, this.gameIds, list);
	}

}
