-- Vigil store schema, SQLite dialect. Timestamps are microseconds since the epoch (INTEGER); UUIDs are text;
-- booleans are 0/1. Keep in step with ../postgresql/V1__schema.sql.

CREATE TABLE api_roots (
    name               TEXT    NOT NULL PRIMARY KEY,
    title              TEXT    NOT NULL,
    description        TEXT,
    max_content_length INTEGER NOT NULL
);

CREATE TABLE collections (
    id          TEXT    NOT NULL PRIMARY KEY,
    api_root    TEXT    NOT NULL REFERENCES api_roots (name),
    title       TEXT    NOT NULL,
    description TEXT,
    alias       TEXT,
    media_types TEXT    NOT NULL,
    is_public   BOOLEAN NOT NULL DEFAULT FALSE,
    -- 0 CLEAR, 1 GREEN, 2 AMBER, 3 AMBER+STRICT, 4 RED
    default_tlp INTEGER NOT NULL DEFAULT 2,
    -- The newest date_added handed out in this collection; the next one is greater, even after deletes.
    last_added  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (api_root, alias)
);

-- One row per version of an object in a collection.
CREATE TABLE objects (
    collection_id  TEXT    NOT NULL REFERENCES collections (id),
    object_id      TEXT    NOT NULL,
    -- modified, else created, else date_added
    version        INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    spec_version   TEXT    NOT NULL,
    date_added     INTEGER NOT NULL,
    created_by_ref TEXT,
    -- the most restrictive TLP marking among object_marking_refs, as in collections.default_tlp; NULL if none
    tlp            INTEGER,
    granular       BOOLEAN NOT NULL,
    -- Kept up to date on every add and delete, so the TAXII defaults are index lookups, not window scans:
    -- spec_newest: this row has the newest spec_version held for the object in this collection;
    -- latest / earliest: spec_newest, and the newest / oldest version within that spec_version.
    spec_newest    BOOLEAN NOT NULL,
    latest         BOOLEAN NOT NULL,
    earliest       BOOLEAN NOT NULL,
    json           TEXT    NOT NULL,
    PRIMARY KEY (collection_id, object_id, version)
);

-- Pages of every version, and the cursor: date_added is unique within a collection.
CREATE UNIQUE INDEX objects_added ON objects (collection_id, date_added);
-- Pages of the newest version of each object (the TAXII default).
CREATE INDEX objects_latest ON objects (collection_id, latest, date_added);
-- match[type], newest version or otherwise.
CREATE INDEX objects_type ON objects (collection_id, type, latest, date_added);

CREATE TABLE organisations (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    identity_id TEXT    NOT NULL UNIQUE,
    member      BOOLEAN NOT NULL
);

CREATE TABLE users (
    id              TEXT NOT NULL PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'reader', 'federation')),
    password_hash   TEXT
);

CREATE TABLE api_tokens (
    id          TEXT    NOT NULL PRIMARY KEY,
    user_id     TEXT    NOT NULL REFERENCES users (id),
    token_hash  TEXT    NOT NULL UNIQUE,
    -- comma-separated collection ids; NULL means every collection the user may use
    collections TEXT,
    expires_at  INTEGER,
    revoked     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  INTEGER NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE grants (
    user_id       TEXT    NOT NULL REFERENCES users (id),
    collection_id TEXT    NOT NULL REFERENCES collections (id),
    can_read      BOOLEAN NOT NULL,
    can_write     BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, collection_id)
);
CREATE INDEX grants_collection ON grants (collection_id);

CREATE TABLE statuses (
    id                TEXT    NOT NULL PRIMARY KEY,
    api_root          TEXT    NOT NULL REFERENCES api_roots (name),
    user_id           TEXT    REFERENCES users (id),
    status            TEXT    NOT NULL CHECK (status IN ('complete', 'pending')),
    request_timestamp INTEGER NOT NULL,
    total_count       INTEGER NOT NULL,
    success_count     INTEGER NOT NULL,
    failure_count     INTEGER NOT NULL,
    pending_count     INTEGER NOT NULL
);

CREATE TABLE status_details (
    status_id TEXT    NOT NULL REFERENCES statuses (id),
    kind      TEXT    NOT NULL CHECK (kind IN ('success', 'failure', 'pending')),
    position  INTEGER NOT NULL,
    object_id TEXT    NOT NULL,
    version   TEXT,
    message   TEXT,
    PRIMARY KEY (status_id, kind, position)
);

-- Append-only: seq runs from 1 without gaps, and each row's hash covers the previous row's hash.
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT,
    action     TEXT    NOT NULL,
    path       TEXT,
    -- every object id of the event: a newline before the first and after each (backslash and newline escaped)
    object_ids TEXT    NOT NULL,
    detail     TEXT,
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL
);
CREATE INDEX audit_actor ON audit (actor, seq);
CREATE INDEX audit_at ON audit (at);

-- The store never changes or removes audit records; these triggers refuse it to anyone else with SQL access.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
