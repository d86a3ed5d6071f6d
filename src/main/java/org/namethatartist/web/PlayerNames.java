package org.namethatartist.web;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;
import org.namethatartist.game.Player;

/**
 * Web players have no account: the name they type is who they are, keyed {@code web:<name>} so it
 * can never be taken for a Discord id. A name is trimmed and put in Unicode's composed form (so that
 * "é" typed two ways is one player), and must then be 1 to {@value #MAX_LENGTH} characters with no
 * control or text-direction characters, and no {@code /} or {@code \}.
 */
final class PlayerNames {

	static final int MAX_LENGTH = 32;

	/** The prefix of every web player's id. */
	static final String PREFIX = "web:";

	private PlayerNames() {
	}

	/**
	 * The player named {@code raw}.
	 * @param member the request member the name came from, for the messages
	 * @throws ApiException 400 when the name is missing or not allowed
	 */
	static Player player(@Nullable String raw, String member) {
		if (raw == null) {
			throw ApiException.badRequest(member + " is required: your name, 1 to " + MAX_LENGTH + " characters.");
		}
		String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
		if (name.isEmpty()) {
			throw ApiException.badRequest(member + " must not be empty.");
		}
		int length = name.codePointCount(0, name.length());
		if (length > MAX_LENGTH) {
			throw ApiException
				.badRequest(member + " must be at most " + MAX_LENGTH + " characters, not " + length + ".");
		}
		int position = 1;
		for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i)), position++) {
			int codePoint = name.codePointAt(i);
			if (Texts.isForbidden(codePoint)) {
				throw ApiException.badRequest(member + " must not contain control or text-direction characters (U+"
						+ String.format("%04X", codePoint) + " at character " + position + ").");
			}
		}
		if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
			// A player's page and stats are addressed by name, and servers refuse an encoded / or \ in a path.
			throw ApiException
				.badRequest(member + " must not contain / or \\: it is part of the player's web address.");
		}
		return new Player(PREFIX + name, name);
	}

}
