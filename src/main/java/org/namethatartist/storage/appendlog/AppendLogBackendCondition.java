package org.namethatartist.storage.appendlog;

import org.namethatartist.storage.StorageProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code storage.backend} is the append log (or unset). Binds the value as the properties
 * record does, so every spelling it accepts ({@code append-log}, {@code append_log}, {@code APPEND_LOG})
 * selects the same backend; a value it rejects is reported by the properties' own validation.
 */
class AppendLogBackendCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		try {
			return Binder.get(context.getEnvironment())
				.bind("storage.backend", StorageProperties.Backend.class)
				.map((backend) -> backend == StorageProperties.Backend.APPEND_LOG)
				.orElse(true);
		}
		catch (RuntimeException ex) {
			// An unbindable value: let the configuration load so that binding StorageProperties reports it.
			return true;
		}
	}

}
