package org.namethatartist;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.namethatartist.artwork.image.ImageServer;

/**
 * For the whole test run, a local server of the demo catalogue's images, given to every application a test
 * starts as {@code artwork.images.demo-mirror} (a system property; a test's own arguments win). This
 * machine has no Wikimedia Commons, and rounds without their image do not count: games played in tests
 * score as players' would. Tests that need a server of their own (to count its requests, or to fail)
 * start one and pass it themselves.
 */
public final class TestImageMirror implements LauncherSessionListener {

	private ImageServer server;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (System.getProperty("artwork.images.demo-mirror") != null) {
			return;
		}
		this.server = new ImageServer();
		System.setProperty("artwork.images.demo-mirror", this.server.demoMirror());
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (this.server != null) {
			this.server.close();
			System.clearProperty("artwork.images.demo-mirror");
		}
	}

}
