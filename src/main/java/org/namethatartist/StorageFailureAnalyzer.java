package org.namethatartist;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A store that cannot open (data directory locked by another instance, a bad record in {@code strict}
 * recovery, an unreadable file) stops start-up with its own message, which already names the path and
 * what to do, instead of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class StorageFailureAnalyzer extends AbstractFailureAnalyzer<StorageException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StorageException cause) {
		return new FailureAnalysis("Storage could not start: " + cause.getMessage(), null, cause);
	}

}
