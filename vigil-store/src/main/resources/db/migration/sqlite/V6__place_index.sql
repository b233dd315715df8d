-- The threat picture's index of reporting about places, kept in the same transaction as the objects it is read
-- from, so that counts are never behind the store and a crash loses or repeats nothing. Keep in step with
-- ../postgresql/V6__place_index.sql.

-- One row per (indexed object, place): a report naming a location, a relationship tying an SDO to a location
-- (the SDO is the item), a sighting where_sighted at a location or identity, an identity located at a location.
-- Visibility columns are the indexed object's, decided by the access layer exactly as for the object itself.
CREATE TABLE place_links (
    collection_id  TEXT    NOT NULL REFERENCES collections (id),
    object_id      TEXT    NOT NULL,
    item_id        TEXT    NOT NULL,
    item_type      TEXT    NOT NULL,
    place_id       TEXT    NOT NULL,
    -- days since 1970-01-01 (UTC) of the time the item describes
    day            INTEGER NOT NULL,
    tlp            INTEGER,
    created_by_ref TEXT,
    posted_by      TEXT,
    -- RED recipients named by the object, comma-separated
    red_to         TEXT,
    PRIMARY KEY (collection_id, object_id, place_id)
);
CREATE INDEX place_links_day ON place_links (day, place_id);
CREATE INDEX place_links_place ON place_links (place_id, day);
CREATE INDEX place_links_item ON place_links (item_id);

-- Locations, for names and the roll-up of a city's reporting to its country.
CREATE TABLE places (
    collection_id  TEXT    NOT NULL REFERENCES collections (id),
    place_id       TEXT    NOT NULL,
    name           TEXT,
    country        TEXT,
    -- a location that names a country and nothing finer: its country's reporting rolls up to it
    is_country     BOOLEAN NOT NULL,
    latitude       REAL,
    longitude      REAL,
    tlp            INTEGER,
    created_by_ref TEXT,
    posted_by      TEXT,
    red_to         TEXT,
    PRIMARY KEY (collection_id, place_id)
);
CREATE INDEX places_country ON places (country);

-- duplicate-of relationships: copies count as the story they copy.
CREATE TABLE story_copies (
    collection_id  TEXT    NOT NULL REFERENCES collections (id),
    object_id      TEXT    NOT NULL,
    copy_id        TEXT    NOT NULL,
    original_id    TEXT    NOT NULL,
    PRIMARY KEY (collection_id, object_id)
);
CREATE INDEX story_copies_copy ON story_copies (copy_id);
