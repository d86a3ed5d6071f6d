package org.namethatartist.game;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.namethatartist.InvalidConfigurationException;
import org.namethatartist.artwork.Difficulty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code game.*} settings: the defaults of a game's options, the bounds players may choose within,
 * and the rules' constants. The original's values are the defaults.
 *
 * @param rounds rounds of a game when the starter does not say
 * @param roundTime how long a round is open when the starter does not say
 * @param betweenRoundTime the pause after a round when the starter does not say
 * @param startDelay the pause between the start command and the first round
 * @param choices buttons per round: the right artist and distinct others (Discord fits 5 in a row)
 * @param baseScore the points of an answer given at once; they fall linearly to 0 at the round's end
 * @param resumeWindow a game interrupted by a restart resumes when it was saved this recently, and is
 * ended with its scores so far otherwise
 * @param maxRunning the most games running at once; more are refused until one ends (web play is open
 * to anyone, so this bounds what a stranger can start)
 * @param endAfterIdleRounds a game ends by itself after this many rounds in a row that nobody answered
 * (an abandoned channel or browser tab); 0 never
 * @param limits what players may choose
 * @param difficulty how a game's wrong answers are drawn when the starter does not say: {@code easy} (at
 * random), {@code normal} (at least one similar artist), {@code hard} (all as similar as possible)
 * @param answers how players answer when the starter does not say: {@code buttons} or {@code typed}
 * @param typedMultiplier a right typed answer scores this many times the buttons' points (rounded)
 * @param showTitle when players see the artwork's title: {@code after-round} (with the reveal) or
 * {@code during-round} (as a hint); the round's image and the reveal are the same either way
 */
@Validated
@ConfigurationProperties("game")
public record GameProperties(@DefaultValue("20") int rounds, @DefaultValue("15s") @NotNull Duration roundTime,
		@DefaultValue("5s") @NotNull Duration betweenRoundTime,
		@DefaultValue("3s") @NotNull @DurationMin(millis = 0,
				message = "allowed: a duration of 0 or more, such as 3s") Duration startDelay,
		@DefaultValue("4") @Min(value = 3, message = "allowed: 3 to 5") @Max(value = 5,
				message = "allowed: 3 to 5") int choices,
		@DefaultValue("100") @Min(value = 1, message = "allowed: a whole number, 1 or more") int baseScore,
		@DefaultValue("10m") @NotNull @DurationMin(millis = 0,
				message = "allowed: a duration of 0 or more, such as 10m") Duration resumeWindow,
		@DefaultValue("1000") @Min(value = 1, message = "allowed: a whole number, 1 or more") int maxRunning,
		@DefaultValue("3") @Min(value = 0, message = "allowed: a whole number, 0 (never) or more") int endAfterIdleRounds,
		@DefaultValue @Valid Limits limits, @DefaultValue("normal") @NotNull Difficulty difficulty,
		@DefaultValue("buttons") @NotNull AnswerMode answers,
		@DefaultValue("1.5") @DecimalMin(value = "1.0", message = "allowed: a number from 1 to 10, such as 1.5")
		@DecimalMax(value = "10.0", message = "allowed: a number from 1 to 10, such as 1.5") double typedMultiplier,
		@DefaultValue("after-round") @NotNull TitleShown showTitle) {

	@ConstructorBinding
	public GameProperties {
		// Checked here so that a default a player could never choose stops start-up instead of every game.
		if (limits != null) {
			if (!limits.rounds().contains(rounds)) {
				throw new InvalidConfigurationException("game.rounds", rounds, "allowed: within game.limits.rounds "
						+ limits.rounds());
			}
			if (roundTime != null && !limits.roundTime().contains(roundTime)) {
				throw new InvalidConfigurationException("game.round-time", Ranges.format(roundTime),
						"allowed: within game.limits.round-time " + limits.roundTime());
			}
			if (betweenRoundTime != null && !limits.betweenRoundTime().contains(betweenRoundTime)) {
				throw new InvalidConfigurationException("game.between-round-time", Ranges.format(betweenRoundTime),
						"allowed: within game.limits.between-round-time " + limits.betweenRoundTime());
			}
			if (limits.rounds().min() < 1) {
				throw new InvalidConfigurationException("game.limits.rounds", limits.rounds(),
						"allowed: a range starting at 1 or more");
			}
			if (limits.roundTime().min().toMillis() < 1) {
				throw new InvalidConfigurationException("game.limits.round-time", limits.roundTime(),
						"allowed: a range starting above 0, such as 10s..60s");
			}
		}
	}

	/** The settings of a version without difficulties or typed answers: normal, buttons, 1.5. */
	public GameProperties(int rounds, Duration roundTime, Duration betweenRoundTime, Duration startDelay, int choices,
			int baseScore, Duration resumeWindow, int maxRunning, int endAfterIdleRounds, Limits limits) {
		this(rounds, roundTime, betweenRoundTime, startDelay, choices, baseScore, resumeWindow, maxRunning,
				endAfterIdleRounds, limits, Difficulty.NORMAL, AnswerMode.BUTTONS, 1.5, TitleShown.AFTER_ROUND);
	}

	/** The settings of a version where titles were always shown after the round. */
	public GameProperties(int rounds, Duration roundTime, Duration betweenRoundTime, Duration startDelay, int choices,
			int baseScore, Duration resumeWindow, int maxRunning, int endAfterIdleRounds, Limits limits,
			Difficulty difficulty, AnswerMode answers, double typedMultiplier) {
		this(rounds, roundTime, betweenRoundTime, startDelay, choices, baseScore, resumeWindow, maxRunning,
				endAfterIdleRounds, limits, difficulty, answers, typedMultiplier, TitleShown.AFTER_ROUND);
	}

	/**
	 * What the starter of a game may choose, bounds included.
	 * @param rounds {@code min..max} rounds
	 * @param roundTime {@code min..max} time a round is open
	 * @param betweenRoundTime {@code min..max} pause after a round
	 */
	public record Limits(@DefaultValue("5..50") @NotNull IntRange rounds,
			@DefaultValue("10s..60s") @NotNull DurationRange roundTime,
			@DefaultValue("5s..60s") @NotNull DurationRange betweenRoundTime) {
	}

	/** The options of a new game, each the starter's or the default, or why they cannot be used. */
	StartOutcome.OutOfBounds check(GameOptions options) {
		if (options.rounds() != null && !this.limits.rounds().contains(options.rounds())) {
			return new StartOutcome.OutOfBounds("rounds", String.valueOf(options.rounds()),
					this.limits.rounds().toString());
		}
		if (options.roundTime() != null && !this.limits.roundTime().contains(options.roundTime())) {
			return new StartOutcome.OutOfBounds("roundTime", Ranges.format(options.roundTime()),
					this.limits.roundTime().toString());
		}
		if (options.betweenRoundTime() != null && !this.limits.betweenRoundTime().contains(options.betweenRoundTime())) {
			return new StartOutcome.OutOfBounds("betweenRoundTime", Ranges.format(options.betweenRoundTime()),
					this.limits.betweenRoundTime().toString());
		}
		if (options.choices() != null && !GameOptions.CHOICES.contains(options.choices())) {
			return new StartOutcome.OutOfBounds("choices", String.valueOf(options.choices()), GameOptions.CHOICES.toString());
		}
		return null;
	}

}
