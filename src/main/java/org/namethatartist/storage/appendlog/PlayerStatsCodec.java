package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.List;

import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.log.ValueCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A {@code players.json} entry, member for member and in the original's order. Reads older entries
 * with defaults: missing counts are 0, history entries keep lacking the answer fields they lacked.
 * Hand-written over the streaming API: it runs once per record at start-up and once per write.
 */
final class PlayerStatsCodec implements ValueCodec<PlayerStats> {

	@Override
	public PlayerStats read(JsonParser p) {
		if (p.currentToken() != JsonToken.START_OBJECT) {
			throw new IllegalArgumentException("a player entry must be a JSON object, not " + p.currentToken());
		}
		String userId = "";
		String username = "";
		int totalGames = 0;
		int totalWins = 0;
		long totalScore = 0;
		long averageScore = 0;
		int bestScore = 0;
		int correct = 0;
		int incorrect = 0;
		int answers = 0;
		int accuracy = 0;
		List<GameHistoryEntry> history = List.of();
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			JsonToken token = p.nextToken();
			switch (name) {
				case "userId" -> userId = text(p, token);
				case "username" -> username = text(p, token);
				case "totalGames" -> totalGames = p.getValueAsInt();
				case "totalWins" -> totalWins = p.getValueAsInt();
				case "totalScore" -> totalScore = p.getValueAsLong();
				case "averageScore" -> averageScore = p.getValueAsLong();
				case "bestScore" -> bestScore = p.getValueAsInt();
				case "totalCorrectAnswers" -> correct = p.getValueAsInt();
				case "totalIncorrectAnswers" -> incorrect = p.getValueAsInt();
				case "totalAnswers" -> answers = p.getValueAsInt();
				case "accuracyRate" -> accuracy = p.getValueAsInt();
				case "gamesHistory" -> history = readHistory(p, token);
				default -> p.skipChildren();
			}
		}
		return new PlayerStats(userId, username, totalGames, totalWins, totalScore, averageScore, bestScore, correct,
				incorrect, answers, accuracy, history);
	}

	private static String text(JsonParser p, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return "";
		}
		if (!token.isScalarValue()) {
			throw new IllegalArgumentException("expected a string, found " + token);
		}
		return p.getString();
	}

	private static List<GameHistoryEntry> readHistory(JsonParser p, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return List.of();
		}
		if (token != JsonToken.START_ARRAY) {
			throw new IllegalArgumentException("gamesHistory must be an array, not " + token);
		}
		List<GameHistoryEntry> history = new ArrayList<>();
		for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
			if (t != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("a gamesHistory entry must be an object, not " + t);
			}
			String date = null;
			int score = 0;
			boolean winner = false;
			Integer correct = null;
			Integer incorrect = null;
			String gameId = null;
			for (String name = p.nextName(); name != null; name = p.nextName()) {
				JsonToken value = p.nextToken();
				switch (name) {
					case "date" -> date = (value == JsonToken.VALUE_NULL) ? null : p.getString();
					case "score" -> score = p.getValueAsInt();
					case "isWinner" -> winner = p.getValueAsBoolean();
					case "correctAnswers" -> correct = (value == JsonToken.VALUE_NULL) ? null : p.getValueAsInt();
					case "incorrectAnswers" -> incorrect = (value == JsonToken.VALUE_NULL) ? null : p.getValueAsInt();
					case "gameId" -> gameId = (value == JsonToken.VALUE_NULL) ? null : p.getString();
					default -> p.skipChildren();
				}
			}
			history.add(new GameHistoryEntry(date, score, winner, correct, incorrect, gameId));
		}
		return history;
	}

	@Override
	public void write(JsonGenerator g, PlayerStats stats) {
		g.writeStartObject();
		g.writeStringProperty("userId", stats.userId());
		g.writeStringProperty("username", stats.username());
		g.writeNumberProperty("totalGames", stats.totalGames());
		g.writeNumberProperty("totalWins", stats.totalWins());
		g.writeNumberProperty("totalScore", stats.totalScore());
		g.writeNumberProperty("averageScore", stats.averageScore());
		g.writeNumberProperty("bestScore", stats.bestScore());
		g.writeNumberProperty("totalCorrectAnswers", stats.totalCorrectAnswers());
		g.writeNumberProperty("totalIncorrectAnswers", stats.totalIncorrectAnswers());
		g.writeNumberProperty("totalAnswers", stats.totalAnswers());
		g.writeNumberProperty("accuracyRate", stats.accuracyRate());
		g.writeName("gamesHistory");
		g.writeStartArray();
		for (GameHistoryEntry entry : stats.gamesHistory()) {
			g.writeStartObject();
			if (entry.date() != null) {
				g.writeStringProperty("date", entry.date());
			}
			g.writeNumberProperty("score", entry.score());
			g.writeBooleanProperty("isWinner", entry.isWinner());
			if (entry.correctAnswers() != null) {
				g.writeNumberProperty("correctAnswers", entry.correctAnswers());
			}
			if (entry.incorrectAnswers() != null) {
				g.writeNumberProperty("incorrectAnswers", entry.incorrectAnswers());
			}
			if (entry.gameId() != null) {
				g.writeStringProperty("gameId", entry.gameId());
			}
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeEndObject();
	}

}
