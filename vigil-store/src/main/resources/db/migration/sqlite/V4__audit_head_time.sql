-- The head also keeps the last record's time, so an append learns everything it chains onto from this one small
-- row instead of reading the last record, whose object ids can run to tens of kilobytes. Appending from the head
-- also keeps a record deleted from the end of the log detectable after later appends: the next record still
-- carries the deleted one's sequence number and hash.
ALTER TABLE audit_head ADD COLUMN at BIGINT NOT NULL DEFAULT 0;

UPDATE audit_head SET at = COALESCE((SELECT MAX(at) FROM audit), 0) WHERE id = 1;

-- Object ids are now stored packed (see AuditIds) as BLOBs; the column's TEXT affinity keeps BLOBs as they are, and
-- records written before keep their text form, which the store still reads.
