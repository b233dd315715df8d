-- Grows a collection that `vigil bench scale` filled (PostgreSQL only) by copies of its own objects, for the 10M
-- figures: loading 9M more objects through Store.add takes hours on a shared two-core machine, INSERT ... SELECT
-- minutes. Each copy k (1..copies) gets new ids (the generated ids' "-0000-4000-" becomes "-000k-4000-", in the
-- row and in its JSON) and its date_added shifted past everything before it, so the collection stays in one
-- unbroken date_added order; the reports' place index rows are copied with them, so upticks count every copy.
-- The object_recipients trigger fires for the copies as for any insert. The search index is not copied: the bench
-- does not read it.
--
--   psql -h 127.0.0.1 -p PORT -U postgres -d DB -v coll=COLLECTION_UUID -v copies=9 -f scripts/scale-copy.sql
\set ON_ERROR_STOP on
\timing on
SELECT min(date_added) AS lo, max(date_added) AS hi FROM objects WHERE collection_id = :'coll' \gset

SELECT format($f$INSERT INTO objects (collection_id, object_id, version, type, spec_version, date_added,
        created_by_ref, tlp, granular, spec_newest, latest, earliest, json, posted_by)
    SELECT collection_id, replace(object_id, '-0000-4000-', %1$L), version, type, spec_version, date_added + %2$s,
        created_by_ref, tlp, granular, spec_newest, latest, earliest,
        replace(json, object_id, replace(object_id, '-0000-4000-', %1$L)), posted_by
    FROM objects WHERE collection_id = %3$L AND date_added BETWEEN %4$s AND %5$s$f$,
    '-000' || k || '-4000-', k * (:hi - :lo + 1), :'coll', :lo, :hi)
FROM generate_series(1, :copies) k \gexec

SELECT format($f$INSERT INTO place_links (collection_id, object_id, item_id, item_type, place_id, day, tlp,
        created_by_ref, posted_by, red_to)
    SELECT collection_id, replace(object_id, '-0000-4000-', %1$L), replace(item_id, '-0000-4000-', %1$L), item_type,
        place_id, day, tlp, created_by_ref, posted_by, red_to
    FROM place_links WHERE collection_id = %2$L AND object_id LIKE 'report--%%-0000-4000-%%'$f$,
    '-000' || k || '-4000-', :'coll')
FROM generate_series(1, :copies) k \gexec

UPDATE collections SET last_added = (SELECT max(date_added) FROM objects WHERE collection_id = :'coll')
WHERE id = :'coll';
-- What autovacuum would do in time: statistics for the planner, and the visibility map for index-only scans.
VACUUM ANALYZE objects;
VACUUM ANALYZE place_links;
VACUUM ANALYZE object_recipients;
