-- Continuous screening (issue 12). Keep in step with ../sqlite/V12__screening_queue.sql.

-- Persons (individual identities and threat-actors) waiting to be screened against the watchlists of those who may
-- see them. A row is written in the same transaction as the object version it names, so no new person is missed;
-- a node claims rows with a lease (FOR UPDATE SKIP LOCKED) and deletes them when done, so a crash or a second node
-- loses nothing, and what a lapsed lease repeats is made a no-op by the deterministic ids of what screening writes.
CREATE TABLE screening_queue (
    collection_id UUID   NOT NULL REFERENCES collections (id),
    object_id     TEXT   NOT NULL,
    version       BIGINT NOT NULL,
    date_added    BIGINT NOT NULL,
    leased_by     TEXT,
    leased_until  BIGINT,
    PRIMARY KEY (collection_id, object_id, version)
);
CREATE INDEX screening_queue_by_date_added ON screening_queue (date_added);
