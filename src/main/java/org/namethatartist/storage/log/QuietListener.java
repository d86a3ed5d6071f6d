package org.namethatartist.storage.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link LogListener}: metrics must never break a write, so a listener's failure is logged and forgotten. */
final class QuietListener {

	private static final Logger log = LoggerFactory.getLogger(QuietListener.class);

	private QuietListener() {
	}

	static void tell(String store, Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			log.warn("Store '{}': a storage listener failed: {}", store, ex.toString());
		}
	}

}
