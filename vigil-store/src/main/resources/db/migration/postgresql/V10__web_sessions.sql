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
