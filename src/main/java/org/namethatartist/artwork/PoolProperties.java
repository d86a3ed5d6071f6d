package org.namethatartist.artwork;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code artwork.pools.*} settings: the bounds of servers' own artwork pools ({@link ArtworkPools}).
 * A bad value stops start-up with one line naming the key.
 *
 * @param maxTokens the most tokens read for one pool (a wallet or a collection); the rest are left out
 * @param maxPerServer the most pools one server may name
 */
@Validated
@ConfigurationProperties("artwork.pools")
public record PoolProperties(
		@DefaultValue("5000") @Min(value = 10, message = "allowed: a whole number from 10 to 100000")
		@Max(value = 100_000, message = "allowed: a whole number from 10 to 100000") int maxTokens,
		@DefaultValue("5") @Min(value = 1, message = "allowed: a whole number from 1 to 20")
		@Max(value = 20, message = "allowed: a whole number from 1 to 20") int maxPerServer) {

	/** The defaults, as {@code application.yml} has them. */
	public static PoolProperties defaults() {
		return new PoolProperties(5_000, 5);
	}

}
