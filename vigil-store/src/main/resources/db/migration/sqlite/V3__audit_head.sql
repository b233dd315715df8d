-- The head of the audit chain: the sequence number and hash of the last record, moved in the same transaction as
-- each append. A record deleted from the end of the log leaves the chain itself intact; the head still names it.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT  NOT NULL,
    hash TEXT    NOT NULL
);

INSERT INTO audit_head (id, seq, hash)
SELECT 1, COALESCE(MAX(seq), 0),
       COALESCE((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1),
                '0000000000000000000000000000000000000000000000000000000000000000')
FROM audit;
