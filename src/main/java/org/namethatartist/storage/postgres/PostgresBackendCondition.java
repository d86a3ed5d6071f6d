package org.namethatartist.storage.postgres;

import org.namethatartist.storage.StorageProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code storage.backend} is postgres. Binds the value as the properties
 * record does, so every spelling it accepts ({@code append-log}, {@code append_log}, {@code APPEND_LOG})
 * selects the same backend; a value it rejects is reported by the properties' own validation.
 */
class PostgresBackendCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		try {
			return Binder.get(context.getEnvironment())
				.bind("storage.backend", StorageProperties.Backend.class)
				.map((backend) -> backend == StorageProperties.Backend.POSTGRES)
				.orElse(false);
		}
		catch (RuntimeException ex) {
			// An unbindable value: the append-log configuration loads and binding StorageProperties reports it.
			return false;
		}
	}

}
