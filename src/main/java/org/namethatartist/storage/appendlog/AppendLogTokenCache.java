package org.namethatartist.storage.appendlog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.namethatartist.StorageException;
import org.namethatartist.artwork.TokenCache;
import org.namethatartist.artwork.TokenDocument;
import org.namethatartist.storage.log.AppendLog;
import org.namethatartist.storage.log.Mutation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code tokens} store: the whole {@code tokens.json} document, saved as the original does, one
 * {@code SET} whose {@code data} members replace the document's. A server's pool is one more member,
 * {@code "pool:<pool>"} (such as {@code pool:wallet:tz1…}), holding that pool's whole document: the
 * original reads {@code tokens.json}'s {@code tokens} and {@code artistInfo} and ignores it.
 */
public final class AppendLogTokenCache implements TokenCache {

	private final AppendLog<JsonNode> log;

	private final JsonTable table;

	private final ObjectMapper mapper;

	AppendLogTokenCache(AppendLog<JsonNode> log, JsonTable table, ObjectMapper mapper) {
		this.log = log;
		this.table = table;
		this.mapper = mapper;
	}

	@Override
	public Optional<TokenDocument> load() {
		if (this.table.isEmpty()) {
			return Optional.empty();
		}
		ObjectNode document = this.mapper.createObjectNode();
		this.table.forEachEntry((member, value) -> {
			if (!member.startsWith(POOL_PREFIX)) {
				document.set(member, value);
			}
		});
		if (document.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.mapper.treeToValue(document, TokenDocument.class));
		}
		catch (JacksonException ex) {
			throw new StorageException("The token cache in " + this.log.logPath() + " does not have the tokens.json "
					+ "shape: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The member a pool's document is kept under. */
	static final String POOL_PREFIX = "pool:";

	@Override
	public Optional<TokenDocument> loadPool(String pool) {
		JsonNode stored = this.table.get(POOL_PREFIX + pool);
		if (stored == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.mapper.treeToValue(stored, TokenDocument.class));
		}
		catch (JacksonException ex) {
			throw new StorageException("The cached pool " + pool + " in " + this.log.logPath() + " does not have the "
					+ "tokens.json shape: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public synchronized void savePool(String pool, TokenDocument document) {
		String member = POOL_PREFIX + pool;
		JsonNode tree = this.mapper.valueToTree(document);
		this.log.append(new Mutation.Merge<>(Map.of(member, tree)), () -> this.table.replayPut(member, tree));
	}

	@Override
	public synchronized void save(TokenDocument document) {
		JsonNode tree = this.mapper.valueToTree(document);
		Map<String, JsonNode> members = new LinkedHashMap<>();
		tree.properties().forEach((member) -> members.put(member.getKey(), member.getValue()));
		this.log.append(new Mutation.Merge<>(members), () -> members.forEach(this.table::replayPut));
	}

}
