package org.namethatartist.storage.postgres;

import java.util.Optional;

import org.namethatartist.StorageException;
import org.namethatartist.artwork.TokenCache;
import org.namethatartist.artwork.TokenDocument;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The token cache: the whole {@code tokens.json} document in the single row of {@code tokens}, as
 * {@code json}: the text as written, its artists in their order, any character of the metadata kept.
 */
public final class PostgresTokenCache implements TokenCache {

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	PostgresTokenCache(JdbcClient jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	@Override
	public Optional<TokenDocument> load() {
		Optional<String> document;
		try {
			document = this.jdbc.sql("SELECT document::text FROM tokens WHERE id = 1").query(String.class).optional();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not read the token cache: " + ex.getMostSpecificCause().getMessage(), ex);
		}
		try {
			return document.map((json) -> this.mapper.readValue(json, TokenDocument.class));
		}
		catch (JacksonException ex) {
			throw new StorageException("The token cache in table tokens does not have the tokens.json shape: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public void save(TokenDocument document) {
		try {
			put(this.jdbc, this.mapper.writeValueAsString(document));
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not save the token cache: " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

	@Override
	public Optional<TokenDocument> loadPool(String pool) {
		Optional<String> document;
		try {
			document = this.jdbc.sql("SELECT document::text FROM pool_tokens WHERE pool = ?")
				.param(pool)
				.query(String.class)
				.optional();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not read the cached pool " + pool + ": "
					+ ex.getMostSpecificCause().getMessage(), ex);
		}
		try {
			return document.map((json) -> this.mapper.readValue(json, TokenDocument.class));
		}
		catch (JacksonException ex) {
			throw new StorageException("The cached pool " + pool + " in table pool_tokens does not have the "
					+ "tokens.json shape: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public void savePool(String pool, TokenDocument document) {
		try {
			this.jdbc.sql("INSERT INTO pool_tokens (pool, document) VALUES (?, CAST(? AS json)) ON CONFLICT (pool) "
					+ "DO UPDATE SET document = EXCLUDED.document, updated_at = now()")
				.param(pool)
				.param(this.mapper.writeValueAsString(document))
				.update();
		}
		catch (DataAccessException ex) {
			throw new StorageException("Could not save the cached pool " + pool + ": "
					+ ex.getMostSpecificCause().getMessage(), ex);
		}
	}

	/** Inserts or replaces the document, given as JSON text; used by the import too. */
	static void put(JdbcClient jdbc, String document) {
		jdbc.sql("INSERT INTO tokens (id, document) VALUES (1, CAST(? AS json)) ON CONFLICT (id) "
				+ "DO UPDATE SET document = EXCLUDED.document, updated_at = now()")
			.param(document)
			.update();
	}

}
