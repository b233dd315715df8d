-- Browser sessions of the web UI, kept in the store so that any node can serve them. Only the SHA-256 of the
-- cookie is kept. Times are microseconds since the epoch.
CREATE TABLE web_sessions (
    session_hash TEXT    NOT NULL PRIMARY KEY,
    user_id      UUID    NOT NULL REFERENCES users (id),
    csrf_token   TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);

-- Full-text search over the newest version of every object, kept in the transaction that stores or deletes it
-- (like the place index). Visibility columns are the object's, decided by the access layer row by row.
CREATE TABLE search_docs (
    doc_id         BIGSERIAL PRIMARY KEY,
    collection_id  UUID     NOT NULL REFERENCES collections (id),
    object_id      TEXT     NOT NULL,
    object_type    TEXT     NOT NULL,
    name           TEXT,
    -- microseconds since the epoch of the newest version's modified (or created) time
    modified       BIGINT   NOT NULL,
    tlp            SMALLINT,
    created_by_ref TEXT,
    posted_by      UUID,
    red_to         TEXT,
    body           TSVECTOR NOT NULL,
    UNIQUE (collection_id, object_id)
);
CREATE INDEX search_docs_modified ON search_docs (modified, doc_id);
CREATE INDEX search_docs_body ON search_docs USING GIN (body);

-- Which objects reference which (every *_ref and *_refs property but markings and creator) in the newest version
-- of each object, kept with the search index: the UI's incoming references and graph read it by ref_id.
CREATE TABLE object_refs (
    collection_id  UUID     NOT NULL REFERENCES collections (id),
    object_id      TEXT     NOT NULL,
    ref_id         TEXT     NOT NULL,
    tlp            SMALLINT,
    created_by_ref TEXT,
    posted_by      UUID,
    red_to         TEXT,
    PRIMARY KEY (collection_id, object_id, ref_id)
);
CREATE INDEX object_refs_ref ON object_refs (ref_id);
