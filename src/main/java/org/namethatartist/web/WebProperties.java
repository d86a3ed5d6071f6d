package org.namethatartist.web;

import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code web.*} settings of the public pages and API.
 *
 * @param play playing in the browser
 */
@Validated
@ConfigurationProperties("web")
record WebProperties(@DefaultValue @Valid Play play) {

	/**
	 * @param enabled whether browsers may start, answer and stop games; when off the API refuses them and
	 * the play page says so, while the leaderboard and the stats pages stay
	 */
	record Play(@DefaultValue("true") boolean enabled) {
	}

}
