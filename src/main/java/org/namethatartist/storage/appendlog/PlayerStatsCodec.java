package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.List;

import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.PlayerStats;
import org.namethatartist.storage.log.ExactJson;
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

	private static final byte[] USER_ID = ExactJson.ascii("{\"userId\":");

	private static final byte[] USERNAME = ExactJson.ascii(",\"username\":");

	private static final byte[] TOTAL_GAMES = ExactJson.ascii(",\"totalGames\":");

	private static final byte[] TOTAL_WINS = ExactJson.ascii(",\"totalWins\":");

	private static final byte[] TOTAL_SCORE = ExactJson.ascii(",\"totalScore\":");

	private static final byte[] AVERAGE_SCORE = ExactJson.ascii(",\"averageScore\":");

	private static final byte[] BEST_SCORE = ExactJson.ascii(",\"bestScore\":");

	private static final byte[] CORRECT = ExactJson.ascii(",\"totalCorrectAnswers\":");

	private static final byte[] INCORRECT = ExactJson.ascii(",\"totalIncorrectAnswers\":");

	private static final byte[] ANSWERS = ExactJson.ascii(",\"totalAnswers\":");

	private static final byte[] ACCURACY = ExactJson.ascii(",\"accuracyRate\":");

	private static final byte[] HISTORY = ExactJson.ascii(",\"gamesHistory\":[");

	private static final byte[] ENTRY_DATE = ExactJson.ascii("{\"date\":");

	private static final byte[] SCORE_AFTER_DATE = ExactJson.ascii(",\"score\":");

	private static final byte[] ENTRY_SCORE = ExactJson.ascii("{\"score\":");

	private static final byte[] IS_WINNER = ExactJson.ascii(",\"isWinner\":");

	private static final byte[] ENTRY_CORRECT = ExactJson.ascii(",\"correctAnswers\":");

	private static final byte[] ENTRY_INCORRECT = ExactJson.ascii(",\"incorrectAnswers\":");

	private static final byte[] ENTRY_GAME_ID = ExactJson.ascii(",\"gameId\":");

	private static final byte[] ENTRY_POOL = ExactJson.ascii(",\"pool\":");

	private static final byte[] COMMA = ExactJson.ascii(",");

	private static final byte[] END_OBJECT = ExactJson.ascii("}");

	private static final byte[] END_HISTORY = ExactJson.ascii("]}");

	private static final GameHistoryEntry[] NO_ENTRIES = new GameHistoryEntry[0];

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

	/**
	 * The entry exactly as {@link #write} gives it (no whitespace, every member in its order, the
	 * history entries' null members left out), with ASCII strings and plain integers; anything else is
	 * left to {@link #read}.
	 */
	@Override
	public PlayerStats readExact(ExactJson in) {
		in.expect(USER_ID);
		String userId = in.string();
		in.expect(USERNAME);
		String username = in.string();
		in.expect(TOTAL_GAMES);
		int totalGames = in.intValue();
		in.expect(TOTAL_WINS);
		int totalWins = in.intValue();
		in.expect(TOTAL_SCORE);
		long totalScore = in.longValue();
		in.expect(AVERAGE_SCORE);
		long averageScore = in.longValue();
		in.expect(BEST_SCORE);
		int bestScore = in.intValue();
		in.expect(CORRECT);
		int correct = in.intValue();
		in.expect(INCORRECT);
		int incorrect = in.intValue();
		in.expect(ANSWERS);
		int answers = in.intValue();
		in.expect(ACCURACY);
		int accuracy = in.intValue();
		in.expect(HISTORY);
		GameHistoryEntry[] entries = NO_ENTRIES;
		int count = 0;
		if (!in.skip(END_HISTORY)) {
			entries = new GameHistoryEntry[8];
			do {
				if (count == entries.length) {
					entries = java.util.Arrays.copyOf(entries, count * 2);
				}
				entries[count++] = readExactEntry(in);
			}
			while (in.skip(COMMA));
			in.expect(END_HISTORY);
		}
		List<GameHistoryEntry> history = (count == 0) ? List.of() : List.of(java.util.Arrays.copyOf(entries, count));
		return new PlayerStats(userId, username, totalGames, totalWins, totalScore, averageScore, bestScore, correct,
				incorrect, answers, accuracy, history);
	}

	private static GameHistoryEntry readExactEntry(ExactJson in) {
		String date = null;
		if (in.skip(ENTRY_DATE)) {
			date = in.string();
			in.expect(SCORE_AFTER_DATE);
		}
		else {
			in.expect(ENTRY_SCORE);
		}
		int score = in.intValue();
		in.expect(IS_WINNER);
		boolean winner = in.booleanValue();
		Integer correct = in.skip(ENTRY_CORRECT) ? in.intValue() : null;
		Integer incorrect = in.skip(ENTRY_INCORRECT) ? in.intValue() : null;
		String gameId = in.skip(ENTRY_GAME_ID) ? in.string() : null;
		String pool = in.skip(ENTRY_POOL) ? in.string() : null;
		in.expect(END_OBJECT);
		return new GameHistoryEntry(date, score, winner, correct, incorrect, gameId, pool);
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
			String pool = null;
			for (String name = p.nextName(); name != null; name = p.nextName()) {
				JsonToken value = p.nextToken();
				switch (name) {
					case "date" -> date = (value == JsonToken.VALUE_NULL) ? null : p.getString();
					case "score" -> score = p.getValueAsInt();
					case "isWinner" -> winner = p.getValueAsBoolean();
					case "correctAnswers" -> correct = (value == JsonToken.VALUE_NULL) ? null : p.getValueAsInt();
					case "incorrectAnswers" -> incorrect = (value == JsonToken.VALUE_NULL) ? null : p.getValueAsInt();
					case "gameId" -> gameId = (value == JsonToken.VALUE_NULL) ? null : p.getString();
					case "pool" -> pool = (value == JsonToken.VALUE_NULL) ? null : p.getString();
					default -> p.skipChildren();
				}
			}
			history.add(new GameHistoryEntry(date, score, winner, correct, incorrect, gameId, pool));
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
			if (entry.pool() != null) {
				g.writeStringProperty("pool", entry.pool());
			}
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeEndObject();
	}

}
