package org.namethatartist.storage.appendlog;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.namethatartist.storage.GameSnapshotJson;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.StoredGame;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.Mutation;
import tools.jackson.databind.JsonNode;

/** Game states on the {@code game_state} store, keyed by channel id, as JSON trees. */
public final class AppendLogGameStateRepository implements GameStateRepository {

	private final AppendLog<JsonNode> log;

	private final JsonTable table;

	private final GameSnapshotJson json;

	private final KeyLocks locks = new KeyLocks(256);

	AppendLogGameStateRepository(AppendLog<JsonNode> log, JsonTable table, GameSnapshotJson json) {
		this.log = log;
		this.table = table;
		this.json = json;
	}

	@Override
	public void save(GameSnapshot snapshot) {
		String key = snapshot.channelId();
		JsonNode value = this.json.toJson(snapshot);
		var lock = this.locks.forKey(key);
		lock.lock();
		try {
			this.log.append(new Mutation.Put<>(key, value), () -> this.table.replayPut(key, value));
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public Optional<StoredGame> find(String channelId) {
		JsonNode value = this.table.get(channelId);
		return (value != null) ? Optional.of(this.json.fromJson(channelId, value)) : Optional.empty();
	}

	@Override
	public void delete(String channelId) {
		var lock = this.locks.forKey(channelId);
		lock.lock();
		try {
			if (this.table.get(channelId) == null) {
				return;
			}
			this.log.append(new Mutation.Remove<>(channelId), () -> this.table.replayRemove(channelId));
		}
		finally {
			lock.unlock();
		}
	}

	/** Every state as stored, recognised or not, for an import elsewhere. */
	void forEachJson(BiConsumer<String, JsonNode> action) {
		this.table.forEachEntry(action);
	}

	@Override
	public List<StoredGame> findAll() {
		return this.table.entries().stream().map((entry) -> this.json.fromJson(entry.getKey(), entry.getValue())).toList();
	}

}
