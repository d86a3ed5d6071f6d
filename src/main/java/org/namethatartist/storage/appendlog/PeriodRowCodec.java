package org.namethatartist.storage.appendlog;

import java.util.ArrayList;
import java.util.List;

import org.namethatartist.player.PeriodStats;
import org.namethatartist.storage.log.ValueCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** A {@code periods.json} entry: the period numbers, then the counted game ids and daily days. */
final class PeriodRowCodec implements ValueCodec<PeriodRow> {

	@Override
	public PeriodRow read(JsonParser p) {
		if (p.currentToken() != JsonToken.START_OBJECT) {
			throw new IllegalArgumentException("a period entry must be a JSON object, not " + p.currentToken());
		}
		String userId = null;
		String username = "";
		int games = 0;
		int wins = 0;
		long score = 0;
		int best = 0;
		int correct = 0;
		int incorrect = 0;
		long daily = 0;
		List<String> gameIds = List.of();
		List<String> days = List.of();
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			JsonToken token = p.nextToken();
			switch (name) {
				case "userId" -> userId = text(p, token, name);
				case "username" -> username = text(p, token, name);
				case "totalGames" -> games = p.getValueAsInt();
				case "totalWins" -> wins = p.getValueAsInt();
				case "totalScore" -> score = p.getValueAsLong();
				case "bestScore" -> best = p.getValueAsInt();
				case "totalCorrectAnswers" -> correct = p.getValueAsInt();
				case "totalIncorrectAnswers" -> incorrect = p.getValueAsInt();
				case "dailyScore" -> daily = p.getValueAsLong();
				case "gameIds" -> gameIds = strings(p, token, name);
				case "days" -> days = strings(p, token, name);
				default -> p.skipChildren();
			}
		}
		if (userId == null) {
			throw new IllegalArgumentException("a period entry needs a userId");
		}
		return new PeriodRow(new PeriodStats(userId, username, games, wins, score, best, correct, incorrect, daily),
				gameIds, days);
	}

	private static String text(JsonParser p, JsonToken token, String name) {
		if (token != JsonToken.VALUE_STRING) {
			throw new IllegalArgumentException(name + " must be a string, not " + token);
		}
		return p.getString();
	}

	private static List<String> strings(JsonParser p, JsonToken token, String name) {
		if (token != JsonToken.START_ARRAY) {
			throw new IllegalArgumentException(name + " must be an array of strings, not " + token);
		}
		List<String> list = new ArrayList<>();
		for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
			list.add(text(p, t, name));
		}
		return list;
	}

	@Override
	public void write(JsonGenerator g, PeriodRow row) {
		PeriodStats s = row.stats();
		g.writeStartObject();
		g.writeStringProperty("userId", s.userId());
		g.writeStringProperty("username", s.username());
		g.writeNumberProperty("totalGames", s.totalGames());
		g.writeNumberProperty("totalWins", s.totalWins());
		g.writeNumberProperty("totalScore", s.totalScore());
		g.writeNumberProperty("bestScore", s.bestScore());
		g.writeNumberProperty("totalCorrectAnswers", s.totalCorrectAnswers());
		g.writeNumberProperty("totalIncorrectAnswers", s.totalIncorrectAnswers());
		g.writeNumberProperty("dailyScore", s.dailyScore());
		g.writeName("gameIds");
		g.writeStartArray();
		for (String id : row.gameIds()) {
			g.writeString(id);
		}
		g.writeEndArray();
		g.writeName("days");
		g.writeStartArray();
		for (String day : row.days()) {
			g.writeString(day);
		}
		g.writeEndArray();
		g.writeEndObject();
	}

}
