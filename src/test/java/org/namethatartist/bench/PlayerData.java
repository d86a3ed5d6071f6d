package org.namethatartist.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.zip.CRC32C;

import org.namethatartist.IsoTime;
import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerStats;

/**
 * Data directories for the benchmark: {@code players} players with {@code games} games each, written
 * straight into {@code logs/players.log} as one {@code SET} record per player, in the line format of
 * DESIGN.md (members in the store's order, CRC32C last). Writing a million records through the store
 * would take minutes; writing them here takes seconds. The benchmark opens these directories in
 * {@code strict} recovery mode, so a line the store would not have written itself stops it.
 *
 * <p>A player's stats come from {@link PlayerStats#withResult}, so they follow the game's arithmetic;
 * scores are spread so that the seven leaderboard orders differ.
 */
final class PlayerData {

	static final Instant PLAYED_AT = Instant.parse("2026-11-27T10:00:00Z");

	private static final byte[] CRC_PREFIX = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);

	private PlayerData() {
	}

	static String userId(int player) {
		return "u" + player;
	}

	/** What player {@code player} scored in its game {@code game}; deterministic. */
	static GameResult result(String gameId, int player, int game, Instant playedAt) {
		int score = (int) Math.floorMod(player * 7919L + game * 104_729L, 1000L);
		int correct = score / 100;
		return new GameResult(gameId, userId(player), "player " + player, null, score, score > 800, correct,
				10 - correct, playedAt);
	}

	/** Writes the data directory; returns the size of the log in bytes. */
	static long write(Path dataDir, int players, int games) throws IOException {
		Path logs = Files.createDirectories(dataDir.resolve("logs"));
		Path log = logs.resolve("players.log");
		String timestamp = IsoTime.format(PLAYED_AT);
		StringBuilder line = new StringBuilder(2048);
		CRC32C crc = new CRC32C();
		try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
			for (int player = 0; player < players; player++) {
				PlayerStats stats = PlayerStats.newPlayer(userId(player), "player " + player);
				for (int game = 0; game < games; game++) {
					stats = stats.withResult(result("fill-" + game, player, game, PLAYED_AT.plusSeconds(60L * game)));
				}
				line.setLength(0);
				line.append("{\"timestamp\":\"").append(timestamp).append("\",\"op\":\"SET\",\"key\":\"")
					.append(userId(player)).append("\",\"value\":");
				appendStats(line, stats);
				line.append('}');
				byte[] object = line.toString().getBytes(StandardCharsets.US_ASCII);
				crc.reset();
				crc.update(object, 0, object.length);
				out.write(object, 0, object.length - 1);
				out.write(CRC_PREFIX);
				out.write(String.format("%08x\"}\n", crc.getValue()).getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
			channel.force(true);
			return channel.size();
		}
	}

	/** The {@code players.json} entry, member for member in the order the store writes it. */
	private static void appendStats(StringBuilder json, PlayerStats stats) {
		json.append("{\"userId\":\"").append(stats.userId()).append("\",\"username\":\"").append(stats.username())
			.append("\",\"totalGames\":").append(stats.totalGames())
			.append(",\"totalWins\":").append(stats.totalWins())
			.append(",\"totalScore\":").append(stats.totalScore())
			.append(",\"averageScore\":").append(stats.averageScore())
			.append(",\"bestScore\":").append(stats.bestScore())
			.append(",\"totalCorrectAnswers\":").append(stats.totalCorrectAnswers())
			.append(",\"totalIncorrectAnswers\":").append(stats.totalIncorrectAnswers())
			.append(",\"totalAnswers\":").append(stats.totalAnswers())
			.append(",\"accuracyRate\":").append(stats.accuracyRate())
			.append(",\"gamesHistory\":[");
		boolean first = true;
		for (GameHistoryEntry entry : stats.gamesHistory()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			json.append("{\"date\":\"").append(entry.date()).append("\",\"score\":").append(entry.score())
				.append(",\"isWinner\":").append(entry.isWinner())
				.append(",\"correctAnswers\":").append(entry.correctAnswers())
				.append(",\"incorrectAnswers\":").append(entry.incorrectAnswers())
				.append(",\"gameId\":\"").append(entry.gameId()).append("\"}");
		}
		json.append("]}");
	}

}
