-- The head also keeps the last record's time, so an append learns everything it chains onto from this one small
-- row instead of reading the last record, whose object ids can run to tens of kilobytes. Appending from the head
-- also keeps a record deleted from the end of the log detectable after later appends: the next record still
-- carries the deleted one's sequence number and hash.
ALTER TABLE audit_head ADD COLUMN at BIGINT NOT NULL DEFAULT 0;

UPDATE audit_head SET at = COALESCE((SELECT MAX(at) FROM audit), 0) WHERE id = 1;

-- Object ids are now stored packed (see AuditIds): bytes, not text. Records written before keep their text form
-- as its UTF-8 bytes, which the store still reads; their hashes never depended on how ids were stored.
ALTER TABLE audit ALTER COLUMN object_ids TYPE BYTEA USING convert_to(object_ids, 'UTF8');
