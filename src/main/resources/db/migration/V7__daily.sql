-- The daily challenge (issue 15, §2): one row per UTC day, drawn the first time somebody asks for it and
-- never changed after (the first insert wins), and one row per (day, player) with the rounds played so far.
-- Both hold the same JSON as the append log's daily.json entries.
CREATE TABLE daily_challenges (
    day       date        PRIMARY KEY,
    number    integer     NOT NULL,
    challenge jsonb       NOT NULL,
    drawn_at  timestamptz NOT NULL
);

CREATE TABLE daily_progress (
    day        date        NOT NULL,
    user_id    text        NOT NULL,
    progress   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, user_id)
);

CREATE INDEX daily_progress_user ON daily_progress (user_id, day);
