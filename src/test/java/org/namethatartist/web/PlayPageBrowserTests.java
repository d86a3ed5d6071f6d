package org.namethatartist.web;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.GameService;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.Standing;
import org.namethatartist.game.StoredGame;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The play page in a real browser (headless Chromium, as Debian packages it): a whole two-round game
 * played by a player whose name is HTML, which must show as text everywhere. Skipped, saying what to
 * install, where Chromium or its driver is missing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PlayPageBrowserTests extends BrowserTestCase {

	private static final String NAME = HTML_NAME;

	private static final Pattern POINTS = Pattern.compile("Correct! \\+(\\d+) points");

	@TempDir
	static Path dataDir;

	/** The demo's images come from the test run's local mirror ({@code TestImageMirror}). */
	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		WebTestProperties.register(registry, dataDir);
		registry.add("artwork.images.prefetch-all", () -> "false");
		// Time for the first round's own image to be fetched.
		registry.add("game.start-delay", () -> "2s");
	}

	@LocalServerPort
	int port;

	@Autowired
	GameService games;

	@Autowired
	GameStateRepository states;

	@Test
	void aWholeGameInTheBrowserShowsPointsAnswersScoresAndTheWinnerByName() {
		this.browser.get("http://localhost:" + this.port + "/play.html");
		WebElement name = visible("player-name");
		name.sendKeys(NAME);
		set("rounds", "2");
		set("round-time", "3");
		set("pause", "1");
		this.browser.findElement(By.id("start")).click();

		// Round 1: the right artist.
		List<WebElement> choices = roundButtons(1);
		assertThat(choices).hasSize(4);
		String gameId = this.browser.getCurrentUrl().replaceAll(".*#", "");
		int right = correctChoice(gameId);
		String rightArtist = choices.get(right - 1).getText();
		// The artwork, served by the bot, loaded; its title kept for the reveal.
		WebElement image = visible("artwork-image");
		assertThat(image.getAttribute("src")).endsWith("/api/games/" + gameId + "/rounds/1/image");
		this.wait.until((browser) -> Integer.parseInt(image.getAttribute("naturalWidth")) > 0);
		assertThat(text("token-name")).isEqualTo("Title revealed after the round");
		String title = this.games.find(gameId).orElseThrow().round().token().name();
		choices.get(right - 1).click();
		String feedback = this.wait.until(ExpectedConditions.textMatches(By.id("feedback"), POINTS)) ? text("feedback")
				: "";
		Matcher points = POINTS.matcher(feedback);
		assertThat(points.find()).as(feedback).isTrue();
		int scored = Integer.parseInt(points.group(1));
		assertThat(this.games.find(gameId).orElseThrow().scores()).extracting(Standing::score).containsExactly(scored);

		// After round 1: its answer and the scores, the name as typed.
		WebElement answer1 = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answers li[data-round='1']")));
		assertThat(answer1.getText()).startsWith("Round 1: ").contains(rightArtist.replaceAll("^\\S+\\s*", ""));
		assertThat(answer1.findElement(By.tagName("a")).getAttribute("href")).startsWith("https://");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scores"), NAME + " — " + scored));
		this.wait.until(ExpectedConditions.textToBe(By.id("token-name"), title));

		// Round 2: a wrong one.
		List<WebElement> round2 = roundButtons(2);
		int right2 = correctChoice(gameId);
		round2.get(right2 % 4).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("feedback"), "Wrong"));

		// The end: the winner by name, literally, and no script ever ran.
		WebElement winners = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("winners")));
		assertThat(winners.getText()).isEqualTo("Winner: " + NAME + " with " + scored + " points");
		assertThat(this.browser.findElement(By.cssSelector("#answers li[data-round='2']")).getText())
			.startsWith("Round 2: ");
		assertThat(text("scores")).isEqualTo(NAME + " — " + scored + " points");
		assertThat(this.browser.findElement(By.id("stop")).isDisplayed()).isFalse();
		assertThat(this.browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
		assertThatThrownBy(() -> this.browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
	}

	@Test
	void anUnknownGameSaysSoAndAReloadedPageRejoinsItsGameWithTheNameRememberedAndCanStopIt() {
		this.browser.get("http://localhost:" + this.port + "/play.html#nosuchgame");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("setup-error"),
				"That game is not running here"));
		visible("player-name").sendKeys("Dee");
		set("rounds", "5");
		set("round-time", "30");
		this.browser.findElement(By.id("start")).click();
		roundButtons(1);
		String gameId = this.browser.getCurrentUrl().replaceAll(".*#", "");

		this.browser.navigate().refresh();
		assertThat(visible("player-name").getAttribute("value")).isEqualTo("Dee");
		roundButtons(1).get(correctChoice(gameId) - 1).click();
		this.wait.until(ExpectedConditions.textMatches(By.id("feedback"), POINTS));
		this.browser.findElement(By.id("stop")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("winners"),
				"The game was stopped, so nobody wins it; the points played count."));
		assertThat(this.games.find(gameId).orElseThrow().stopped()).isTrue();
	}

	@Test
	void aHardTypedGameIsAnsweredByTypingTheNameWithNoListOfArtists() {
		this.browser.get("http://localhost:" + this.port + "/play.html");
		visible("player-name").sendKeys("Eve");
		set("rounds", "2");
		set("round-time", "6");
		set("pause", "1");
		new Select(visible("difficulty")).selectByValue("hard");
		new Select(visible("answers")).selectByValue("typed");
		this.browser.findElement(By.id("start")).click();

		WebElement form = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#typed-form[data-round='1']")));
		String gameId = this.browser.getCurrentUrl().replaceAll(".*#", "");
		assertThat(this.games.settings(gameId).orElseThrow().difficulty()).isEqualTo(Difficulty.HARD);
		assertThat(this.browser.findElements(By.cssSelector("#choices button"))).as("no list of artists").isEmpty();
		assertThat(this.browser.findElements(By.tagName("datalist"))).isEmpty();
		assertThat(visible("typed-answer").getAttribute("autocomplete")).isEqualTo("off");

		// Round 1: the right artist's name, in small letters.
		int right = correctChoice(gameId);
		String artist = this.games.find(gameId).orElseThrow().round().choices().get(right - 1).artistName();
		visible("typed-answer").sendKeys(artist.toLowerCase(java.util.Locale.ROOT));
		form.findElement(By.id("typed-submit")).click();
		Pattern exactly = Pattern.compile("Right, exactly! \\+(\\d+) points");
		this.wait.until(ExpectedConditions.textMatches(By.id("feedback"), exactly));
		Matcher points = exactly.matcher(text("feedback"));
		assertThat(points.find()).isTrue();
		// Typed: 1.5 × a click's points, so above the 100 a click scores at most.
		assertThat(Integer.parseInt(points.group(1))).isGreaterThan(100);
		assertThat(visible("typed-answer").isEnabled()).as("one answer per round").isFalse();

		// Round 2: a name that is nobody's.
		this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#typed-form[data-round='2'] input")));
		visible("typed-answer").sendKeys("Nobody I know");
		visible("typed-answer").sendKeys(Keys.ENTER);
		this.wait.until(ExpectedConditions.textToBe(By.id("feedback"),
				"Not “Nobody I know”. The answer comes when the round ends."));
		this.browser.findElement(By.id("stop")).click();
	}

	private void set(String id, String value) {
		WebElement input = visible(id);
		input.clear();
		input.sendKeys(value);
	}

	/** The buttons of a round, once they can be pressed. */
	private List<WebElement> roundButtons(int round) {
		By buttons = By.cssSelector("#choices[data-round='" + round + "'] button");
		this.wait.until(ExpectedConditions.elementToBeClickable(buttons));
		return this.browser.findElements(buttons);
	}

	private int correctChoice(String gameId) {
		String channelId = this.games.find(gameId).orElseThrow().channelId();
		return ((StoredGame.Resumable) this.states.find(channelId).orElseThrow()).snapshot()
			.currentRound()
			.correctChoice();
	}

}
