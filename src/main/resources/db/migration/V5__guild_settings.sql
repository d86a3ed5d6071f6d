-- Each server's own settings (/settings): one row per (guild, setting), the value in the canonical text
-- the domain checked and wrote. A setting without a row is at its default. One row per setting, not one
-- document per guild, so two moderators changing two settings at once both keep their change.
CREATE TABLE guild_settings (
    guild_id   text        NOT NULL,
    name       text        NOT NULL,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (guild_id, name)
);
