package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.stix.StixJson;
import org.vigil.store.IndexBackfill;

/**
 * Adds to the search and reference index the newest versions stored before it existed, a batch per transaction,
 * collection by collection in id order. The cursor (the last object looked at) moves in the same transaction as
 * the rows it adds, and the progress row is locked while it does, so a crash loses nothing and two nodes never
 * do the same batch. Each collection's row is locked as writers lock it, so an object getting a new version at
 * the same moment is indexed once, by whichever transaction comes second seeing the other's row.
 */
final class IndexBackfiller {

    private static final String JOB = "search";

    private final Database db;
    private final SearchIndex search;

    IndexBackfiller(Database db) {
        this.db = db;
        this.search = new SearchIndex(db.dialect);
    }

    private record State(UUID collection, String after, long scanned, long indexed, Long total, boolean finished) {
        IndexBackfill progress() {
            return new IndexBackfill(scanned, indexed, total == null ? -1 : total, finished);
        }
    }

    IndexBackfill progress() {
        return db.read("reading the index backfill's progress", c -> state(c, "").progress());
    }

    IndexBackfill step(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("a backfill batch must hold at least one object");
        }
        return db.write("backfilling the search index", c -> {
            State s = state(c, db.dialect.forUpdate);
            if (s.finished()) {
                return s.progress();
            }
            long total = s.total() != null ? s.total() : count(c);
            UUID collection = s.collection() != null ? s.collection() : nextCollection(c, null);
            String after = s.collection() != null ? s.after() : "";
            long scanned = s.scanned();
            long indexed = s.indexed();
            int left = batch;
            while (collection != null && left > 0) {
                lockCollection(c, collection);
                List<SearchIndex.Entry> missing = new ArrayList<>();
                int seen = 0;
                String last = after;
                try (PreparedStatement ps = c.prepareStatement("SELECT o.object_id, o.json, o.posted_by, o.tlp,"
                        + " o.created_by_ref, d.doc_id FROM objects o LEFT JOIN search_docs d"
                        + " ON d.collection_id = o.collection_id AND d.object_id = o.object_id"
                        + " WHERE o.collection_id = ? AND o.latest = TRUE AND o.object_id > ?"
                        + " ORDER BY o.object_id LIMIT " + left)) {
                    new Params(db.dialect, ps).uuid(collection).text(after);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen++;
                            last = rs.getString(1);
                            rs.getLong(6);
                            if (rs.wasNull()) {
                                int tlp = rs.getInt(4);
                                Integer level = rs.wasNull() ? null : tlp;
                                missing.add(new SearchIndex.Entry(last, StixJson.parse(rs.getString(2)),
                                        Rows.uuid(rs, "posted_by"), level, rs.getString(5), false));
                            }
                        }
                    }
                }
                search.reindex(c, collection, missing);
                scanned += seen;
                indexed += missing.size();
                left -= seen;
                if (left > 0) {
                    collection = nextCollection(c, collection);
                    after = "";
                } else {
                    after = last;
                }
            }
            UUID at = collection;
            String from = after;
            long doneScanned = scanned;
            long doneIndexed = indexed;
            try (PreparedStatement ps = c.prepareStatement("UPDATE index_backfill SET collection_id = ?,"
                    + " object_id = ?, scanned = ?, indexed = ?, total = ?, finished = ?, updated_at = ?"
                    + " WHERE job = ?")) {
                new Params(db.dialect, ps).uuid(at).text(at == null ? null : from).bigint(doneScanned)
                        .bigint(doneIndexed).bigint(total).bool(at == null).bigint(Micros.now()).text(JOB);
                ps.executeUpdate();
            }
            return new IndexBackfill(doneScanned, doneIndexed, total, at == null);
        });
    }

    private State state(Connection c, String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT collection_id, object_id, scanned, indexed, total,"
                + " finished FROM index_backfill WHERE job = ?" + lock)) {
            new Params(db.dialect, ps).text(JOB);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // A store made without the progress row has nothing from before the index.
                    return new State(null, "", 0, 0, 0L, true);
                }
                return new State(Rows.uuid(rs, "collection_id"), rs.getString("object_id"), rs.getLong("scanned"),
                        rs.getLong("indexed"), Rows.bigint(rs, "total"), rs.getBoolean("finished"));
            }
        }
    }

    private long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM objects WHERE latest = TRUE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private UUID nextCollection(Connection c, UUID after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(after == null
                ? "SELECT id FROM collections ORDER BY id LIMIT 1"
                : "SELECT id FROM collections WHERE id > ? ORDER BY id LIMIT 1")) {
            if (after != null) {
                new Params(db.dialect, ps).uuid(after);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Rows.uuid(rs, "id") : null;
            }
        }
    }

    private void lockCollection(Connection c, UUID collection) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM collections WHERE id = ?"
                + db.dialect.forUpdate)) {
            new Params(db.dialect, ps).uuid(collection);
            ps.executeQuery().close();
        }
    }
}
