-- Federation feeds and the identity ids organisations claim. Keep in step with ../postgresql/V7.

-- Identity ids an organisation already signs its STIX with, besides the one Vigil made for it. An id belongs to
-- one organisation at most (the store also refuses a claim of another organisation's own identity id).
CREATE TABLE organisation_identities (
    identity_id     TEXT NOT NULL PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id)
);
CREATE INDEX organisation_identities_org ON organisation_identities (organisation_id);

-- A pull from, or a push to, a remote TAXII collection, with its state. The cursor moves in the same
-- transaction as the objects a pull brought in. locked_by / locked_until are a lease: one node runs a feed at a
-- time, and a node that dies loses it when it runs out.
CREATE TABLE feeds (
    id             TEXT    NOT NULL PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE,
    direction      TEXT    NOT NULL CHECK (direction IN ('pull', 'push')),
    url            TEXT    NOT NULL,
    collection_id  TEXT    NOT NULL REFERENCES collections (id),
    user_id        TEXT    NOT NULL REFERENCES users (id),
    remote_user    TEXT,
    -- encrypted under feed.key in the data directory, never stored in clear
    remote_secret  TEXT,
    every_seconds  INTEGER NOT NULL,
    -- the most restrictive TLP let in (0 CLEAR .. 4 RED)
    ceiling        INTEGER NOT NULL,
    added_after    TEXT,
    cursor         TEXT,
    last_sync      INTEGER,
    stored         INTEGER NOT NULL DEFAULT 0,
    duplicates     INTEGER NOT NULL DEFAULT 0,
    refused        INTEGER NOT NULL DEFAULT 0,
    above_ceiling  INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    locked_by      TEXT,
    locked_until   INTEGER
);
