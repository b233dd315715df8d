-- Pages read index ranges per audience instead of walking the collection and skipping hidden rows: one range per
-- TLP level a reader may see, the reader's organisation's AMBER+STRICT rows, and the reader's own RED rows (those
-- they posted and those that name them as recipients). Unmarked rows (tlp NULL) take the collection default, so
-- they belong in every range that a default could put them in.
-- Each range ends with the latest flag, so that the TAXII default (newest versions) is decided from the index
-- alone, without reading the rows of older versions.
CREATE INDEX objects_level ON objects (collection_id, tlp, date_added, latest);
-- match[type] with an audience: one range per type and level.
CREATE INDEX objects_type_level ON objects (collection_id, type, tlp, date_added, latest);
-- Unmarked rows, when the default is a level the reader may read: their own ranges, because a range fixed by
-- "tlp IS NULL" in the indexes above is not one PostgreSQL reads in date order (it sorts the whole range).
CREATE INDEX objects_unmarked ON objects (collection_id, date_added, latest) WHERE tlp IS NULL;
CREATE INDEX objects_type_unmarked ON objects (collection_id, type, date_added, latest) WHERE tlp IS NULL;
CREATE INDEX objects_source ON objects (collection_id, tlp, created_by_ref, date_added, latest)
    WHERE tlp = 3 OR tlp IS NULL;
CREATE INDEX objects_poster ON objects (collection_id, tlp, posted_by, date_added, latest)
    WHERE tlp = 4 OR tlp IS NULL;

-- The user ids each version names as RED recipients, in any extension's "recipients" list (a superset of what the
-- access layer's policy reads), kept by triggers so that every way a row comes or goes keeps it right.
CREATE TABLE object_recipients (
    collection_id TEXT    NOT NULL,
    recipient     TEXT    NOT NULL,
    date_added    INTEGER NOT NULL,
    PRIMARY KEY (collection_id, recipient, date_added)
);
CREATE INDEX object_recipients_added ON object_recipients (collection_id, date_added);

INSERT OR IGNORE INTO object_recipients (collection_id, recipient, date_added)
SELECT o.collection_id, t.value, o.date_added
FROM objects o, json_tree(o.json, '$.extensions') t
WHERE o.json LIKE '%"recipients"%' AND t.type = 'text' AND t.path LIKE '%.recipients';

CREATE TRIGGER objects_recipients_added AFTER INSERT ON objects WHEN NEW.json LIKE '%"recipients"%'
BEGIN
    INSERT OR IGNORE INTO object_recipients (collection_id, recipient, date_added)
    SELECT NEW.collection_id, t.value, NEW.date_added
    FROM json_tree(NEW.json, '$.extensions') t
    WHERE t.type = 'text' AND t.path LIKE '%.recipients';
END;

CREATE TRIGGER objects_recipients_removed AFTER DELETE ON objects WHEN OLD.json LIKE '%"recipients"%'
BEGIN
    DELETE FROM object_recipients WHERE collection_id = OLD.collection_id AND date_added = OLD.date_added;
END;
