package org.namethatartist.discord;

import java.util.function.LongSupplier;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /ping}: the shard's gateway ping (heartbeat), then the time the reply took to be accepted, edited
 * in once known. Public.
 */
final class PingCommand implements SlashCommand {

	private final LongSupplier nanoTime;

	PingCommand(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	@Override
	public String name() {
		return "ping";
	}

	@Override
	public SlashCommandData definition() {
		return Commands.slash(name(), "How quickly the bot answers").setContexts(InteractionContextType.GUILD);
	}

	@Override
	public void execute(SlashCommandInteractionEvent event) {
		String gateway = "🏓 Pong! Gateway: " + event.getJDA().getGatewayPing() + " ms";
		long sentAt = this.nanoTime.getAsLong();
		event.reply(Messages.text(gateway)).queue((hook) -> {
			long roundTrip = (this.nanoTime.getAsLong() - sentAt) / 1_000_000;
			hook.editOriginal(Messages.editText(gateway + " · round trip: " + roundTrip + " ms"))
				.queue(null, Messages.failed("ping's edit for", event));
		}, Messages.failed("reply to", event));
	}

}
