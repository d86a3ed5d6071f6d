package org.namethatartist;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a bad value in our own {@code @ConfigurationProperties} into one line naming the key, the value
 * and what is allowed, instead of Boot's generic binding report. Registered in
 * {@code META-INF/spring.factories}; ordered first so that Boot's {@code BindFailureAnalyzer} does not
 * answer for our keys. Other people's properties (Boot's own) keep Boot's report.
 */
class InvalidConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final String OUR_PACKAGE = "org.namethatartist.";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		InvalidConfigurationException invalid = find(failure, InvalidConfigurationException.class);
		if (invalid != null) {
			return oneLine(invalid.getMessage(), failure);
		}
		ConfigurationPropertiesBindException bind = find(failure, ConfigurationPropertiesBindException.class);
		if (bind == null || !bind.getBeanType().getName().startsWith(OUR_PACKAGE)) {
			return null;
		}
		BindValidationException validation = find(bind, BindValidationException.class);
		if (validation != null) {
			return oneLine(describe(validation.getValidationErrors()), failure);
		}
		BindException conversion = find(bind, BindException.class);
		if (conversion != null && conversion.getProperty() != null) {
			Class<?> type = conversion.getTarget().getType().resolve(Object.class);
			return oneLine("Invalid configuration: " + conversion.getName() + " = '"
					+ conversion.getProperty().getValue() + "'" + from(conversion.getProperty().getOrigin()) + "; allowed: "
					+ allowed(type, find(conversion, IllegalArgumentException.class)), failure);
		}
		return null;
	}

	/** No action section: the line already says what to change, and a second paragraph only buries it. */
	private static FailureAnalysis oneLine(String description, Throwable failure) {
		return new FailureAnalysis(description, null, failure);
	}

	private static String describe(ValidationErrors errors) {
		List<String> problems = new ArrayList<>();
		for (ObjectError error : errors) {
			if (error instanceof FieldError field) {
				problems.add(errors.getName() + "." + kebab(field.getField()) + " = '" + field.getRejectedValue() + "'; "
						+ field.getDefaultMessage());
			}
			else {
				problems.add(errors.getName() + ": " + error.getDefaultMessage());
			}
		}
		// Several bad values still make one line, so the whole problem is visible at a glance.
		return "Invalid configuration: " + String.join(" | ", problems);
	}

	/** Where a value from a file was written (file, line, column); other origins only repeat the key. */
	private static String from(Origin origin) {
		Origin where = (origin instanceof PropertySourceOrigin source) ? source.getOrigin() : origin;
		return (where instanceof TextResourceOrigin) ? " (from " + where + ")" : "";
	}

	/**
	 * What the key's type accepts; for our own value types (such as ranges written {@code 5..50}), the
	 * message of the {@link IllegalArgumentException} their parser threw says it.
	 */
	static String allowed(Class<?> type, IllegalArgumentException parseFailure) {
		String known = allowed(type);
		if (known == null && parseFailure != null && type.getName().startsWith(OUR_PACKAGE)
				&& parseFailure.getMessage() != null) {
			return parseFailure.getMessage();
		}
		return (known != null) ? known : "a value of type " + type.getSimpleName();
	}

	private static String allowed(Class<?> type) {
		if (type.isEnum()) {
			List<String> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			return String.join(", ", names);
		}
		if (type == Duration.class) {
			return "a duration such as 500ms, 30s, 10m, 1h";
		}
		if (type == DataSize.class) {
			return "a size such as 512KB, 1MB, 2GB";
		}
		if (type == URI.class) {
			return "an address such as https://example.org/";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true, false";
		}
		return null;
	}

	/** Validation names fields as Java does ({@code maxDelay}); the file says {@code max-delay}. */
	private static String kebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
