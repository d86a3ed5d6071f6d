package org.namethatartist.artwork;

/** A {@link TokenSource} could not give a complete answer; the message says what went wrong, for the log. */
public class TokenSourceException extends RuntimeException {

	public TokenSourceException(String message) {
		super(message);
	}

	public TokenSourceException(String message, Throwable cause) {
		super(message, cause);
	}

}
