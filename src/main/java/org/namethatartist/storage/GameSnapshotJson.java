package org.namethatartist.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.namethatartist.IsoTime;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.GameSnapshot.RoundSnapshot;
import org.namethatartist.game.Standing;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A game state in {@code game_state.json}: the original's members ({@code round}, {@code totalRounds},
 * {@code startedBy}, {@code scores}, {@code lastUpdated}) so the original bot still reads it, and ours
 * under {@code nta}, versioned by {@code nta.schema}. A state without {@code nta}, or of another
 * schema, is not ours to resume.
 */
public final class GameSnapshotJson {

	private final ObjectMapper mapper;

	public GameSnapshotJson(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	public JsonNode toJson(GameSnapshot game) {
		ObjectNode root = this.mapper.createObjectNode();
		root.put("round", game.round());
		root.put("totalRounds", game.rounds());
		root.put("startedBy", game.startedBy());
		ObjectNode scores = root.putObject("scores");
		game.scores().values().forEach((player) -> scores.put(player.userId(), player.score()));
		root.put("lastUpdated", IsoTime.format(game.lastUpdated()));
		ObjectNode nta = root.putObject("nta");
		nta.put("schema", game.schema());
		nta.put("gameId", game.gameId());
		nta.put("channelId", game.channelId());
		nta.put("guildId", game.guildId());
		nta.put("startedAt", time(game.startedAt()));
		nta.put("roundTimeMs", game.roundTime().toMillis());
		nta.put("betweenRoundTimeMs", game.betweenRoundTime().toMillis());
		nta.put("difficulty", game.difficulty().key());
		nta.put("answers", game.answers().key());
		if (game.pool() != null) {
			nta.put("pool", game.pool());
		}
		ArrayNode tokens = nta.putArray("tokenKeys");
		game.tokenKeys().forEach(tokens::add);
		nta.put("phase", game.phase());
		nta.put("phaseEndsAt", time(game.phaseEndsAt()));
		RoundSnapshot round = game.currentRound();
		if (round == null) {
			nta.putNull("currentRound");
		}
		else {
			ObjectNode r = nta.putObject("currentRound");
			r.put("number", round.number());
			r.put("tokenKey", round.tokenKey());
			ArrayNode choices = r.putArray("choices");
			round.choices().forEach(choices::add);
			r.put("correctChoice", round.correctChoice());
			r.put("startedAt", time(round.startedAt()));
			r.put("endsAt", time(round.endsAt()));
			ObjectNode answers = r.putObject("answers");
			round.answers().forEach(answers::put);
			if (round.noImage()) {
				r.put("noImage", true);
			}
			if (round.messageId() != null) {
				r.put("messageId", round.messageId());
			}
		}
		ObjectNode players = nta.putObject("players");
		game.scores().values().forEach((player) -> {
			ObjectNode p = players.putObject(player.userId());
			p.put("username", player.username());
			p.put("score", player.score());
			p.put("correctAnswers", player.correctAnswers());
			p.put("incorrectAnswers", player.incorrectAnswers());
		});
		ArrayNode recorded = nta.putArray("recorded");
		game.recorded().forEach(recorded::add);
		return root;
	}

	/** An optional text member: states written before it existed lack it. */
	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	public StoredGame fromJson(String channelId, JsonNode root) {
		JsonNode nta = root.get("nta");
		if (nta == null || !nta.isObject()) {
			return unrecognised(channelId, root, "no 'nta' member: written by the original bot or by hand");
		}
		JsonNode schema = nta.get("schema");
		if (schema == null || !schema.isInt() || schema.intValue() != GameSnapshot.SCHEMA) {
			return unrecognised(channelId, root, "schema " + schema + ", this version reads " + GameSnapshot.SCHEMA);
		}
		try {
			return new StoredGame.Resumable(read(channelId, root, nta));
		}
		catch (RuntimeException ex) {
			return unrecognised(channelId, root, "schema 1 but unreadable: " + ex.getMessage());
		}
	}

	/** Absent in states saved before difficulties: null, which the snapshot takes as easy. */
	private static Difficulty difficulty(JsonNode node) {
		return (node == null || node.isNull()) ? null : Difficulty.of(node.asString());
	}

	/** Absent in states saved before typed answers: null, which the snapshot takes as buttons. */
	private static AnswerMode answers(JsonNode node) {
		return (node == null || node.isNull()) ? null : AnswerMode.of(node.asString());
	}

	private GameSnapshot read(String channelId, JsonNode root, JsonNode nta) {
		List<String> tokenKeys = new ArrayList<>();
		nta.required("tokenKeys").forEach((token) -> tokenKeys.add(token.asString()));
		Map<String, Standing> scores = new LinkedHashMap<>();
		nta.required("players").properties().forEach((entry) -> {
			JsonNode p = entry.getValue();
			scores.put(entry.getKey(), new Standing(entry.getKey(), p.required("username").asString(),
					p.required("score").asInt(), p.required("correctAnswers").asInt(),
					p.required("incorrectAnswers").asInt()));
		});
		Set<String> recorded = new LinkedHashSet<>();
		nta.required("recorded").forEach((user) -> recorded.add(user.asString()));
		JsonNode r = nta.get("currentRound");
		RoundSnapshot round = null;
		if (r != null && !r.isNull()) {
			List<String> choices = new ArrayList<>();
			r.required("choices").forEach((choice) -> choices.add(choice.asString()));
			Map<String, Integer> answers = new LinkedHashMap<>();
			r.required("answers").properties().forEach((entry) -> answers.put(entry.getKey(), entry.getValue().asInt()));
			round = new RoundSnapshot(r.required("number").asInt(), r.required("tokenKey").asString(), choices,
					r.required("correctChoice").asInt(), instant(r.get("startedAt")), instant(r.get("endsAt")),
					answers, text(r.get("messageId")), r.path("noImage").asBoolean(false));
		}
		JsonNode guild = nta.get("guildId");
		return new GameSnapshot(GameSnapshot.SCHEMA, nta.required("gameId").asString(), channelId,
				(guild == null || guild.isNull()) ? null : guild.asString(), root.required("startedBy").asString(),
				instant(nta.get("startedAt")), root.required("totalRounds").asInt(),
				Duration.ofMillis(nta.required("roundTimeMs").asLong()),
				Duration.ofMillis(nta.required("betweenRoundTimeMs").asLong()), tokenKeys,
				nta.required("phase").asString(), root.required("round").asInt(), instant(nta.get("phaseEndsAt")), round,
				scores, recorded, instant(root.get("lastUpdated")), difficulty(nta.get("difficulty")),
				answers(nta.get("answers")), text(nta.get("pool")));
	}

	@SuppressWarnings("unchecked")
	private StoredGame unrecognised(String channelId, JsonNode root, String reason) {
		Map<String, Object> content = root.isObject() ? this.mapper.treeToValue(root, LinkedHashMap.class)
				: Map.of("value", this.mapper.treeToValue(root, Object.class));
		return new StoredGame.Unrecognised(channelId, content, reason);
	}

	private static String time(Instant instant) {
		return (instant != null) ? IsoTime.format(instant) : null;
	}

	private static Instant instant(JsonNode node) {
		return (node == null || node.isNull()) ? null : Instant.parse(node.asString());
	}

}
