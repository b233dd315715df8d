-- Who posted each version: RED content is readable by its poster. NULL for imports made without a user.
ALTER TABLE objects ADD COLUMN posted_by TEXT REFERENCES users (id);

-- objects_latest holds only the newest versions, so it stays smaller than objects_added however many superseded
-- versions a collection holds, and planners prefer it for the TAXII default page.
DROP INDEX objects_latest;
CREATE INDEX objects_latest ON objects (collection_id, date_added) WHERE latest = TRUE;
