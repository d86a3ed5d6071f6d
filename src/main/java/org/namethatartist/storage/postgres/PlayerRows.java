package org.namethatartist.storage.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.namethatartist.player.GameHistoryEntry;
import org.namethatartist.player.PlayerStats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A player's stats as a row of {@code players} or {@code guild_players}: the counts as columns, the
 * history as JSONB in the {@code gamesHistory} shape of {@code players.json} (absent members stay absent).
 */
final class PlayerRows {

	static final String COLUMNS = "user_id, username, total_games, total_wins, total_score, average_score, "
			+ "best_score, total_correct_answers, total_incorrect_answers, total_answers, accuracy_rate, games_history";

	private final ObjectMapper mapper;

	PlayerRows(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	PlayerStats read(ResultSet rs) throws SQLException {
		return new PlayerStats(rs.getString("user_id"), rs.getString("username"), rs.getInt("total_games"),
				rs.getInt("total_wins"), rs.getLong("total_score"), rs.getLong("average_score"), rs.getInt("best_score"),
				rs.getInt("total_correct_answers"), rs.getInt("total_incorrect_answers"), rs.getInt("total_answers"),
				rs.getInt("accuracy_rate"), history(rs.getString("games_history")));
	}

	private List<GameHistoryEntry> history(String json) {
		JsonNode array = this.mapper.readTree(json);
		List<GameHistoryEntry> history = new ArrayList<>(array.size());
		for (JsonNode entry : array) {
			history.add(new GameHistoryEntry(text(entry.get("date")), entry.path("score").asInt(),
					entry.path("isWinner").asBoolean(), integer(entry.get("correctAnswers")),
					integer(entry.get("incorrectAnswers")), text(entry.get("gameId")), text(entry.get("pool"))));
		}
		return history;
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static Integer integer(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asInt();
	}

	String historyJson(List<GameHistoryEntry> history) {
		ArrayNode array = this.mapper.createArrayNode();
		for (GameHistoryEntry entry : history) {
			ObjectNode node = array.addObject();
			if (entry.date() != null) {
				node.put("date", entry.date());
			}
			node.put("score", entry.score());
			node.put("isWinner", entry.isWinner());
			if (entry.correctAnswers() != null) {
				node.put("correctAnswers", entry.correctAnswers());
			}
			if (entry.incorrectAnswers() != null) {
				node.put("incorrectAnswers", entry.incorrectAnswers());
			}
			if (entry.gameId() != null) {
				node.put("gameId", entry.gameId());
			}
			if (entry.pool() != null) {
				node.put("pool", entry.pool());
			}
		}
		return this.mapper.writeValueAsString(array);
	}

	/** The column a sort key ranks by: a fixed name, never user input. */
	static String column(org.namethatartist.player.LeaderboardSort sort) {
		return switch (sort) {
			case TOTAL_SCORE -> "total_score";
			case TOTAL_WINS -> "total_wins";
			case AVERAGE_SCORE -> "average_score";
			case BEST_SCORE -> "best_score";
			case ACCURACY_RATE -> "accuracy_rate";
			case TOTAL_GAMES -> "total_games";
			case TOTAL_CORRECT_ANSWERS -> "total_correct_answers";
		};
	}

}
