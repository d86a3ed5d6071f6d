package org.namethatartist.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.daily.DailyRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Daily page in a real browser (headless Chromium): linked from the header, today's five rounds played
 * by a player whose name is HTML, then the share line with its Copy button, the streak and today's board,
 * the name shown as text. Skipped, saying what to install, where Chromium or its driver is missing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DailyPageBrowserTests extends BrowserTestCase {

	private static final String NAME = HTML_NAME;

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		WebTestProperties.register(registry, dataDir);
		registry.add("game.daily.first-day", () -> "2020-01-01");
		// A slow machine must not turn a click into "time ran out": the round's time is not what this test checks.
		registry.add("game.daily.round-time", () -> "5m");
	}

	@LocalServerPort
	int port;

	@Autowired
	DailyRepository repository;

	@Test
	void theDailyPagePlaysTodaysChallengeAndShowsTheShareLineStreakAndBoard() {
		this.browser.get("http://localhost:" + this.port + "/");
		this.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Daily"))).click();
		this.wait.until(ExpectedConditions.textMatches(By.id("daily-heading"), java.util.regex.Pattern.compile("Daily #\\d+")));
		visible("player-name").sendKeys(NAME);
		this.browser.findElement(By.id("start")).click();
		// The day the server counts in (UTC), read as the page reads it.
		LocalDate day = LocalDate.now(ZoneOffset.UTC);
		for (int round = 1; round <= 5; round++) {
			By buttons = By.cssSelector("#choices[data-round='" + round + "'] button");
			this.wait.until(ExpectedConditions.elementToBeClickable(buttons));
			List<WebElement> choices = this.browser.findElements(buttons);
			assertThat(choices).hasSize(4);
			assertThat(text("round-heading")).isEqualTo("Round " + round + " of 5");
			int right = this.repository.challenge(day).orElseThrow().round(round).correctChoice();
			// Round 2 wrong, the others right.
			int pressed = (round == 2) ? (right % 4) + 1 : right;
			// Through the element itself: the artwork's image may still be loading and move the buttons under
			// a pointer click (seen once in the whole suite under load).
			((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript("arguments[0].click();",
					choices.get(pressed - 1));
			java.util.regex.Pattern expected = java.util.regex.Pattern
				.compile((round == 2) ? "^Not this one\\." : "^Correct! \\+\\d+ points\\.");
			int number = round;
			this.wait.withMessage(() -> "round " + number + ": the feedback reads \"" + text("feedback") + "\"")
				.until(ExpectedConditions.textMatches(By.id("feedback"), expected));
			if (round < 5) {
				visible("next").click();
			}
		}
		WebElement share = visible("share-line");
		assertThat(text("feedback")).as("the last answer's feedback stays above the result").startsWith("Correct! +");
		assertThat(share.getText())
			.matches("Name That Artist · Daily #\\d+ · \uD83D\uDFE9\uD83D\uDFE5\uD83D\uDFE9\uD83D\uDFE9\uD83D\uDFE9 · \\d+");
		assertThat(text("streak")).startsWith("Score ").contains("streak 1 day · best 1 day");
		visible("copy").click();
		this.wait.until(ExpectedConditions.textMatches(By.id("copied"), java.util.regex.Pattern.compile("Copied|Selected")));
		WebElement board = visible("board");
		this.wait.until(ExpectedConditions.textToBePresentInElement(board, NAME));
		assertThat(board.findElements(By.tagName("img"))).as("the name is text, not HTML").isEmpty();

		// The player's page shows the day in its 30-day strip, finished, with its score.
		String score = share.getText().replaceAll(".* · ", "");
		board.findElement(By.tagName("a")).click();
		WebElement strip = visible("daily-strip");
		List<WebElement> days = strip.findElements(By.tagName("li"));
		assertThat(days).hasSize(30);
		WebElement last = days.get(29);
		assertThat(last.getAttribute("class")).isEqualTo("day finished");
		assertThat(last.getText()).isEqualTo(score);
		assertThat(days.get(0).getAttribute("class")).isEqualTo("day missed");
	}

}
