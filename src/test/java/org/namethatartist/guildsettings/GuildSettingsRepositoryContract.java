package org.namethatartist.guildsettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link GuildSettingsRepository} does, run on each backend: values per guild and per
 * setting, reset, a whole replace, concurrent changes of one guild all kept, and all of it after a
 * restart.
 */
public abstract class GuildSettingsRepositoryContract {

	/** A repository on a fresh, empty storage. */
	protected abstract GuildSettingsRepository repository();

	/** The same storage opened again, as after a restart. */
	protected abstract GuildSettingsRepository reopen();

	@Test
	void aGuildWithoutSettingsHasNone() {
		assertThat(repository().find("g1")).isEmpty();
	}

	@Test
	void settingsAreKeptPerGuildAndSurviveARestart() {
		GuildSettingsRepository settings = repository();
		settings.put("g1", "rounds", "10");
		settings.put("g1", "channels", "1,2");
		settings.put("g2", "rounds", "30");
		settings.put("g1", "rounds", "12");
		settings.remove("g2", "rounds");
		settings.remove("g2", "pause");
		GuildSettingsRepository reopened = reopen();
		assertThat(reopened.find("g1")).containsOnly(Map.entry("rounds", "12"), Map.entry("channels", "1,2"));
		assertThat(reopened.find("g2")).isEmpty();
	}

	@Test
	void findAllGivesEveryGuildThatHasTheSetting() {
		GuildSettingsRepository settings = repository();
		settings.put("g1", "pool", "wallet:tz1a");
		settings.put("g2", "rounds", "30");
		settings.put("g3", "pool", "artist:alice");
		settings.put("g3", "rounds", "10");
		settings.remove("g1", "pool");
		settings.put("g4", "pool", "default");
		GuildSettingsRepository reopened = reopen();
		assertThat(reopened.findAll("pool")).containsOnly(Map.entry("g3", "artist:alice"), Map.entry("g4", "default"));
		assertThat(reopened.findAll("colour")).isEmpty();
	}

	@Test
	void replaceSetsExactlyTheGivenSettings() {
		GuildSettingsRepository settings = repository();
		settings.put("g1", "rounds", "10");
		settings.put("g1", "pause", "5s");
		settings.replace("g1", Map.of("pause", "8s", "stop-role", "42"));
		assertThat(settings.find("g1")).containsOnly(Map.entry("pause", "8s"), Map.entry("stop-role", "42"));
		settings.replace("g1", Map.of());
		assertThat(reopen().find("g1")).isEmpty();
	}

	@Test
	void concurrentChangesOfOneGuildAreAllKept() throws Exception {
		GuildSettingsRepository settings = repository();
		int writers = 8;
		int each = 20;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				String name = "setting-" + w;
				done.add(pool.submit(() -> {
					go.await();
					for (int i = 0; i < each; i++) {
						settings.put("g1", name, String.valueOf(i));
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, String> found = reopen().find("g1");
		assertThat(found).hasSize(writers);
		assertThat(found.values()).containsOnly(String.valueOf(each - 1));
	}

}
