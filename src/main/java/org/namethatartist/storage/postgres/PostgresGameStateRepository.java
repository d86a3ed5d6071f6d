package org.namethatartist.storage.postgres;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.namethatartist.StorageException;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.StoredGame;
import org.namethatartist.storage.GameSnapshotJson;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Game states in {@code game_state}, one row per channel, the state in the append log's JSON (the
 * original's {@code game_state.json} entry plus {@code nta}) as {@code json}, the text as written (jsonb
 * would reorder the players), so states this version does not recognise are kept as they are.
 */
public final class PostgresGameStateRepository implements GameStateRepository {

	private final JdbcClient jdbc;

	private final GameSnapshotJson json;

	private final ObjectMapper mapper;

	PostgresGameStateRepository(JdbcClient jdbc, GameSnapshotJson json, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.json = json;
		this.mapper = mapper;
	}

	@Override
	public void save(GameSnapshot snapshot) {
		String state = this.mapper.writeValueAsString(this.json.toJson(snapshot));
		write("save the game state of channel " + snapshot.channelId(), () -> put(this.jdbc, snapshot.channelId(), state));
	}

	/** Inserts or replaces a channel's state, given as JSON text; used by the import too. */
	static int put(JdbcClient jdbc, String channelId, String state) {
		return jdbc
			.sql("INSERT INTO game_state (channel_id, state) VALUES (?, CAST(? AS json)) ON CONFLICT (channel_id) "
					+ "DO UPDATE SET state = EXCLUDED.state, updated_at = now()")
			.param(channelId)
			.param(state)
			.update();
	}

	@Override
	public Optional<StoredGame> find(String channelId) {
		return read(() -> this.jdbc.sql("SELECT state::text FROM game_state WHERE channel_id = ?")
			.param(channelId)
			.query(String.class)
			.optional()
			.map((state) -> this.json.fromJson(channelId, this.mapper.readTree(state))));
	}

	@Override
	public void delete(String channelId) {
		write("delete the game state of channel " + channelId,
				() -> this.jdbc.sql("DELETE FROM game_state WHERE channel_id = ?").param(channelId).update());
	}

	@Override
	public List<StoredGame> findAll() {
		return read(() -> this.jdbc.sql("SELECT channel_id, state::text FROM game_state ORDER BY channel_id")
			.query((rs, n) -> this.json.fromJson(rs.getString(1), this.mapper.readTree(rs.getString(2))))
			.list());
	}

	private static void write(String what, Supplier<Integer> statement) {
		try {
			statement.get();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not " + what + ": " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

	private static <T> T read(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not read game states: " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

}
