-- The search index's rows get keys in the order a result page shows them (SearchKeys in the store's code): the
-- millisecond of the newest version's modified time times 2^18, plus the order of arrival within it. FTS5 then
-- walks its rowids newest first from its index, so a page reads about as many rows as it shows. Rows stored before
-- are keyed here in their modified order (ties by their old key); a millisecond holding more than 2^18 of them
-- spills into the next ones, as SearchKeys does.
CREATE TABLE search_rekey AS
SELECT doc_id AS old_id,
       (ms + (rn - 1) / 262144) * 262144 + (rn - 1) % 262144 AS new_id
FROM (SELECT doc_id, ms, ROW_NUMBER() OVER (PARTITION BY ms ORDER BY doc_id) AS rn
      FROM (SELECT doc_id,
                   MIN(MAX(CASE WHEN modified >= 0 THEN modified / 1000 ELSE (modified - 999) / 1000 END,
                           -17592186044416), 17592186044415) AS ms
            FROM search_docs));

CREATE TABLE search_docs_keyed (
    doc_id         INTEGER PRIMARY KEY,
    collection_id  TEXT    NOT NULL REFERENCES collections (id),
    object_id      TEXT    NOT NULL,
    object_type    TEXT    NOT NULL,
    name           TEXT,
    -- microseconds since the epoch of the newest version's modified (or created) time
    modified       INTEGER NOT NULL,
    tlp            INTEGER,
    created_by_ref TEXT,
    posted_by      TEXT,
    red_to         TEXT,
    UNIQUE (collection_id, object_id)
);
INSERT INTO search_docs_keyed (doc_id, collection_id, object_id, object_type, name, modified, tlp, created_by_ref,
                               posted_by, red_to)
SELECT k.new_id, d.collection_id, d.object_id, d.object_type, d.name, d.modified, d.tlp, d.created_by_ref,
       d.posted_by, d.red_to
FROM search_docs d JOIN search_rekey k ON k.old_id = d.doc_id;

-- rowid = search_docs.doc_id
CREATE VIRTUAL TABLE search_text_keyed USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_text_keyed (rowid, body)
SELECT k.new_id, t.body FROM search_text t JOIN search_rekey k ON k.old_id = t.rowid;

DROP TABLE search_text;
DROP TABLE search_docs;
DROP TABLE search_rekey;
ALTER TABLE search_docs_keyed RENAME TO search_docs;
ALTER TABLE search_text_keyed RENAME TO search_text;

-- Every word FTS5 has indexed, so that a word typed as a prefix is searched as the words it begins, which FTS5
-- reads lazily newest first, instead of as a prefix query, which gathers every row of those words first.
CREATE TABLE search_terms (
    term TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.search_text_terms USING fts5vocab(main, search_text, 'row');
INSERT INTO search_terms (term) SELECT term FROM temp.search_text_terms;
DROP TABLE temp.search_text_terms;
