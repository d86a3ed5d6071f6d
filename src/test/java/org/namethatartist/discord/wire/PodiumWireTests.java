package org.namethatartist.discord.wire;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namethatartist.discord.PodiumAnnouncer;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.guildsettings.GuildSettingsService;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.Period;
import org.namethatartist.player.PeriodBoards;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly podium through the real JDA client: posted in the announcement channel with a nonce Discord
 * enforces, so that the copy a crash between the post and its record would send again is dropped by
 * Discord (the fake does as Discord does), and the server still has one podium.
 */
class PodiumWireTests extends WireTestCase {

	@Test
	void thePodiumIsPostedOnceEvenWhenItsRecordIsLostBetweenThePostAndTheWrite() throws Exception {
		startBot("--artwork.source=demo");
		String guild = FakeDiscord.GUILD_ID;
		this.context.getBean(GuildSettingsService.class).set(guild, "announcement-channel", FakeDiscord.CHANNEL_ID);
		Instant lastWeek = Period.week(Instant.now()).previous().startInstant().plusSeconds(3600);
		PeriodBoards boards = this.context.getBean(PeriodBoards.class);
		boards.recordResult(new GameResult("w1", FakeDiscord.snowflake(701), "Ann", guild, 640, true, 6, 1, lastWeek));
		boards.recordResult(new GameResult("w1", FakeDiscord.snowflake(702), "Bob", guild, 410, false, 4, 3, lastWeek));
		PodiumAnnouncer announcer = this.context.getBean(PodiumAnnouncer.class);

		assertThat(announcer.announceFinishedWeek()).isEqualTo(1);
		// As if the process had died after Discord took the message and before the week was written.
		this.context.getBean(GuildSettingsRepository.class).remove(guild, "_podium-announced");
		assertThat(announcer.announceFinishedWeek()).as("posted again, and Discord answered with the first").isEqualTo(1);
		assertThat(announcer.announceFinishedWeek()).as("recorded this time").isZero();

		List<FakeDiscord.Sent> posts = this.discord.sent().stream()
			.filter((sent) -> sent.method().equals("POST") && sent.body().contains("podium"))
			.toList();
		assertThat(posts).hasSize(2);
		assertThat(posts).allSatisfy((post) -> {
			assertThat(this.discord.body(post).path("enforce_nonce").asBoolean()).isTrue();
			assertThat(this.discord.body(post).path("nonce").asString()).startsWith("p");
		});
		List<ObjectNode> podiums = this.discord.messages().stream()
			.filter((message) -> message.toString().contains("This week's podium"))
			.toList();
		assertThat(podiums).hasSize(1);
		assertThat(podiums.get(0).toString()).contains("🥇 Ann — 640 points", "🥈 Bob — 410 points");
		assertThat(this.discord.refusals()).isEmpty();
	}

}
