package org.namethatartist.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.namethatartist.daily.DailyChallenge;
import org.namethatartist.daily.DailyProgress;
import org.namethatartist.daily.DailyRound;
import org.namethatartist.daily.RoundPlay;
import org.namethatartist.game.Choice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A daily challenge and a player's progress as JSON, the same for both backends ({@code daily.json}'s
 * entries, PostgreSQL's {@code jsonb} columns). Days are {@code 2026-12-05}, moments ISO-8601 UTC.
 */
public final class DailyJson {

	private final ObjectMapper mapper;

	public DailyJson(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	public JsonNode toJson(DailyChallenge challenge) {
		ObjectNode root = this.mapper.createObjectNode();
		root.put("day", challenge.day().toString());
		root.put("number", challenge.number());
		root.put("drawnAt", challenge.drawnAt().toString());
		ArrayNode rounds = root.putArray("rounds");
		for (DailyRound round : challenge.rounds()) {
			ObjectNode node = rounds.addObject();
			node.put("number", round.number());
			node.put("token", round.tokenKey());
			node.put("imageUrl", round.imageUrl());
			node.put("correctChoice", round.correctChoice());
			node.put("title", round.title());
			node.put("link", round.link());
			ArrayNode choices = node.putArray("choices");
			for (Choice choice : round.choices()) {
				choices.addObject()
					.put("number", choice.number())
					.put("artistId", choice.artistId())
					.put("artist", choice.artistName());
			}
		}
		return root;
	}

	/**
	 * @throws IllegalArgumentException when the JSON is not a challenge this version wrote
	 */
	public DailyChallenge challenge(JsonNode root) {
		try {
			List<DailyRound> rounds = new ArrayList<>();
			for (JsonNode node : root.required("rounds")) {
				List<Choice> choices = new ArrayList<>();
				for (JsonNode choice : node.required("choices")) {
					choices.add(new Choice(choice.required("number").asInt(), choice.required("artistId").asString(),
							choice.required("artist").asString()));
				}
				rounds.add(new DailyRound(node.required("number").asInt(), node.required("token").asString(),
						text(node.get("imageUrl")), choices, node.required("correctChoice").asInt(),
						text(node.get("title")), text(node.get("link"))));
			}
			return new DailyChallenge(LocalDate.parse(root.required("day").asString()), root.required("number").asInt(),
					Instant.parse(root.required("drawnAt").asString()), rounds);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a daily challenge: " + ex.getMessage(), ex);
		}
	}

	public JsonNode toJson(DailyProgress progress) {
		ObjectNode root = this.mapper.createObjectNode();
		root.put("day", progress.day().toString());
		root.put("userId", progress.userId());
		root.put("username", progress.username());
		root.put("guildId", progress.guildId());
		root.put("recorded", progress.recorded());
		ArrayNode rounds = root.putArray("rounds");
		for (RoundPlay play : progress.rounds()) {
			ObjectNode node = rounds.addObject();
			node.put("number", play.number());
			node.put("openedAt", play.openedAt().toString());
			node.put("choice", play.choice());
			node.put("answeredAt", (play.answeredAt() != null) ? play.answeredAt().toString() : null);
			node.put("closed", play.closed());
			node.put("correct", play.correct());
			node.put("points", play.points());
		}
		return root;
	}

	/**
	 * @throws IllegalArgumentException when the JSON is not a player's progress this version wrote
	 */
	public DailyProgress progress(JsonNode root) {
		try {
			List<RoundPlay> rounds = new ArrayList<>();
			for (JsonNode node : root.required("rounds")) {
				JsonNode choice = node.get("choice");
				String answeredAt = text(node.get("answeredAt"));
				rounds.add(new RoundPlay(node.required("number").asInt(),
						Instant.parse(node.required("openedAt").asString()),
						(choice == null || choice.isNull()) ? null : choice.asInt(),
						(answeredAt != null) ? Instant.parse(answeredAt) : null, node.required("closed").asBoolean(),
						node.required("correct").asBoolean(), node.required("points").asInt()));
			}
			return new DailyProgress(LocalDate.parse(root.required("day").asString()),
					root.required("userId").asString(), text(root.get("username")), text(root.get("guildId")), rounds,
					root.required("recorded").asBoolean());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a daily progress: " + ex.getMessage(), ex);
		}
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
