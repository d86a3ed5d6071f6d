package org.namethatartist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.ArtworkRefreshService;
import org.namethatartist.artwork.ArtworkStatus;
import org.namethatartist.artwork.DemoTokens;
import org.namethatartist.player.GameResult;
import org.namethatartist.player.PlayerRepository;
import org.namethatartist.storage.log.DataDirLock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting and stopping the whole application as {@code java -jar} would (without the web server, which
 * plays no part here): a bad value or a locked data directory stops start-up with one line, and closing
 * leaves the data directory complete and unlocked.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTests {

	/** A closed port on this machine: the refresh fails at once, as without internet access. */
	static final String UNREACHABLE_OBJKT = "http://127.0.0.1:9/v3/graphql";

	@TempDir
	Path dataDir;

	@Test
	void aBadEnumValueStopsStartUpWithOneLineNamingTheKeyAndTheAllowedValues(CapturedOutput output) {
		assertThatThrownBy(() -> start("--storage.fsync=sometimes")).isInstanceOf(RuntimeException.class);
		// A command-line argument has no origin; from a file, the line also says where: (from ... - 12:10).
		assertThat(lineWith(output, "Invalid configuration"))
			.isEqualTo("Invalid configuration: storage.fsync = 'sometimes'; allowed: always, every-second, never");
		assertThat(output).doesNotContain("\tat org.springframework");
	}

	@Test
	void aBadValueInAFileIsReportedWithItsLineAndColumn(CapturedOutput output) throws Exception {
		Path config = Files.writeString(this.dataDir.resolveSibling(this.dataDir.getFileName() + "-bad.yml"),
				"storage:\n  fsync: sometimes\n");
		try {
			assertThatThrownBy(() -> start("--spring.config.additional-location=file:" + config))
				.isInstanceOf(RuntimeException.class);
			assertThat(lineWith(output, "Invalid configuration"))
				.startsWith("Invalid configuration: storage.fsync = 'sometimes' (from URL [file:")
				.endsWith("-bad.yml] - 2:10); allowed: always, every-second, never");
		}
		finally {
			Files.delete(config);
		}
	}

	@Test
	void aNegativeBackupCountStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--storage.compaction.backups=-1")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration"))
			.isEqualTo("Invalid configuration: storage.compaction.backups = '-1'; allowed: a whole number, 0 or more");
	}

	@Test
	void aNegativeCompactionWriteRateStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--storage.compaction.max-write-rate=-5MB")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration")).isEqualTo("Invalid configuration: "
				+ "storage.compaction.max-write-rate = '-5242880B'; allowed: a size a second, such as 32MB, or 0B for unpaced");
	}

	@Test
	void aBadDurationStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--storage.snapshot.max-delay=soon")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration")).isEqualTo(
				"Invalid configuration: storage.snapshot.max-delay = 'soon'; allowed: a duration such as 500ms, 30s, 10m, 1h");
	}

	@Test
	void thePostgresBackendWithoutAUrlStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--storage.backend=postgres")).isInstanceOf(RuntimeException.class);
		// Spring's own WARN line about the cancelled refresh quotes the message too; the report is one line.
		List<String> report = output.getAll().lines().filter((line) -> line.startsWith("Invalid configuration")).toList();
		assertThat(report).hasSize(1);
		assertThat(report.get(0)).isEqualTo("Invalid configuration: spring.datasource.url = "
				+ "''; required when storage.backend is postgres, such as jdbc:postgresql://localhost:5432/namethatartist");
	}

	@Test
	void thePostgresBackendWithItsDatabaseDownStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--storage.backend=postgres",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/namethatartist",
				"--spring.datasource.hikari.connection-timeout=2s")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Storage could not start"))
			.startsWith("Storage could not start: PostgreSQL at jdbc:postgresql://127.0.0.1:9/namethatartist could not "
					+ "be opened: ");
	}

	@Test
	void aGameDefaultOutsideItsLimitsStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--game.rounds=60")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration"))
			.isEqualTo("Invalid configuration: game.rounds = '60'; allowed: within game.limits.rounds 5..50");
	}

	@Test
	void aMalformedRangeStopsStartUpWithOneLineShowingTheForm(CapturedOutput output) {
		assertThatThrownBy(() -> start("--game.limits.round-time=10s-60s")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration")).isEqualTo(
				"Invalid configuration: game.limits.round-time = '10s-60s'; allowed: a range of durations such as 10s..60s");
	}

	@Test
	void anUpsideDownRangeStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--game.limits.rounds=50..5")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration")).isEqualTo(
				"Invalid configuration: game.limits.rounds = '50..5'; allowed: a range such as 5..50 with min <= max, not 50..5");
	}

	@Test
	void tooManyChoicesStopStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--game.choices=6")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration"))
			.isEqualTo("Invalid configuration: game.choices = '6'; allowed: 3 to 5");
	}

	@Test
	void aBadArtworkValueStopsStartUpWithOneLineNamingTheKey(CapturedOutput output) {
		assertThatThrownBy(() -> start("--artwork.source=opensea")).isInstanceOf(RuntimeException.class);
		assertThat(lineWith(output, "Invalid configuration"))
			.isEqualTo("Invalid configuration: artwork.source = 'opensea'; allowed: objkt, demo");
	}

	@Test
	void aBadArtworkNumberOrAddressStopsStartUpWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--artwork.objkt.requests-per-second=0")).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> start("--artwork.objkt.url=https://[objkt")).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> start("--artwork.objkt.ipfs-gateway=ipfs.fileship.xyz"))
			.isInstanceOf(RuntimeException.class);
		assertThat(output.getAll().lines().filter((line) -> line.contains("Invalid configuration")).map(String::trim))
			.containsExactly(
					"Invalid configuration: artwork.objkt.requests-per-second = '0'; allowed: a whole number, 1 or more",
					"Invalid configuration: artwork.objkt.url = 'https://[objkt'; allowed: an address such as "
							+ "https://example.org/",
					"Invalid configuration: artwork.objkt.ipfs-gateway = 'ipfs.fileship.xyz'; allowed: an http or https "
							+ "address such as https://ipfs.fileship.xyz/");
	}

	@Test
	void withNothingCachedTheDemoIsServedAndNeverWrittenToTheCache(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--storage.snapshot.max-delay=0s")) {
			assertThat(context.getBean(ArtworkCatalog.class).current().source()).isEqualTo("demo");
			// objkt.com out of reach (here a closed port): the demo is served, and says why.
			ArtworkStatus status = context.getBean(ArtworkRefreshService.class).status();
			assertThat(status.configuredSource()).isEqualTo("objkt");
			assertThat(status.note())
				.isEqualTo("the demo catalogue is served until the artworks from objkt make a game");
		}
		assertThat(lineWith(output, "Artwork catalogue:")).contains("because no artworks from objkt.com are cached yet");
		assertThat(this.dataDir.resolve("logs/tokens.log")).content().doesNotContain(DemoTokens.CONTRACT);
		assertThat(this.dataDir.resolve("tokens.json")).content().doesNotContain(DemoTokens.CONTRACT);
	}

	@Test
	void aSecondInstanceOnTheSameDataDirectoryStopsWithTheLockMessage(CapturedOutput output) {
		try (ConfigurableApplicationContext first = start()) {
			assertThatThrownBy(this::start).hasStackTraceContaining("is locked by another running instance");
			assertThat(lineWith(output, "Storage could not start"))
				.startsWith("Storage could not start: Data directory " + this.dataDir.toAbsolutePath().normalize()
						+ " is locked by another running instance");
			assertThat(first.isActive()).isTrue();
		}
	}

	@Test
	void everySpellingOfTheAppendLogBackendStarts() {
		for (String spelling : List.of("append-log", "append_log", "APPEND_LOG")) {
			try (ConfigurableApplicationContext context = start("--storage.backend=" + spelling)) {
				assertThat(context.getBean(PlayerRepository.class)).as(spelling).isNotNull();
			}
		}
	}

	@Test
	void closingTheContextWritesPendingJsonAndReleasesTheLock() throws Exception {
		// The snapshot delay is far longer than the test: only the close can have written the JSON files.
		try (ConfigurableApplicationContext context = start("--storage.snapshot.max-delay=1h")) {
			context.getBean(PlayerRepository.class)
				.recordResult(new GameResult("g1", "42", "Ada", "guild-1", 30, true, 3, 0,
						Instant.parse("2026-11-27T10:00:00Z")));
		}
		for (String store : List.of("players", "guild_players", "game_state", "tokens")) {
			assertThat(this.dataDir.resolve(store + ".json")).exists();
			assertThat(this.dataDir.resolve("logs/" + store + ".log")).exists();
		}
		assertThat(Files.readString(this.dataDir.resolve("players.json"))).contains("\"42\"").contains("Ada");
		assertThat(Files.readString(this.dataDir.resolve("guild_players.json"))).contains("\"guild-1:42\"");
		try (DataDirLock lock = DataDirLock.acquire(this.dataDir)) {
			assertThat(lock.lockFile()).exists();
		}
	}

	private ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--storage.data-dir=" + this.dataDir);
		all.add("--spring.main.banner-mode=off");
		if (all.stream().noneMatch((arg) -> arg.startsWith("--artwork.objkt.url="))) {
			// The background refresh asks a closed port here, never objkt.com.
			all.add("--artwork.objkt.url=" + UNREACHABLE_OBJKT);
		}
		return new SpringApplicationBuilder(NameThatArtistApplication.class).web(WebApplicationType.NONE)
			.run(all.toArray(String[]::new));
	}

	/** The one printed line that holds {@code text}, trimmed; fails when there are none or several. */
	private static String lineWith(CapturedOutput output, String text) {
		List<String> lines = output.getAll().lines().filter((line) -> line.contains(text)).toList();
		assertThat(lines).as("lines containing '%s' in:%n%s", text, output.getAll()).hasSize(1);
		return lines.get(0).trim();
	}

}
