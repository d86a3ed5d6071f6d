package org.namethatartist.game;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Games for operators, under {@code nta.games.*}: how many run now, rounds played, games ended or
 * stopped, and games resumed after a restart.
 */
final class GameMetrics implements GameListener {

	private final Counter rounds;

	private final Counter ended;

	private final Counter stopped;

	private final Counter resumed;

	GameMetrics(GameService games, MeterRegistry registry) {
		Gauge.builder("nta.games.running", games, GameService::running)
			.description("Games in progress")
			.register(registry);
		this.rounds = Counter.builder("nta.games.rounds").description("Rounds played to their end").register(registry);
		this.ended = Counter.builder("nta.games.finished").tag("how", "ended").description("Games over").register(registry);
		this.stopped = Counter.builder("nta.games.finished").tag("how", "stopped").description("Games over")
			.register(registry);
		this.resumed = Counter.builder("nta.games.resumed").description("Games resumed after a restart")
			.register(registry);
	}

	@Override
	public void onEvent(GameEvent event) {
		if (event instanceof GameEvent.RoundEnded) {
			this.rounds.increment();
		}
		else if (event instanceof GameEvent.GameEnded) {
			this.ended.increment();
		}
		else if (event instanceof GameEvent.GameStopped) {
			this.stopped.increment();
		}
		else if (event instanceof GameEvent.GameResumed) {
			this.resumed.increment();
		}
	}

}
