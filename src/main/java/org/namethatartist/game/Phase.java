package org.namethatartist.game;

/**
 * Where a game stands, as the game's timer moves it on. The saved state keeps the constant's name
 * ({@link GameSnapshot#phase()}): these strings are the stored format, read by both backends and by older
 * versions, so a constant is never renamed.
 * <ul>
 * <li>{@link #STARTING}: the pause before the first round;</li>
 * <li>{@link #ROUND}: a round is open;</li>
 * <li>{@link #BETWEEN_ROUNDS}: the pause after a round;</li>
 * <li>{@link #RESUMING}: the pause before an interrupted round is played again (after a restart; kept in
 * memory, saved as {@link #ROUND} until the round reopens);</li>
 * <li>{@link #ENDING}: the last round is over, the results are being recorded;</li>
 * <li>{@link #STOPPING}: the game was stopped, the results are being recorded (nobody wins);</li>
 * <li>{@link #OVER}: everything is recorded.</li>
 * </ul>
 */
enum Phase {

	STARTING, ROUND, BETWEEN_ROUNDS, RESUMING, ENDING, STOPPING, OVER;

	/** The phase a saved state names. */
	static Phase of(String stored) {
		for (Phase phase : values()) {
			if (phase.name().equals(stored)) {
				return phase;
			}
		}
		throw new IllegalStateException("unknown phase " + stored);
	}

	/** Whether the results are being recorded: nothing more is played. */
	boolean recording() {
		return this == ENDING || this == STOPPING;
	}

}
