package org.namethatartist;

/**
 * A configuration value the application cannot run with, found after binding (for instance a backend
 * this version does not have). Its message is the one line printed when start-up stops.
 */
public class InvalidConfigurationException extends RuntimeException {

	private final String key;

	/**
	 * @param key the property, as written in {@code application.yml} (e.g. {@code storage.backend})
	 * @param value the value found
	 * @param problem what is wrong and what is allowed, e.g. {@code "allowed: append-log"}
	 */
	public InvalidConfigurationException(String key, Object value, String problem) {
		super("Invalid configuration: " + key + " = '" + value + "'; " + problem);
		this.key = key;
	}

	public String key() {
		return this.key;
	}

}
