package org.namethatartist.artwork.objkt;

import org.namethatartist.artwork.ArtworkProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code artwork.source} is {@code objkt} (or unset), in any spelling the properties record
 * accepts; a value it rejects is left for its validation to report.
 */
class ObjktSourceCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		try {
			return Binder.get(context.getEnvironment())
				.bind("artwork.source", ArtworkProperties.Source.class)
				.map((source) -> source == ArtworkProperties.Source.OBJKT)
				.orElse(true);
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

}
