package org.namethatartist.storage.log;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Raises the engine's log level to ERROR for one test class: recovery warns once per repaired log,
 * thousands of times in the fault tests.
 */
final class QuietEngineLogs implements BeforeAllCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(QuietEngineLogs.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put("restore", LogTestSupport.quietEngineLogs());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		context.getStore(NAMESPACE).get("restore", Runnable.class).run();
	}

}
