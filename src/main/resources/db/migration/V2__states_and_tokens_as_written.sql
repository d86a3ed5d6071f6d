-- Game states and the token cache keep their JSON text as written: json, not jsonb. jsonb reorders an
-- object's members (shortest key first), which lost the order in which players first answered (it breaks
-- ties in the standings of a resumed game) and the document's order of artists, and it refuses a
-- U+0000, which token metadata, written by anyone on chain, may hold. Nothing queries inside either.
ALTER TABLE game_state ALTER COLUMN state TYPE json USING state::json;
ALTER TABLE tokens ALTER COLUMN document TYPE json USING document::json;
