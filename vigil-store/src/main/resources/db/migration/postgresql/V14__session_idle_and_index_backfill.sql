-- When each browser session was last used, for the idle timeout; sessions from before count from sign-in.
-- Keep in step with ../sqlite/V14__session_idle_and_index_backfill.sql.
ALTER TABLE web_sessions ADD COLUMN last_seen BIGINT;
UPDATE web_sessions SET last_seen = created_at;

-- How far the backfill of the search and reference index (V10) has got through objects stored before it: the
-- last (collection, object) it has looked at, moved in the same transaction as the rows it indexes, so a crash or
-- a second node neither loses nor repeats work. An installation with no objects has nothing to backfill.
CREATE TABLE index_backfill (
    job            TEXT    NOT NULL PRIMARY KEY,
    collection_id  UUID,
    object_id      TEXT,
    scanned        BIGINT  NOT NULL,
    indexed        BIGINT  NOT NULL,
    -- newest versions held when the job started, for its progress; NULL until then
    total          BIGINT,
    finished       BOOLEAN NOT NULL,
    -- microseconds since the epoch
    updated_at     BIGINT
);
INSERT INTO index_backfill (job, scanned, indexed, finished)
SELECT 'search', 0, 0, NOT EXISTS (SELECT 1 FROM objects);
