/**
 * A server's own settings for its games: the defaults of a new game, the channels games may start in,
 * the role that may stop games, and the {@link org.namethatartist.guildsettings.GuildSettingsRepository}
 * port that keeps them. Every value is checked here, whatever adapter sends it; settings are read when a
 * game starts, so a running game keeps what it started with. Uses {@code game}; never Discord, HTTP,
 * JSON or storage types.
 */
package org.namethatartist.guildsettings;
