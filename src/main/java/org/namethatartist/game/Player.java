package org.namethatartist.game;

import java.util.Objects;

/**
 * Someone taking part: a Discord user ({@code id} is the user's snowflake) or a web player ({@code id}
 * is {@code web:<name>}).
 */
public record Player(String id, String name) {

	public Player {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
	}

}
