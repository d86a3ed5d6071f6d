package org.namethatartist.game;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.namethatartist.artwork.Difficulty;

/**
 * Everything needed to resume a game after a restart, saved at every accepted answer and every round
 * transition. One per channel.
 *
 * @param schema the version of this shape; states of another version are left alone
 * @param tokenKeys the tokens of every round, drawn at the start ({@code contract:tokenId})
 * @param phase the name of a {@link Phase}: {@code STARTING}, {@code ROUND}, {@code BETWEEN_ROUNDS}, {@code ENDING},
 * {@code STOPPING} or {@code OVER} ({@code RESUMING} lives in memory only)
 * @param round the current round, 1-based; 0 before the first
 * @param phaseEndsAt when the current phase ends
 * @param recorded the players whose results are durable, so a crash while ending records each once
 * @param difficulty how the rounds' wrong answers are drawn; {@code EASY} (at random) for a state saved
 * before difficulties existed
 * @param answers how players answer; {@code BUTTONS} for a state saved before typed answers existed
 */
public record GameSnapshot(int schema, String gameId, String channelId, String guildId, String startedBy,
		Instant startedAt, int rounds, Duration roundTime, Duration betweenRoundTime, List<String> tokenKeys,
		String phase, int round, Instant phaseEndsAt, RoundSnapshot currentRound, Map<String, Standing> scores,
		Set<String> recorded, Instant lastUpdated, Difficulty difficulty, AnswerMode answers, String pool) {

	/** The schema this version writes and resumes. */
	public static final int SCHEMA = 1;

	public GameSnapshot {
		Objects.requireNonNull(gameId, "gameId");
		Objects.requireNonNull(channelId, "channelId");
		tokenKeys = List.copyOf(tokenKeys);
		// Insertion order is the order players first answered, which breaks ties in the standings.
		scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
		recorded = Collections.unmodifiableSet(new LinkedHashSet<>(recorded));
		difficulty = (difficulty != null) ? difficulty : Difficulty.EASY;
		answers = (answers != null) ? answers : AnswerMode.BUTTONS;
	}

	/** A state of a game on the default artworks (no server pool). */
	public GameSnapshot(int schema, String gameId, String channelId, String guildId, String startedBy,
			Instant startedAt, int rounds, Duration roundTime, Duration betweenRoundTime, List<String> tokenKeys,
			String phase, int round, Instant phaseEndsAt, RoundSnapshot currentRound, Map<String, Standing> scores,
			Set<String> recorded, Instant lastUpdated, Difficulty difficulty, AnswerMode answers) {
		this(schema, gameId, channelId, guildId, startedBy, startedAt, rounds, roundTime, betweenRoundTime, tokenKeys,
				phase, round, phaseEndsAt, currentRound, scores, recorded, lastUpdated, difficulty, answers, null);
	}

	/** A state of a game with buttons and distractors at random, as every game was before difficulties. */
	public GameSnapshot(int schema, String gameId, String channelId, String guildId, String startedBy,
			Instant startedAt, int rounds, Duration roundTime, Duration betweenRoundTime, List<String> tokenKeys,
			String phase, int round, Instant phaseEndsAt, RoundSnapshot currentRound, Map<String, Standing> scores,
			Set<String> recorded, Instant lastUpdated) {
		this(schema, gameId, channelId, guildId, startedBy, startedAt, rounds, roundTime, betweenRoundTime, tokenKeys,
				phase, round, phaseEndsAt, currentRound, scores, recorded, lastUpdated, null, null);
	}

	/**
	 * A round as saved: the token, the artists on the buttons, the right button and who answered what.
	 * @param messageId where an adapter showed the round (Discord: the message with its buttons), or null;
	 * kept so that after a restart the interrupted round's buttons can be turned off
	 * @param noImage the round opened without its image (none could be had): its answers score nothing
	 */
	public record RoundSnapshot(int number, String tokenKey, List<String> choices, int correctChoice,
			Instant startedAt, Instant endsAt, Map<String, Integer> answers, String messageId, boolean noImage) {

		public RoundSnapshot {
			choices = List.copyOf(choices);
			answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
		}

		/** A round not shown anywhere yet, with its image. */
		public RoundSnapshot(int number, String tokenKey, List<String> choices, int correctChoice, Instant startedAt,
				Instant endsAt, Map<String, Integer> answers) {
			this(number, tokenKey, choices, correctChoice, startedAt, endsAt, answers, null, false);
		}

		/** A round with its image, shown where {@code messageId} says. */
		public RoundSnapshot(int number, String tokenKey, List<String> choices, int correctChoice, Instant startedAt,
				Instant endsAt, Map<String, Integer> answers, String messageId) {
			this(number, tokenKey, choices, correctChoice, startedAt, endsAt, answers, messageId, false);
		}

		/** The same round, opening without its image: it does not count. */
		public RoundSnapshot withoutImage() {
			return new RoundSnapshot(this.number, this.tokenKey, this.choices, this.correctChoice, this.startedAt,
					this.endsAt, this.answers, this.messageId, true);
		}

		/** The round with one more answer: a button's number, or for a typed answer the right one's or 0. */
		public RoundSnapshot withAnswer(String userId, int choice) {
			Map<String, Integer> answers = new LinkedHashMap<>(this.answers);
			answers.put(userId, choice);
			return new RoundSnapshot(this.number, this.tokenKey, this.choices, this.correctChoice, this.startedAt,
					this.endsAt, answers, this.messageId, this.noImage);
		}

		/** The round open again from {@code startedAt} (after a restart), its answers kept, shown nowhere yet. */
		public RoundSnapshot reopened(Instant startedAt, Instant endsAt) {
			return new RoundSnapshot(this.number, this.tokenKey, this.choices, this.correctChoice, startedAt, endsAt,
					this.answers, null, this.noImage);
		}

		public RoundSnapshot withMessageId(String messageId) {
			return new RoundSnapshot(this.number, this.tokenKey, this.choices, this.correctChoice, this.startedAt,
					this.endsAt, this.answers, messageId, this.noImage);
		}

	}

}
