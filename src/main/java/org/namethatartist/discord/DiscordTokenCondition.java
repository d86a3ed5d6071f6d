package org.namethatartist.discord;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Discord starts only with a token. {@code application.yml} says {@code token: ${DISCORD_TOKEN:}}, so an
 * unset variable gives an empty value, which {@code @ConditionalOnProperty} would take as set.
 */
class DiscordTokenCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean set = StringUtils.hasText(context.getEnvironment().getProperty("discord.token"));
		return set ? ConditionOutcome.match("discord.token is set")
				: ConditionOutcome.noMatch("discord.token is empty");
	}

	/** The opposite: no token, Discord stays off. */
	static class Absent extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome token = new DiscordTokenCondition().getMatchOutcome(context, metadata);
			return token.isMatch() ? ConditionOutcome.noMatch(token.getMessage())
					: ConditionOutcome.match(token.getMessage());
		}

	}

}
