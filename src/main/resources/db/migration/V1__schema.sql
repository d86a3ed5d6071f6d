-- Name That Artist on PostgreSQL: the three ports' data (players, game states, token cache).
-- Ids are text in the "C" collation so that ties on a leaderboard order as Java's String.compareTo does,
-- the same order as the append-log backend.

-- Global stats, one row per player: the players.json entry, the history as JSONB.
CREATE TABLE players (
  user_id                 text COLLATE "C" PRIMARY KEY,
  username                text    NOT NULL,
  total_games             integer NOT NULL,
  total_wins              integer NOT NULL,
  total_score             bigint  NOT NULL,
  average_score           bigint  NOT NULL,
  best_score              integer NOT NULL,
  total_correct_answers   integer NOT NULL,
  total_incorrect_answers integer NOT NULL,
  total_answers           integer NOT NULL,
  accuracy_rate           integer NOT NULL,
  games_history           jsonb   NOT NULL
);

-- Per-server stats: the same columns per (guild, player).
CREATE TABLE guild_players (
  guild_id                text COLLATE "C" NOT NULL,
  user_id                 text COLLATE "C" NOT NULL,
  username                text    NOT NULL,
  total_games             integer NOT NULL,
  total_wins              integer NOT NULL,
  total_score             bigint  NOT NULL,
  average_score           bigint  NOT NULL,
  best_score              integer NOT NULL,
  total_correct_answers   integer NOT NULL,
  total_incorrect_answers integer NOT NULL,
  total_answers           integer NOT NULL,
  accuracy_rate           integer NOT NULL,
  games_history           jsonb   NOT NULL,
  PRIMARY KEY (guild_id, user_id)
);

-- One row per (game, player) counted: the unique key that makes a result count exactly once.
CREATE TABLE results (
  game_id     text COLLATE "C" NOT NULL,
  user_id     text COLLATE "C" NOT NULL,
  guild_id    text COLLATE "C",
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (game_id, user_id)
);

-- Games in progress, one per channel, in the append log's game_state JSON.
CREATE TABLE game_state (
  channel_id text COLLATE "C" PRIMARY KEY,
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The token cache: the whole tokens.json document in one row.
CREATE TABLE tokens (
  id         integer PRIMARY KEY CHECK (id = 1),
  document   jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The seven leaderboards (highest first, ties by user id), globally and per server.
CREATE INDEX players_by_total_score ON players (total_score DESC, user_id);
CREATE INDEX players_by_total_wins ON players (total_wins DESC, user_id);
CREATE INDEX players_by_average_score ON players (average_score DESC, user_id);
CREATE INDEX players_by_best_score ON players (best_score DESC, user_id);
CREATE INDEX players_by_accuracy_rate ON players (accuracy_rate DESC, user_id);
CREATE INDEX players_by_total_games ON players (total_games DESC, user_id);
CREATE INDEX players_by_total_correct_answers ON players (total_correct_answers DESC, user_id);
CREATE INDEX guild_players_by_total_score ON guild_players (guild_id, total_score DESC, user_id);
CREATE INDEX guild_players_by_total_wins ON guild_players (guild_id, total_wins DESC, user_id);
CREATE INDEX guild_players_by_average_score ON guild_players (guild_id, average_score DESC, user_id);
CREATE INDEX guild_players_by_best_score ON guild_players (guild_id, best_score DESC, user_id);
CREATE INDEX guild_players_by_accuracy_rate ON guild_players (guild_id, accuracy_rate DESC, user_id);
CREATE INDEX guild_players_by_total_games ON guild_players (guild_id, total_games DESC, user_id);
CREATE INDEX guild_players_by_total_correct_answers ON guild_players (guild_id, total_correct_answers DESC, user_id);
