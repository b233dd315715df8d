-- The head also keeps the last record's time, so an append learns everything it chains onto from this one small
-- row instead of reading the last record, whose object ids can run to tens of kilobytes. Appending from the head
-- also keeps a record deleted from the end of the log detectable after later appends: the next record still
-- carries the deleted one's sequence number and hash.
ALTER TABLE audit_head ADD COLUMN at BIGINT NOT NULL DEFAULT 0;

UPDATE audit_head SET at = COALESCE((SELECT MAX(at) FROM audit), 0) WHERE id = 1;

-- Object ids are now stored packed (see AuditIds) as BLOBs; the column's TEXT affinity keeps BLOBs as they are, and
-- records written before keep their text form, which the store still reads.

-- Long id lists are kept once each, by the SHA-256 of their packed form, and records name them: partners poll the
-- same pages again and again, and each repeat then costs a lookup instead of another copy of the page's ids. The
-- record's hash still covers every id, so a list changed or removed breaks every record that names it.
CREATE TABLE audit_id_lists (
    digest TEXT PRIMARY KEY,
    ids    BLOB NOT NULL
);

ALTER TABLE audit ADD COLUMN id_list TEXT;

CREATE TRIGGER audit_id_lists_no_update BEFORE UPDATE ON audit_id_lists
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_id_lists_no_delete BEFORE DELETE ON audit_id_lists
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
