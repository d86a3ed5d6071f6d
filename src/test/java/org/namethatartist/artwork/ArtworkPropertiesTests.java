package org.namethatartist.artwork;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namethatartist.InvalidConfigurationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code artwork.*} keys bound as Boot binds them: their defaults, and the values refused. */
class ArtworkPropertiesTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	@AfterAll
	static void closeValidation() {
		validation.close();
	}

	@Test
	void everyKeyHasItsDefault() {
		ArtworkProperties properties = bind(Map.of());

		assertThat(properties.source()).isEqualTo(ArtworkProperties.Source.OBJKT);
		assertThat(properties.objkt().url()).isEqualTo(URI.create("https://data.objkt.com/v3/graphql"));
		assertThat(properties.objkt().wallets()).containsExactly("tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B");
		assertThat(properties.objkt().ipfsGateway()).isEqualTo(URI.create("https://ipfs.fileship.xyz/"));
		assertThat(properties.objkt().refresh()).isEqualTo(Duration.ofHours(24));
		assertThat(properties.objkt().requestsPerSecond()).isEqualTo(1);
		assertThat(properties.objkt().acceptShrink()).isFalse();
		assertThat(properties.objkt().excludeUnresolvedArtists()).isTrue();
	}

	@Test
	void valuesAreReadAsWritten() {
		ArtworkProperties properties = bind(Map.of("artwork.source", "demo", "artwork.objkt.wallets",
				"tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B,KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton", "artwork.objkt.ipfs-gateway",
				"https://ipfs.io/ipfs", "artwork.objkt.exclude-unresolved-artists", "false"));

		assertThat(properties.source()).isEqualTo(ArtworkProperties.Source.DEMO);
		assertThat(properties.objkt().wallets()).hasSize(2);
		assertThat(properties.objkt().ipfsGateway()).as("a gateway always ends with a slash")
			.isEqualTo(URI.create("https://ipfs.io/ipfs/"));
		assertThat(properties.objkt().excludeUnresolvedArtists()).isFalse();
	}

	@Test
	void aWalletThatIsNoTezosAddressIsRefusedByName() {
		assertThat(refusal(Map.of("artwork.objkt.wallets", "tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B,alice")))
			.isEqualTo("artwork.objkt.wallets[1] = 'alice'; allowed: a Tezos address such as "
					+ "tz1RZN17j7FuPtDpGpXKgMXbx57WEhpZGF6B");
	}

	@Test
	void tooShortARefreshAndNoRequestsAreRefused() {
		assertThat(refusal(Map.of("artwork.objkt.refresh", "10s")))
			.isEqualTo("artwork.objkt.refresh = 'PT10S'; allowed: a duration of 1m or more, such as 12h, 24h");
		assertThat(refusal(Map.of("artwork.objkt.requests-per-second", "0")))
			.isEqualTo("artwork.objkt.requestsPerSecond = '0'; allowed: a whole number, 1 or more");
	}

	@Test
	void anAddressThatIsNotHttpIsRefusedInOneLine() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("artwork.objkt.url", "ftp://data.objkt.com/v3/graphql")))
			.havingRootCause()
			.isInstanceOf(InvalidConfigurationException.class)
			.withMessage("Invalid configuration: artwork.objkt.url = 'ftp://data.objkt.com/v3/graphql'; allowed: an "
					+ "http or https address such as https://data.objkt.com/v3/graphql");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("artwork.objkt.ipfs-gateway", "ipfs.fileship.xyz")))
			.havingRootCause()
			.withMessageStartingWith("Invalid configuration: artwork.objkt.ipfs-gateway = 'ipfs.fileship.xyz'");
	}

	private static ArtworkProperties bind(Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		ValidationBindHandler validating = new ValidationBindHandler(
				new SpringValidatorAdapter(validation.getValidator()));
		return binder.bindOrCreate("artwork", Bindable.of(ArtworkProperties.class), validating);
	}

	/** The one validation error of binding {@code values}: field (as Java names it), value and message. */
	private static String refusal(Map<String, String> values) {
		BindException failure = catchThrowableOfType(BindException.class, () -> bind(values));
		assertThat(failure).as("binding %s fails", values).isNotNull();
		assertThat(failure.getCause()).isInstanceOf(BindValidationException.class);
		ValidationErrors errors = ((BindValidationException) failure.getCause()).getValidationErrors();
		assertThat(errors.getAllErrors()).hasSize(1);
		FieldError error = (FieldError) errors.getAllErrors().get(0);
		return errors.getName() + "." + error.getField() + " = '" + error.getRejectedValue() + "'; "
				+ error.getDefaultMessage();
	}

}
