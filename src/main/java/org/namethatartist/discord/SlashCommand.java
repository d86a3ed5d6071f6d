package org.namethatartist.discord;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One slash command: how Discord shows it, and what it does. The router has already checked that it is
 * used in a server and that no cooldown holds it, and turns an exception into an ephemeral error. A
 * command answers every interaction (Discord allows 3 s, or 15 min after {@code deferReply}).
 */
interface SlashCommand {

	String name();

	SlashCommandData definition();

	void execute(SlashCommandInteractionEvent event);

}
