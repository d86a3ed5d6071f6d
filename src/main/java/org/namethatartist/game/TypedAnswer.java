package org.namethatartist.game;

/**
 * What {@link GameService#answerText} did with a typed answer: the outcome as for a button
 * ({@link AnswerOutcome.Correct} or {@link AnswerOutcome.Wrong} once durable, or why it was not taken),
 * and how the text was matched (null when it was not looked at).
 */
public record TypedAnswer(AnswerOutcome outcome, AnswerMatcher.Match match) {

	/** The game takes buttons, not text. */
	public static final String NOT_TYPED = "This game is played with buttons; answer with a choice, not a text.";

}
