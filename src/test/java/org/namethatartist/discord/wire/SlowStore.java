package org.namethatartist.discord.wire;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;

import org.namethatartist.game.GameStateRepository;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.player.PlayerRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Makes the application's stores slow, as a loaded disk or a distant database is: every write to the game
 * states, the players' stats and the period boards waits {@code delay} before it is done. Reads are not
 * slowed. Added to the context before it refreshes:
 * {@code builder.initializers((context) -> context.getBeanFactory().addBeanPostProcessor(new SlowStore(d)))}.
 */
final class SlowStore implements BeanPostProcessor {

	/** The writes of the three ports; everything else passes at full speed. */
	private static final Set<String> WRITES = Set.of("save", "delete", "roundShown", "recordResult", "recordDaily");

	private final Duration delay;

	SlowStore(Duration delay) {
		this.delay = delay;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if (!(bean instanceof GameStateRepository) && !(bean instanceof PlayerRepository)
				&& !(bean instanceof PeriodBoards)) {
			return bean;
		}
		InvocationHandler slow = (proxy, method, args) -> {
			if (WRITES.contains(method.getName())) {
				Thread.sleep(this.delay.toMillis(), this.delay.toNanosPart() % 1_000_000);
			}
			try {
				return method.invoke(bean, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return Proxy.newProxyInstance(bean.getClass().getClassLoader(), ClassUtils.getAllInterfaces(bean), slow);
	}

}
