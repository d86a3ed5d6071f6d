package org.namethatartist.artwork;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.namethatartist.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code artwork.*} settings: where the artworks come from and how objkt.com is asked for them. Every
 * key has its default here; a bad value stops start-up with one line naming the key.
 *
 * @param source where the catalogue comes from at start-up
 * @param objkt how objkt.com is read, and which of its artists are kept
 */
@Validated
@ConfigurationProperties("artwork")
public record ArtworkProperties(@DefaultValue("objkt") @NotNull Source source, @DefaultValue @Valid Objkt objkt) {

	/** Where the artworks come from; the constants are written {@code objkt} and {@code demo}. */
	public enum Source {

		/** The tokens the community's wallets hold on objkt.com, cached in {@code tokens.json}. */
		OBJKT,

		/** The bundled demo catalogue of public-domain paintings; nothing is fetched or cached. */
		DEMO

	}

	/**
	 * @param url objkt.com's public GraphQL endpoint
	 * @param wallets the Tezos wallets whose tokens make the catalogue
	 * @param ipfsGateway the gateway {@code ipfs://} addresses are rewritten to; always ends with {@code /}
	 * @param refresh how old the cached tokens may grow before they are fetched again
	 * @param requestsPerSecond the most requests sent to objkt.com in a second
	 * @param acceptShrink whether a refresh that finds fewer than half the tokens the cache holds, or none,
	 * replaces it; off, a partial answer from objkt.com cannot shrink the catalogue
	 * @param excludeUnresolvedArtists drop artists with neither alias nor Tezos domain, and their tokens
	 */
	public record Objkt(@DefaultValue("https://data.objkt.com/v3/graphql") @NotNull URI url,
			@DefaultValue("tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B") @NotEmpty(
					message = "allowed: one or more Tezos addresses") List<@NotNull @Pattern(
							regexp = "(tz[1-4]|KT1)[1-9A-HJ-NP-Za-km-z]{33}",
							message = "allowed: a Tezos address such as tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B") String> wallets,
			@DefaultValue("https://ipfs.fileship.xyz/") @NotNull URI ipfsGateway,
			@DefaultValue("24h") @NotNull @DurationMin(minutes = 1,
					message = "allowed: a duration of 1m or more, such as 12h, 24h") Duration refresh,
			@DefaultValue("1") @Min(value = 1, message = "allowed: a whole number, 1 or more") int requestsPerSecond,
			@DefaultValue("false") boolean acceptShrink, @DefaultValue("true") boolean excludeUnresolvedArtists) {

		public Objkt {
			requireHttp("artwork.objkt.url", url, "https://data.objkt.com/v3/graphql");
			requireHttp("artwork.objkt.ipfs-gateway", ipfsGateway, "https://ipfs.fileship.xyz/");
			// Not List.copyOf: a null element must reach validation, which names it, rather than throw here.
			wallets = (wallets != null) ? Collections.unmodifiableList(new ArrayList<>(wallets)) : null;
			// The gateway is joined to content ids: without the slash, https://host/ipfs + CID runs together.
			if (ipfsGateway != null && !ipfsGateway.getPath().endsWith("/")) {
				ipfsGateway = URI.create(ipfsGateway + "/");
			}
		}

		private static void requireHttp(String key, URI uri, String example) {
			if (uri != null && (!uri.isAbsolute() || uri.getHost() == null
					|| !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())))) {
				throw new InvalidConfigurationException(key, uri, "allowed: an http or https address such as " + example);
			}
		}

	}

}
