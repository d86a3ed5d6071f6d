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

	/** Names anyone can give a token sent to the watched wallet, or themselves. */
	static final List<String> HOSTILE_NAMES = List.of("\\[Claim your NFT\\](https://phish.example)",
			"\\\\[Claim](https://phish.example)", "[Claim your NFT](https://phish.example)",
			"[x](<https://phish.example>)", "\\<@&123456789012345678>", "@everyone", "\\@here", "<@&123456789012345678>",
			"<#123456789012345678>", "<@123456789012345678>", "<t:0:R>", "\\**bold\\**", "\\`code\\`",
			"||\\||spoiler||", "# heading", "\\# heading", "> quote", "-# small", "[\u200D](https://phish.example)",
			"@\u200Deveryone", "Ann\u202Egnp.exe", "\u2066\u202Eevil\u2069", "two\u2028lines\u2029here",
			"👨\u200D👩\u200D👧".repeat(100), "x".repeat(5000), "\\".repeat(5000));

	@Test
	void hostileNamesStayText() {
		for (String name : HOSTILE_NAMES) {
			String plain = Text.plain(name);
			String shown = name.substring(0, Math.min(name.length(), 40));
			// Every [ ] < ( and @ is escaped or broken: no masked link, mention, timestamp or channel link.
			for (char c : new char[] { '[', ']', '<', '*', '_', '`' }) {
				assertThat(unescaped(plain, c)).as("%s in %s -> %s", c, shown, plain).isFalse();
			}
			assertThat(plain).as(shown).doesNotContainPattern("@(?!\u200B)");
			assertThat(plain).as(shown).doesNotContainPattern("[\u202A-\u202E\u2066-\u2069\u2028\u2029\n]");
			assertThat(plain.length()).as(shown).isLessThanOrEqualTo(3 * Text.NAME_MAX);
			assertThat(isWellFormed(plain)).as(shown).isTrue();
		}
		assertThat(Text.plain("\\[Claim your NFT\\](https://phish.example)"))
			.isEqualTo("\\\\\\[Claim your NFT\\\\\\](https://phish.example)");
		assertThat(Text.plain("Ann\u202Egnp.exe")).isEqualTo("Anngnp.exe");
	}

	/** Whether {@code c} appears with an even number of backslashes before it: markdown would read it. */
	private static boolean unescaped(String text, char c) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				int backslashes = 0;
				for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
					backslashes++;
				}
				if (backslashes % 2 == 0) {
					return true;
				}
			}
		}
		return false;
	}

	/** No lone surrogate: a label cut through an emoji would be refused. */
	private static boolean isWellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	@Test
	void labelsAreCutBetweenCodePointsAndNotInsideAnEmoji() {
		String family = "👨\u200D👩\u200D👧";
		for (int max = 2; max <= 40; max++) {
			String cut = Text.shorten(family.repeat(10), max);
			assertThat(cut.length()).isLessThanOrEqualTo(max);
			assertThat(isWellFormed(cut)).as("cut at %d: %s", max, cut).isTrue();
			assertThat(cut).as("cut at %d", max).doesNotContain("\u200D…");
		}
		assertThat(Text.shorten("a".repeat(79) + "😀", 80)).isEqualTo("a".repeat(79) + "…");
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
