-- Week and month boards (issue 15). One row per (period, scope, player) that did something in the
-- period: period is '2026-W49' (ISO week, UTC) or '2026-12' (calendar month); scope is '*' for the
-- global board or a Discord server id. Ids in the "C" collation, as in V1, so ties order as Java's.
CREATE TABLE period_players (
  period                  text COLLATE "C" NOT NULL,
  scope                   text COLLATE "C" NOT NULL,
  user_id                 text COLLATE "C" NOT NULL,
  username                text    NOT NULL,
  total_games             integer NOT NULL,
  total_wins              integer NOT NULL,
  total_score             bigint  NOT NULL,
  best_score              integer NOT NULL,
  total_correct_answers   integer NOT NULL,
  total_incorrect_answers integer NOT NULL,
  daily_score             bigint  NOT NULL,
  -- Derived as PeriodStats derives them (rounded half up; the numbers are never negative).
  average_score           bigint  GENERATED ALWAYS AS
    (CASE WHEN total_games > 0 THEN round(total_score::numeric / total_games) ELSE 0 END) STORED,
  accuracy_rate           integer GENERATED ALWAYS AS
    (CASE WHEN total_correct_answers + total_incorrect_answers > 0
      THEN round(100.0 * total_correct_answers / (total_correct_answers + total_incorrect_answers)) ELSE 0 END) STORED,
  PRIMARY KEY (period, scope, user_id)
);

-- What the boards counted: 'game:<gameId>' or 'day:<yyyy-mm-dd>' per player. Its key makes a write count
-- once: a repeated write finds the row taken and changes nothing.
CREATE TABLE period_counted (
  counted  text COLLATE "C" NOT NULL,
  user_id  text COLLATE "C" NOT NULL,
  PRIMARY KEY (counted, user_id)
);
