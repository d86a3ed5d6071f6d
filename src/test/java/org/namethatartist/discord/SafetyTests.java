package org.namethatartist.discord;

import java.util.ArrayList;
import java.util.List;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.namethatartist.game.Standing;

import static org.assertj.core.api.Assertions.assertThat;

/** Names from outside are text, never markdown, links or pings; no message allows a mention. */
class SafetyTests {

	@Test
	void massMentionsAreBrokenAndMarkdownEscaped() {
		assertThat(Text.plain("@everyone")).isEqualTo("@\u200Beveryone");
		assertThat(Text.plain("@here hi")).isEqualTo("@\u200Bhere hi");
		assertThat(Text.plain("**bold** _it_ `code` ||spoiler|| ~~gone~~ > quote")).isEqualTo(
				"\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\||spoiler\\|| \\~~gone\\~~ > quote");
		assertThat(Text.plain("> quote")).isEqualTo("\\> quote");
	}

	@Test
	void maskedLinksMentionsAndHeadingsAreText() {
		assertThat(Text.plain("[free nitro](https://evil.test)")).isEqualTo("\\[free nitro\\](https://evil.test)");
		assertThat(Text.plain("<@123> <@&456> <#789>")).isEqualTo("\\<@\u200B123> \\<@\u200B&456> \\<#789>");
		assertThat(Text.plain("# Big")).isEqualTo("\\# Big");
		assertThat(Text.plain("-# small")).isEqualTo("\\-# small");
		assertThat(Text.plain("two\nlines")).isEqualTo("two lines");
		assertThat(Text.plain(" ")).isEqualTo("(unnamed)");
		assertThat(Text.plain(null)).isEqualTo("(unnamed)");
	}

	@Test
	void everyBuiltMessageAllowsNoMention() {
		for (MessageCreateData message : List.of(Messages.text("@everyone <@1>"),
				Messages.embed(new EmbedBuilder().setDescription("x").build()))) {
			assertThat(message.getAllowedMentions()).isEmpty();
			assertThat(message.getMentionedUsers()).isEmpty();
			assertThat(message.getMentionedRoles()).isEmpty();
		}
		for (MessageEditData edit : List.of(Messages.editText("@here"), Messages.editComponents(List.of()))) {
			assertThat(edit.getAllowedMentions()).isEmpty();
		}
	}

	@Test
	void scoresShareRanksOnTiesAndShowTenPlayersAtMost() {
		List<Standing> scores = new ArrayList<>();
		scores.add(new Standing("1", "@everyone", 90, 1, 0));
		scores.add(new Standing("2", "b", 90, 1, 0));
		for (int i = 3; i <= 12; i++) {
			scores.add(new Standing(String.valueOf(i), "p" + i, 100 - i * 5, 1, 0));
		}
		assertThat(Text.scores(scores).lines()).hasSize(11)
			.startsWith("🥇 @\u200Beveryone — 90 points", "🥇 b — 90 points", "🥉 p3 — 85 points", "**4.** p4 — 80 points")
			.endsWith("**10.** p10 — 50 points", "…and 2 more players");
	}

	@Test
	void longNamesAreCut() {
		assertThat(Text.plain("a".repeat(5000))).hasSize(Text.NAME_MAX).endsWith("…");
	}

	@Test
	void buttonLabelsAreCutToDiscordsLimit() {
		assertThat(Text.shorten("x".repeat(100), 80)).hasSize(80).endsWith("…");
		assertThat(Text.shorten("short", 80)).isEqualTo("short");
	}

}
