/**
 * The Discord adapter (JDA): the connection and its shards, the slash commands, the answer buttons, the
 * cooldowns, and the rendering of game events as messages. Starts only when {@code discord.token} is set.
 * Uses {@code game}, {@code player} and {@code artwork}; nothing depends on it, and no JDA type crosses
 * into the game: the game answers with typed outcomes and events, rendered here.
 */
package org.namethatartist.discord;
