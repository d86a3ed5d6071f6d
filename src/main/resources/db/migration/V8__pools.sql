-- Servers' own artwork pools (issue 16).
-- The token cache of each pool in use, by its canonical name ('wallet:tz1…', 'collection:KT1…'): the
-- pool's whole document in the tokens.json shape, as json (the text as written).
CREATE TABLE pool_tokens (
  pool       text COLLATE "C" PRIMARY KEY,
  document   json NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The pool each counted result was played on: NULL for the default pool (the operator's wallets),
-- else the pools' canonical names. A result on another pool counts in its server's boards only.
ALTER TABLE results ADD COLUMN pool text;
