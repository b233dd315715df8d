-- Which objects' rows in the place index changed, in order, so that a copy of the index kept in memory (the
-- threat picture's counts) catches up by re-reading only those objects' rows. Written in the transaction that
-- changes the index, so a change is logged exactly when it commits. Old rows are pruned; a reader that fell
-- behind the oldest row reads the whole index again. Keep in step with ../postgresql/V11__place_index_changes.sql.
CREATE TABLE place_index_changes (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    collection_id TEXT    NOT NULL,
    object_id     TEXT    NOT NULL,
    -- microseconds since the epoch
    changed_at    INTEGER NOT NULL
);

-- Finding the newest settled change and pruning both go by time.
CREATE INDEX place_index_changes_time ON place_index_changes (changed_at);
