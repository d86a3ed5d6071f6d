package org.namethatartist.discord;

import java.util.Optional;

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

	/**
	 * Why the command cannot run here at all (the bot cannot post in this channel, the member lacks a
	 * permission), checked by the router before the cooldown, so a refused command does not use it up.
	 * {@link #execute} checks it again, so that it holds when called directly.
	 */
	default Optional<String> refusal(SlashCommandInteractionEvent event) {
		return Optional.empty();
	}

}
