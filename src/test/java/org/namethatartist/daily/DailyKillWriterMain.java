package org.namethatartist.daily;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.DemoCatalogue;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.storage.appendlog.AppendLogStores;
import org.namethatartist.storage.log.LogOptions;

/**
 * The child of {@link DailyKillTests}: plays today's challenge for one new player after another on the
 * append log (fsync on every write), and prints {@code ACK <player> <round> <choice>} once an answer has
 * been taken, that is once it is durable. It runs until it is killed.
 */
public final class DailyKillWriterMain {

	static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	static final LocalDate DAY = LocalDate.parse("2026-12-05");

	private DailyKillWriterMain() {
	}

	static DailyService service(AppendLogStores stores, long seed) {
		return new DailyService(new DailyProperties(Duration.ofSeconds(20), LocalDate.parse("2026-12-01")), 4,
				Difficulty.EASY, 100, new ArtworkCatalog(DemoCatalogue.catalog()), stores.daily(), stores.periods(),
				Clock.fixed(NOW, ZoneOffset.UTC), new Random(seed));
	}

	public static void main(String[] args) {
		Path data = Path.of(args[0]);
		int firstPlayer = Integer.parseInt(args[1]);
		Random random = new Random(firstPlayer);
		AppendLogStores stores = AppendLogStores.open(data, LogOptions.defaults());
		DailyService daily = service(stores, 7);
		for (int player = firstPlayer;; player++) {
			String userId = "web:p" + player;
			for (int round = 1; round <= DailyProperties.ROUNDS; round++) {
				NextOutcome next = daily.next(DAY, userId, "p" + player, null);
				if (!(next instanceof NextOutcome.Round)) {
					throw new IllegalStateException("no round " + round + " for " + userId + ": " + next);
				}
				int choice = 1 + random.nextInt(4);
				AnswerOutcome outcome = daily.answer(DAY, userId, round, choice);
				if (!(outcome instanceof AnswerOutcome.Answered)) {
					throw new IllegalStateException("round " + round + " of " + userId + " not taken: " + outcome);
				}
				System.out.println("ACK " + userId + " " + round + " " + choice);
				System.out.flush();
			}
		}
	}

}
