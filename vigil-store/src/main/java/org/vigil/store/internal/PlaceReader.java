package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.store.Place;
import org.vigil.store.PlaceIndexChange;
import org.vigil.store.PlaceIndexRows;
import org.vigil.store.PlaceLink;
import org.vigil.store.PlaceQuery;

/** Reads the place index for the threat picture, narrowed to each collection's audience. */
final class PlaceReader {

    private final Database db;

    PlaceReader(Database db) {
        this.db = db;
    }

    List<PlaceLink> links(PlaceQuery q) {
        if (q.scopes().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT l.collection_id, l.object_id, l.item_id, l.place_id, l.day,"
                + " COALESCE(s.original_id, l.item_id), l.tlp, l.created_by_ref, l.posted_by, l.red_to"
                + " FROM place_links l LEFT JOIN story_copies s ON s.collection_id = l.collection_id"
                + " AND s.copy_id = l.item_id WHERE (l.day BETWEEN ? AND ? OR l.item_type = 'identity')");
        params.add(q.from().toEpochDay());
        params.add(q.to().toEpochDay());
        sql.append(" AND ").append(scopes("l", q, params));
        List<String> about = new ArrayList<>();
        if (!q.places().isEmpty()) {
            about.add("l.place_id" + AudienceSql.list(q.places().size()));
            params.addAll(q.places().stream().sorted().toList());
        }
        if (!q.countries().isEmpty()) {
            about.add("l.place_id IN (SELECT p.place_id FROM places p WHERE p.country"
                    + AudienceSql.list(q.countries().size()) + ")");
            params.addAll(q.countries().stream().sorted().toList());
        }
        if (!about.isEmpty()) {
            // A sighting at an identity counts where the identity is located.
            String at = String.join(" OR ", about);
            about.add("l.place_id IN (SELECT l.item_id FROM place_links l WHERE l.item_type = 'identity' AND ("
                    + at + "))");
            params.addAll(new ArrayList<>(params.subList(params.size() - placeParams(q), params.size())));
            sql.append(" AND (").append(String.join(" OR ", about)).append(')');
        }
        return db.read("reading the place index", c -> {
            List<PlaceLink> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Params.bindAll(db.dialect, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlaceLink(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), LocalDate.ofEpochDay(rs.getLong(5)), rs.getString(6), tlp(rs, 7),
                                rs.getString(8), uuid(rs.getString(9)), recipients(rs.getString(10))));
                    }
                }
            }
            return out;
        });
    }

    private static int placeParams(PlaceQuery q) {
        return q.places().size() + q.countries().size();
    }

    List<Place> places(PlaceQuery q) {
        if (q.scopes().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String sql = "SELECT p.collection_id, p.place_id, p.name, p.country, p.is_country, p.latitude, p.longitude,"
                + " p.tlp, p.created_by_ref, p.posted_by, p.red_to FROM places p WHERE " + scopes("p", q, params);
        return db.read("reading places", c -> {
            List<Place> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Params.bindAll(db.dialect, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Place(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getBoolean(5), number(rs, 6), number(rs, 7), tlp(rs, 8),
                                rs.getString(9), uuid(rs.getString(10)), recipients(rs.getString(11))));
                    }
                }
            }
            return out;
        });
    }

    PlaceIndexChange.Log changes(long afterSeq, int limit) {
        return db.read("reading the place index's changes", c -> {
            List<PlaceIndexChange> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, collection_id, object_id, changed_at"
                    + " FROM place_index_changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
                new Params(db.dialect, ps).bigint(afterSeq).bigint((long) limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlaceIndexChange(rs.getLong(1), UUID.fromString(rs.getString(2)),
                                rs.getString(3), Micros.instant(rs.getLong(4))));
                    }
                }
            }
            long cutoff = Micros.of(Instant.now().minus(PlaceIndexChange.SETTLED));
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MIN(seq), 0),"
                    + " COALESCE(MAX(CASE WHEN changed_at < ? THEN seq END), 0) FROM place_index_changes")) {
                new Params(db.dialect, ps).bigint(cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new PlaceIndexChange.Log(out, rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    void rows(Set<PlaceIndexRows.Key> objects, PlaceIndexRows rows) {
        db.read("reading the place index", c -> {
            if (objects.isEmpty()) {
                stream(c, LINKS, List.of(), rs -> rows.link(rawLink(rs)));
                stream(c, COPIES, List.of(), rs -> rows.copy(copy(rs)));
                return null;
            }
            Map<UUID, List<String>> byCollection = new HashMap<>();
            objects.forEach(k -> byCollection.computeIfAbsent(k.collectionId(), x -> new ArrayList<>())
                    .add(k.objectId()));
            for (Map.Entry<UUID, List<String>> e : byCollection.entrySet()) {
                List<String> ids = e.getValue();
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<Object> params = new ArrayList<>();
                    params.add(e.getKey());
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    params.addAll(chunk);
                    String where = " WHERE collection_id = ? AND object_id" + AudienceSql.list(chunk.size());
                    stream(c, LINKS + where, params, rs -> rows.link(rawLink(rs)));
                    stream(c, COPIES + where, params, rs -> rows.copy(copy(rs)));
                }
            }
            return null;
        });
    }

    void prune(Instant before) {
        db.write("pruning the place index's changes", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM place_index_changes WHERE changed_at < ?")) {
                new Params(db.dialect, ps).bigint(Micros.of(before));
                return ps.executeUpdate();
            }
        });
    }

    private static final int CHUNK = 500;
    private static final String LINKS = "SELECT collection_id, object_id, item_id, place_id, day, tlp, created_by_ref,"
            + " posted_by, red_to FROM place_links";
    private static final String COPIES = "SELECT collection_id, object_id, copy_id, original_id FROM story_copies";

    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a query and hands over its rows as they come: PostgreSQL sends them in batches inside a transaction. */
    private void stream(Connection c, String sql, List<Object> params, RowSink sink) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (db.dialect != Dialect.SQLITE) {
            c.setAutoCommit(false);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            Params.bindAll(db.dialect, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        } finally {
            if (db.dialect != Dialect.SQLITE) {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static PlaceLink rawLink(ResultSet rs) throws SQLException {
        return new PlaceLink(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                LocalDate.ofEpochDay(rs.getLong(5)), rs.getString(3), tlp(rs, 6), rs.getString(7),
                uuid(rs.getString(8)), recipients(rs.getString(9)));
    }

    private static PlaceIndexRows.Copy copy(ResultSet rs) throws SQLException {
        return new PlaceIndexRows.Copy(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4));
    }

    /** Each collection with its own audience: a row passes in the collection that holds it. */
    private static String scopes(String alias, PlaceQuery q, List<Object> params) {
        List<String> terms = new ArrayList<>();
        for (PlaceQuery.Scope s : q.scopes()) {
            params.add(s.collectionId());
            terms.add("(" + alias + ".collection_id = ? AND "
                    + AudienceSql.condition(alias, alias + ".red_to", s.audience(), params) + ")");
        }
        return "(" + String.join(" OR ", terms) + ")";
    }

    private static org.vigil.stix.Tlp tlp(ResultSet rs, int column) throws SQLException {
        int code = rs.getInt(column);
        return rs.wasNull() ? null : TlpCode.level(code);
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    private static Set<String> recipients(String s) {
        return s == null ? Set.of() : Set.of(s.split(","));
    }
}
