-- Which objects' rows in the place index changed, in order, so that a copy of the index kept in memory (the
-- threat picture's counts) catches up by re-reading only those objects' rows. Written in the transaction that
-- changes the index, so a change is logged exactly when it commits. Sequence numbers are taken before commit, so
-- concurrent transactions may commit them out of order: readers look back over recent rows (see
-- PlaceIndexChange). Old rows are pruned; a reader that fell behind the oldest row reads the whole index again.
-- Keep in step with ../sqlite/V11__place_index_changes.sql.
CREATE TABLE place_index_changes (
    seq           BIGSERIAL PRIMARY KEY,
    collection_id UUID    NOT NULL,
    object_id     TEXT    NOT NULL,
    changed_at    BIGINT  NOT NULL
);

-- Finding the newest settled change and pruning both go by time.
CREATE INDEX place_index_changes_time ON place_index_changes (changed_at);
