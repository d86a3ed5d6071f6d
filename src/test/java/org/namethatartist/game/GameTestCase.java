package org.namethatartist.game;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.namethatartist.storage.log.FsyncPolicy;

/**
 * What the game's test classes share: three players, and a {@link GameTestSupport} on real stores
 * (fsync always) in a fresh data directory per test, closed after it.
 */
abstract class GameTestCase {

	static final Player ANN = new Player("u-ann", "Ann");

	static final Player BOB = new Player("u-bob", "Bob");

	static final Player CAT = new Player("u-cat", "Cat");

	@TempDir
	Path dataDir;

	GameTestSupport games;

	@BeforeEach
	void openGames() {
		this.games = new GameTestSupport(this.dataDir, FsyncPolicy.ALWAYS);
	}

	@AfterEach
	void closeGames() {
		this.games.close();
	}

}
