-- The head also keeps the last record's time, so an append learns everything it chains onto from this one small
-- row instead of reading the last record, whose object ids can run to tens of kilobytes. Appending from the head
-- also keeps a record deleted from the end of the log detectable after later appends: the next record still
-- carries the deleted one's sequence number and hash.
ALTER TABLE audit_head ADD COLUMN at BIGINT NOT NULL DEFAULT 0;

UPDATE audit_head SET at = COALESCE((SELECT MAX(at) FROM audit), 0) WHERE id = 1;

-- Object ids are now stored packed (see AuditIds): bytes, not text. Records written before keep their text form
-- as its UTF-8 bytes, which the store still reads; their hashes never depended on how ids were stored.
ALTER TABLE audit ALTER COLUMN object_ids TYPE BYTEA USING convert_to(object_ids, 'UTF8');

-- Long id lists are kept once each, by the SHA-256 of their packed form, and records name them: partners poll the
-- same pages again and again, and each repeat then costs a lookup instead of another copy of the page's ids. The
-- record's hash still covers every id, so a list changed or removed breaks every record that names it.
CREATE TABLE audit_id_lists (
    digest TEXT PRIMARY KEY,
    ids    BYTEA NOT NULL
);

ALTER TABLE audit ADD COLUMN id_list TEXT;

CREATE TRIGGER audit_id_lists_no_change BEFORE UPDATE OR DELETE ON audit_id_lists
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE TRIGGER audit_id_lists_no_truncate BEFORE TRUNCATE ON audit_id_lists
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
