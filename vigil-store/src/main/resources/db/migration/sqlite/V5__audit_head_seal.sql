-- The head's seal: an HMAC of its sequence number and hash under a key kept outside the database (audit.key in the
-- data directory). Someone who can write to the database can rewrite records and head so that the chain still
-- adds up, but cannot seal the result. Null until an installation with a key seals it.
ALTER TABLE audit_head ADD COLUMN seal TEXT;
