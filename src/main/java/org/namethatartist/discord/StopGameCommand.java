package org.namethatartist.discord;

import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.namethatartist.game.GameService;
import org.namethatartist.game.StopOutcome;
import org.namethatartist.guildsettings.GuildSettingsService;

/**
 * {@code /stopgame}: stops this channel's game; only its starter or a member with Manage Messages may.
 * The channel sees the game's end through the game's own event; the answer here is private. Deferred:
 * stopping records every player's result on disk.
 */
final class StopGameCommand implements SlashCommand {

	private final GameService games;

	/** The server's own settings (its stop role); null where none are kept (older tests). */
	private final GuildSettingsService settings;

	StopGameCommand(GameService games) {
		this(games, null);
	}

	StopGameCommand(GameService games, GuildSettingsService settings) {
		this.games = games;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "stopgame";
	}

	@Override
	public SlashCommandData definition() {
		return Commands.slash(name(), "Stop this channel's game (its starter, or members who can manage messages)")
			.setContexts(InteractionContextType.GUILD);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		if (this.games.findByChannel(event.getChannelId()).isEmpty()) {
			Messages.replyPrivately(event, "No game is running in this channel.");
			return;
		}
		boolean moderator = Members.isModerator(event) || hasStopRole(event);
		event.deferReply(true).queue(null, Messages.failed("deferral of", event));
		StopOutcome outcome = this.games.stop(event.getChannelId(), Members.player(event.getUser()), moderator);
		String answer;
		if (outcome instanceof StopOutcome.Stopped) {
			answer = "Game stopped. The points scored so far count in everyone's stats.";
		}
		else if (outcome instanceof StopOutcome.NotAllowed notAllowed) {
			// A mention renders the starter's name; no mention is allowed, so nobody is pinged.
			answer = "Only the player who started this game (<@" + notAllowed.startedBy()
					+ ">) or a member who can manage messages" + stopRoleNote(event) + " can stop it.";
		}
		else if (outcome instanceof StopOutcome.NoGame) {
			answer = "No game is running in this channel.";
		}
		else if (outcome instanceof StopOutcome.Unavailable unavailable) {
			answer = "⚠️ " + unavailable.reason();
		}
		else {
			// A new kind of outcome must be phrased here, not cast blindly.
			throw new IllegalStateException("no answer for " + outcome.getClass().getName());
		}
		Messages.answerDeferred(event, Messages.text(answer));
	}

	/** Whether the member holds the role this server allowed to stop games ({@code /settings stop-role}). */
	private boolean hasStopRole(SlashCommandInteractionEvent event) {
		if (this.settings == null || event.getGuild() == null || event.getMember() == null) {
			return false;
		}
		return this.settings.settings(event.getGuild().getId())
			.mayStop(event.getMember().getRoles().stream().map(Role::getId).toList());
	}

	private String stopRoleNote(SlashCommandInteractionEvent event) {
		if (this.settings == null || event.getGuild() == null) {
			return "";
		}
		String role = this.settings.settings(event.getGuild().getId()).stopRole();
		return (role != null) ? " or holds <@&" + role + ">" : "";
	}

}
