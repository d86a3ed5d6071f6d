package org.namethatartist.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the pages' browser tests share: headless Chromium as Debian packages it, a fresh profile and driver
 * per test, closed after it, and waits bounded by {@link #PATIENCE}. A test class is skipped, saying what
 * to install, where Chromium or its driver is missing, before its application starts.
 */
abstract class BrowserTestCase {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** A name that would run a script if any page inserted it as HTML. */
	static final String HTML_NAME = "<img src=x onerror=alert(1)>Ann";

	/** How long a step may take: generous, for a machine shared with other builds; these check what, not how fast. */
	static final Duration PATIENCE = Duration.ofSeconds(30);

	ChromeDriverService service;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeAll
	static void browserInstalled() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
						+ "; install them with: apt-get install chromium chromium-driver");
	}

	@BeforeEach
	void openBrowser(@TempDir Path profile) {
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
					"--window-size=1024,900", "--user-data-dir=" + profile);
		this.browser = new ChromeDriver(this.service, options);
		this.wait = new WebDriverWait(this.browser, PATIENCE, Duration.ofMillis(50));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.service != null) {
			this.service.stop();
		}
	}

	WebElement visible(String id) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

}
