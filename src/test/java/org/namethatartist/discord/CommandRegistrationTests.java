package org.namethatartist.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Registration (issue 12, defect 13): with {@code discord.guild-id} the global commands of an earlier run are
 * removed, so the server does not show each command twice; a failed registration is tried again after a
 * growing pause, run by hand here.
 */
class CommandRegistrationTests {

	/** Pauses asked for, and their tasks, run when the test says. */
	private final List<Duration> pauses = new ArrayList<>();

	private final List<Runnable> waiting = new ArrayList<>();

	private CommandRegistrar registrar(String guildId) {
		return new CommandRegistrar(List.of(Commands.slash("ping", "test")), guildId, (after, task) -> {
			this.pauses.add(after);
			this.waiting.add(task);
		});
	}

	@Test
	void withAGuildIdTheGlobalCommandsOfAnEarlierRunAreRemovedOnce() {
		CommandListUpdateAction global = update(0);
		JDA shard0 = shard(0, global);
		JDA shard1 = shard(1, global);
		CommandRegistrar registrar = registrar(DiscordTester.GUILD);
		registrar.onReady(shard0);
		registrar.onReady(shard1);
		// An empty update of the global list: none of this bot's global commands is left.
		verify(shard0).updateCommands();
		verify(global, never()).addCommands(anyCollection());
		verify(global, times(1)).queue(any(), any());
	}

	@Test
	void aFailedRegistrationIsTriedAgainWithGrowingPauses() {
		CommandListUpdateAction global = update(3);
		CommandRegistrar registrar = registrar(null);
		registrar.onReady(shard(0, global));
		for (int i = 0; i < 3; i++) {
			this.waiting.remove(0).run();
		}
		assertThat(this.pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
		assertThat(this.waiting).isEmpty();
		verify(global, times(4)).queue(any(), any());
		assertThat(CommandRegistrar.next(Duration.ofMinutes(8))).isEqualTo(CommandRegistrar.LAST_RETRY);
	}

	@Test
	void aFailedRegistrationInTheDevelopmentServerIsTriedAgain() {
		CommandListUpdateAction inGuild = update(1);
		Guild guild = mock(Guild.class);
		when(guild.getId()).thenReturn(DiscordTester.GUILD);
		when(guild.updateCommands()).thenReturn(inGuild);
		registrar(DiscordTester.GUILD).onGuildReady(guild);
		assertThat(this.pauses).containsExactly(Duration.ofSeconds(5));
		this.waiting.remove(0).run();
		verify(inGuild, times(2)).queue(any(), any());
		assertThat(this.waiting).isEmpty();
	}

	/** An update that fails its first {@code failures} times, then succeeds. */
	@SuppressWarnings("unchecked")
	private static CommandListUpdateAction update(int failures) {
		CommandListUpdateAction update = mock(CommandListUpdateAction.class);
		when(update.addCommands(anyCollection())).thenReturn(update);
		int[] left = { failures };
		doAnswer((invocation) -> {
			if (left[0]-- > 0) {
				((Consumer<Throwable>) invocation.getArgument(1)).accept(new IllegalStateException("503 from Discord"));
			}
			else {
				((Consumer<List<Command>>) invocation.getArgument(0)).accept(List.of());
			}
			return null;
		}).when(update).queue(any(), any());
		return update;
	}

	private static JDA shard(int id, CommandListUpdateAction update) {
		JDA shard = mock(JDA.class);
		when(shard.getShardInfo()).thenReturn(new JDA.ShardInfo(id, 2));
		when(shard.updateCommands()).thenReturn(update);
		return shard;
	}

}
