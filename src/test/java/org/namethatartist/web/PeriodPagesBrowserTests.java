package org.namethatartist.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period selector and podium of the leaderboard page, and the player page's chart and ranks, in
 * headless Chromium; "now" is Saturday 2026-12-05 12:00 UTC. Screenshots go to {@code target/}. Skipped,
 * saying what to install, where Chromium or its driver is missing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(PeriodPagesBrowserTests.FixedClock.class)
@DirtiesContext
class PeriodPagesBrowserTests extends BrowserTestCase {

	static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	/** Wednesday of last week (2026-W48). */
	static final Instant LAST_WEEK = Instant.parse("2026-11-25T10:00:00Z");

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		WebTestProperties.register(registry, dataDir);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	PlayerRepository players;

	@Autowired
	PeriodBoards boards;

	private void record(GameResult result) {
		this.players.recordResult(result);
		this.boards.recordResult(result);
	}

	@Test
	void thePlayerPageChartsOnePointPerGameAndShowsTheRanks() throws Exception {
		int games = 12;
		for (int i = 0; i < games; i++) {
			// Scores 30..360, accuracy cycling through 0..100 %.
			record(new GameResult("chart-" + i, "web:Chartist", "Chartist", null, 30 * (i + 1), i % 3 == 0, i % 5,
					4 - (i % 5), NOW.minus(Duration.ofHours(games - i))));
		}
		record(new GameResult("chart-x", "web:Rival", "Rival", null, 5000, true, 4, 0, NOW.minusSeconds(60)));
		this.browser.get("http://localhost:" + this.port + "/player.html?id=web:Chartist");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart svg")));
		List<WebElement> bars = this.browser.findElements(By.cssSelector("#chart rect.bar"));
		assertThat(bars).hasSize(games);
		assertThat(bars).extracting((bar) -> bar.getAttribute("data-score"))
			.containsExactly("30", "60", "90", "120", "150", "180", "210", "240", "270", "300", "330", "360");
		assertThat(this.browser.findElements(By.cssSelector("#chart circle.dot"))).hasSize(games);
		String line = this.browser.findElement(By.cssSelector("#chart polyline.accuracy")).getAttribute("points");
		assertThat(line.split(" ")).hasSize(games);
		assertThat(this.browser.findElement(By.id("periods")).getText()).contains("Week (2026-W49)", "#2 · 2,340 points",
				"Month (2026-12)");
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.getElementById('chart-section').scrollIntoView()");
		screenshot("player-chart.png");
	}

	@Test
	void aFinishedWeekShowsItsPodiumAndTheCurrentOneDoesNot() throws Exception {
		record(new GameResult("w48", "web:Gold", "Gold", null, 900, true, 9, 0, LAST_WEEK));
		record(new GameResult("w48", "web:Silver", "Silver", null, 600, false, 6, 3, LAST_WEEK));
		record(new GameResult("w48", "web:Bronze", "Bronze", null, 300, false, 3, 6, LAST_WEEK));
		record(new GameResult("w48", "web:Fourth", "Fourth", null, 100, false, 1, 8, LAST_WEEK));
		record(new GameResult("w49", "web:Now", "Now", null, 50, true, 1, 0, NOW.minusSeconds(60)));

		this.browser.get("http://localhost:" + this.port + "/");
		new Select(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("period"))))
			.selectByValue("last-week");
		WebElement podium = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("podium")));
		List<WebElement> places = podium.findElements(By.cssSelector(".place"));
		assertThat(places).extracting(WebElement::getText)
			.containsExactly("🥇\nGold\n900", "🥈\nSilver\n600", "🥉\nBronze\n300");
		assertThat(this.browser.findElement(By.id("period-line")).getText()).isEqualTo("Week 2026-W48 · final standings");
		assertThat(this.browser.findElements(By.cssSelector("#leaderboard tbody tr"))).hasSize(4);
		assertThat(this.browser.getCurrentUrl()).contains("period=last-week");
		screenshot("leaderboard-podium.png");
		// A period board also ranks by daily points; the all-time board does not have them.
		assertThat(new Select(this.browser.findElement(By.id("sort"))).getOptions()).extracting(WebElement::getText)
			.contains("Daily points");

		new Select(this.browser.findElement(By.id("period"))).selectByValue("week");
		this.wait.until(ExpectedConditions.textToBe(By.id("period-line"), "Week 2026-W49 · in progress, times in UTC"));
		assertThat(this.browser.findElement(By.id("podium")).isDisplayed()).isFalse();
		new Select(this.browser.findElement(By.id("period"))).selectByValue("all");
		this.wait.until(ExpectedConditions.textToBe(By.id("period-line"), ""));
		assertThat(new Select(this.browser.findElement(By.id("sort"))).getOptions()).extracting(WebElement::getText)
			.doesNotContain("Daily points")
			.hasSize(7);
		new Select(this.browser.findElement(By.id("period"))).selectByValue("week");
		this.wait.until(ExpectedConditions.textToBe(By.id("period-line"), "Week 2026-W49 · in progress, times in UTC"));
		// This week's board: this week's players only (the other test's may be there too, never last week's).
		assertThat(this.browser.findElement(By.cssSelector("#leaderboard tbody")).getText()).contains("Now")
			.doesNotContain("Gold", "Silver", "Bronze", "Fourth");
	}

	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", name);
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		System.out.println("Screenshot saved: " + target.toAbsolutePath());
	}

}
